// Golden files for every writer on the sample project (tests/report_samples.hpp).
// HANDOFF_UPDATE_GOLDEN=1 rewrites tests/golden/; read the diff before committing it.
// tests/reports/validate.sh runs the external validators over the same files.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report_samples.hpp"
#include "reports/checklist.hpp"
#include "reports/writer.hpp"

using namespace handoff;

namespace {

std::string golden_path(const std::string& name) { return std::string(HANDOFF_SOURCE_DIR) + "/tests/golden/" + name; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The first line where the two texts differ, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
    std::istringstream a(want);
    std::istringstream b(got);
    std::string la;
    std::string lb;
    for (int line = 1;; ++line) {
        bool more_a = static_cast<bool>(std::getline(a, la));
        bool more_b = static_cast<bool>(std::getline(b, lb));
        if (!more_a && !more_b) return "identical";
        if (la != lb || more_a != more_b) {
            return "line " + std::to_string(line) + "\n  golden: " + (more_a ? la : "<end>") +
                   "\n  now:    " + (more_b ? lb : "<end>");
        }
    }
}

void check_golden(const std::string& name, const std::string& got) {
    std::string path = golden_path(name);
    const char* update = std::getenv("HANDOFF_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << got;
        MESSAGE("rewrote " << path);
        return;
    }
    std::string want = read_file(path);
    bool same = want == got;
    CHECK_MESSAGE(same, name << " differs from the golden file (HANDOFF_UPDATE_GOLDEN=1 rewrites it): "
                             << first_difference(want, got));
}

std::string render(std::string_view format, const ScanResult& result, const ReportOptions& options = {}) {
    auto writer = make_writer(format);
    REQUIRE(writer != nullptr);
    std::ostringstream out;
    writer->write(result, options, out);
    return out.str();
}

const std::vector<std::pair<std::string_view, std::string>>& golden_formats() {
    static const std::vector<std::pair<std::string_view, std::string>> formats{
        {"text", "txt"}, {"sarif", "sarif"}, {"markdown", "md"},
        {"html", "html"}, {"junit", "junit.xml"}, {"github", "github.txt"},
    };
    return formats;
}

} // namespace

TEST_CASE("golden: every writer on the sample project") {
    ReportOptions options;
    options.title = "Lead-intake automation handover";
    options.client = "Acme <GmbH> & Co";
    options.author = "Jo Freelancer";
    options.sarif_suppressed = true;  // so the validators see SARIF suppressions too
    ScanResult review = samples::review_project();
    for (const auto& [format, extension] : golden_formats()) {
        check_golden("review." + extension, render(format, review, options));
    }
    ReportOptions colour;
    colour.color = true;
    check_golden("review.color.txt", render("text", review, colour));
    std::ostringstream checklist;
    write_checklist(review, checklist);
    check_golden("review.checklist.md", checklist.str());
}

TEST_CASE("golden: every writer on a project with nothing to report") {
    ScanResult clean = samples::clean_project();
    for (const auto& [format, extension] : golden_formats()) {
        check_golden("clean." + extension, render(format, clean));
    }
    std::ostringstream checklist;
    write_checklist(clean, checklist);
    check_golden("clean.checklist.md", checklist.str());
}
