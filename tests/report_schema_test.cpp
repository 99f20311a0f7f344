// docs/report.schema.json (JSON Schema 2020-12) is kept in step with the JSON writer: the
// report of every fixture folder and of examples/ must validate against it, and a report
// with a key missing or of the wrong type must not. python3-jsonschema does the validating
// (scripts/validate-report-schema.py); missing on a developer machine it says SKIPPED, and
// with CI set (.ci/run installs it) a missing validator fails.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff::testing;

namespace {

struct Validation {
    int code = -1;
    std::string output;
};

// Debian's interpreter, where python3-jsonschema installs (a python3 earlier on PATH, e.g.
// pyenv's, does not see it); python3 from PATH where there is none.
std::string interpreter() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

Validation validate(const std::vector<fs::path>& reports, const fs::path& log) {
    std::string command = interpreter() + " '" + (source_dir() / "scripts/validate-report-schema.py").string() + "'";
    for (const fs::path& r : reports) command += " '" + r.string() + "'";
    command += " > '" + log.string() + "' 2>&1";
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text(log)};
}

} // namespace

TEST_SUITE("cli") {
    TEST_CASE("the JSON report of every fixture folder and of examples/ validates against docs/report.schema.json") {
        TempDir dir;
        std::vector<fs::path> scanned;
        for (const auto& entry : fs::directory_iterator(source_dir() / "fixtures")) {
            if (entry.is_directory()) scanned.push_back(entry.path());
        }
        scanned.push_back(source_dir() / "examples");
        REQUIRE(scanned.size() >= 10);
        std::vector<fs::path> reports;
        for (const fs::path& folder : scanned) {
            fs::path report = dir.path() / (folder.filename().string() + ".json");
            RunResult r = run_handoff("scan '" + folder.string() + "' --format json --fail-on none -o '" +
                                      report.string() + "'");
            CHECK_MESSAGE(r.exit_code == 0, folder << ": " << r.err);
            reports.push_back(report);
        }
        // One report with a config diagnostic, a limit diagnostic and a suppressed finding too.
        dir.write("p/.handoff.yml", "exclude: [\"big.txt\"]\n");
        dir.write("p/huge.txt", std::string(4000, 'x'));
        dir.write("p/.env", "DB_PASSWORD=correct-horse-battery-staple\n");
        dir.write("p/.github/workflows/ci.yml",
                  "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                  "      # handoff: ignore[unpinned-action] pinned by the release process\n"
                  "      - uses: tj-actions/changed-files@v45\n");
        fs::path extra = dir.path() / "extra.json";
        run_handoff("scan '" + (dir.path() / "p").string() + "' --max-file-size 1000 --format json --fail-on none -o '" +
                    extra.string() + "'");
        REQUIRE(handoff::contains(read_text(extra), "\"limit\""));
        REQUIRE(handoff::contains(read_text(extra), "\"config\""));
        REQUIRE(handoff::contains(read_text(extra), "\"justification\": \"pinned by the release process\""));
        reports.push_back(extra);

        Validation v = validate(reports, dir.path() / "validate.log");
        if (v.code == 77) {
            MESSAGE(v.output);
            return;
        }
        CHECK_MESSAGE(v.code == 0, v.output);

        // The schema must be able to say no: a report without its summary, and one whose
        // finding has a line 0 and an unknown severity.
        auto report = nlohmann::json::parse(read_text(reports.back()));
        REQUIRE(!report["findings"].empty());
        nlohmann::json no_summary = report;
        no_summary.erase("summary");
        nlohmann::json bad_finding = report;
        bad_finding["findings"][0]["location"]["line"] = 0;
        bad_finding["findings"][0]["severity"] = "urgent";
        nlohmann::json extra_key = report;
        extra_key["unexpected"] = true;
        for (const auto& [name, bad] : {std::pair{"no-summary", no_summary}, std::pair{"bad-finding", bad_finding},
                                        std::pair{"extra-key", extra_key}}) {
            fs::path file = dir.path() / (std::string(name) + ".json");
            std::ofstream(file) << bad.dump(2);
            Validation rejected = validate({file}, dir.path() / "rejected.log");
            CHECK_MESSAGE(rejected.code == 1, name << ": " << rejected.output);
        }
    }
}
