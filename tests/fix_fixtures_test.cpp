// Golden tests of `handoff fix`: every project folder under fixtures/fix/ with a sibling
// `<name>.diff` is copied to a temporary folder and fixed. The masked diff, the notes and
// the manual steps must match the .diff file exactly (HANDOFF_UPDATE_FIXTURES=1 rewrites
// it); after writing, a rescan finds no key outside .env but the ones listed as manual,
// every edited file has the format it had, and a second run changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "cli/scan.hpp"
#include "fix/fix.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;
using handoff::testing::read_text;
using handoff::testing::source_dir;
using handoff::testing::TempDir;

namespace {

ScanResult scan_folder(const fs::path& folder) {
    ScanOptions options;
    options.paths = {folder.string()};
    options.jobs = 1;
    return run_scan(options);
}

std::string render(const FixPlan& plan) {
    std::string out = plan_diff(plan);
    for (const std::string& note : plan.notes) out += "# note: " + note + "\n";
    for (const ManualStep& m : plan.manual) {
        out += "# manual: " + m.location.path + ":" + std::to_string(m.location.line) + ":" +
               std::to_string(m.location.column) + " " + m.rule + ": " + m.why + "\n";
    }
    return out;
}

std::map<std::string, Format> formats(const ScanResult& scan) {
    std::map<std::string, Format> out;
    for (const ScannedFile& f : scan.files) out[f.path] = f.format;
    return out;
}

} // namespace

TEST_CASE("fix fixtures: each project's diff, then a clean rescan and an empty second run") {
    fs::path root = source_dir() / "fixtures" / "fix";
    REQUIRE(fs::exists(root));
    bool update = std::getenv("HANDOFF_UPDATE_FIXTURES") != nullptr;
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        fs::path expected_file = entry.path().string() + ".diff";
        if (!fs::exists(expected_file) && !update) continue;
        ++cases;
        CAPTURE(entry.path().filename().string());
        TempDir dir;
        fs::copy(entry.path(), dir.path(), fs::copy_options::recursive);
        ScanResult before = scan_folder(dir.path());
        FixPlan plan = plan_fixes(dir.path().string(), before, FixOptions{});
        std::string got = render(plan);
        if (update) {
            std::ofstream(expected_file, std::ios::binary) << got;
        } else {
            CHECK(got == read_text(expected_file));
        }

        std::string error;
        REQUIRE(apply_plan(dir.path().string(), plan, error));
        ScanResult after = scan_folder(dir.path());
        std::set<std::string> manual_files;
        for (const ManualStep& m : plan.manual) manual_files.insert(m.location.path);
        for (const Finding& f : after.findings) {
            if (f.family != Family::embedded_token || f.location.path == ".env") continue;
            CHECK_MESSAGE(manual_files.count(f.location.path) == 1, "key left in " << f.location.path);
        }
        std::map<std::string, Format> was = formats(before);
        for (const auto& [path, format] : formats(after)) {
            if (was.count(path) != 0) CHECK_MESSAGE(was[path] == format, path);
        }
        CHECK(plan_fixes(dir.path().string(), after, FixOptions{}).changes.empty());
    }
    CHECK(cases >= 6);
}
