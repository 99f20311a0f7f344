// Golden tests: every fixture under fixtures/ with a sibling `<name>.expected` is
// scanned like `handoff scan <fixture>`, and its findings and diagnostics must match
// the expected lines exactly (with the finding's place, for formats made of records).
// HANDOFF_UPDATE_FIXTURES=1 rewrites the files.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>
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
        line << l.path << (l.commit().empty() ? "" : "@" + l.commit().substr(0, 10)) << ':' << l.line << ':' << l.column << '-' << l.end_line << ':' << l.end_column << ' ' << f.rule
             << ' ' << to_string(f.severity) << ' ' << (l.node_path.empty() ? "-" : l.node_path) << " | " << f.message;
        // The record a transcript or log finding is in (Location::place), when the format has records.
        if (!l.place().empty()) line << " | at " << l.place();
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

namespace {

// A git fixture is a folder with a `git-setup.sh`: the folder's other files are copied to a
// temporary folder, the script makes a repository there (fixed names and dates, so commit
// ids are the same on every machine), and that folder is scanned with --history.
std::optional<fs::path> build_git_fixture(const fs::path& fixture) {
    fs::path script = fixture / "git-setup.sh";
    if (!fs::exists(script)) return std::nullopt;
    fs::path work = fs::temp_directory_path() / ("handoff-git-fixture-" + fixture.filename().string());
    fs::remove_all(work);
    fs::create_directories(work);
    for (const auto& entry : fs::directory_iterator(fixture)) {
        if (entry.path().filename() != "git-setup.sh") {
            fs::copy(entry.path(), work / entry.path().filename(), fs::copy_options::recursive);
        }
    }
    std::string command = "cd '" + work.string() +
                          "' && env HOME='" + work.string() + "' GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
                          "GIT_AUTHOR_NAME=fixture GIT_AUTHOR_EMAIL=fixture@handoff.invalid "
                          "GIT_COMMITTER_NAME=fixture GIT_COMMITTER_EMAIL=fixture@handoff.invalid "
                          "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z "
                          "sh '" + script.string() + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("git-setup.sh failed in " + work.string());
    return work;
}

} // namespace

ScanResult scan_fixture(const fs::path& fixture) {
    ScanOptions options;
    options.paths = {fixture.string()};
    options.jobs = 1;
    options.read_git = false;  // the fixtures live in handoff's own repository: its index is not theirs
    if (std::optional<fs::path> repo = build_git_fixture(fixture)) {
        options.paths = {repo->string()};
        options.history = true;
        ScanResult result = run_scan(options);
        fs::remove_all(*repo);
        return result;
    }
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
