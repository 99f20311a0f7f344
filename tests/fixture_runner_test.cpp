// Golden tests: every fixture under fixtures/ with a sibling `<name>.expected` is
// scanned like `handoff scan <fixture>`, and its findings and diagnostics must match
// the expected lines exactly (with the finding's place, for formats made of records).
// HANDOFF_UPDATE_FIXTURES=1 rewrites the files.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/scan.hpp"
#include "tests/fixtures.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace handoff::testing {

std::vector<fs::path> fixture_expectations() {
    std::vector<fs::path> out;
    fs::path root = source_dir() / "fixtures";
    if (!fs::exists(root)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".expected") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> render(const ScanResult& result) {
    std::vector<std::string> lines;
    for (const Finding& f : result.findings) {
        std::ostringstream line;
        const Location& l = f.location;
        line << l.path << ':' << l.line << ':' << l.column << '-' << l.end_line << ':' << l.end_column << ' ' << f.rule
             << ' ' << to_string(f.severity) << ' ' << (l.node_path.empty() ? "-" : l.node_path) << " | " << f.message;
        // The record a transcript or log finding is in (Location::place), when the format has records.
        if (!l.place.empty()) line << " | at " << l.place;
        lines.push_back(line.str());
    }
    for (const Diagnostic& d : result.diagnostics) {
        std::ostringstream line;
        line << d.path << ':' << d.line << ':' << d.column << " diagnostic " << to_string(d.kind) << " | " << d.message;
        lines.push_back(line.str());
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> read_expected(const fs::path& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

ScanResult scan_fixture(const fs::path& fixture) {
    ScanOptions options;
    options.paths = {fixture.string()};
    options.jobs = 1;
    return run_scan(options);
}

} // namespace handoff::testing

TEST_SUITE("fixtures") {
    TEST_CASE("every fixture produces exactly its expected findings") {
        using namespace handoff::testing;
        const bool update = std::getenv("HANDOFF_UPDATE_FIXTURES") != nullptr;
        std::vector<fs::path> expectations = fixture_expectations();
        REQUIRE_MESSAGE(!expectations.empty(), "no fixtures found under fixtures/");
        for (const fs::path& expected_file : expectations) {
            fs::path fixture = expected_file;
            fixture.replace_extension();
            CAPTURE(fixture.string());
            REQUIRE_MESSAGE(fs::exists(fixture), "expectation without fixture: " << expected_file);
            std::vector<std::string> actual = render(scan_fixture(fixture));
            if (update) {
                std::ofstream out(expected_file);
                for (const std::string& line : actual) out << line << '\n';
                continue;
            }
            std::vector<std::string> expected = read_expected(expected_file);
            std::vector<std::string> missing;
            std::vector<std::string> unexpected;
            std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
            std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(unexpected));
            std::string diff;
            for (const auto& m : missing) diff += "\n  - " + m;
            for (const auto& u : unexpected) diff += "\n  + " + u;
            CHECK_MESSAGE(diff.empty(), fixture.lexically_relative(source_dir()).string() << ":" << diff);
        }
    }
}
