// Archives are read in memory (sources/archive): members reach the scan under
// `bundle.zip!/member`, hostile archives (bombs, many members, names that climb out,
// damage, deep nesting) stop at their limits, and nothing is ever written to disk.
#include <doctest/doctest.h>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cli/scan.hpp"
#include "sources/archive.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {

// Writes members into an in-memory archive: "zip", "tar" or "tgz".
std::string make_archive(const std::string& kind, const std::vector<std::pair<std::string, std::string>>& members) {
    struct archive* a = archive_write_new();
    if (kind == "zip") {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        if (kind == "tgz") archive_write_add_filter_gzip(a);
    }
    std::vector<char> buffer(64U << 20U);
    std::size_t used = 0;
    REQUIRE(archive_write_open_memory(a, buffer.data(), buffer.size(), &used) == ARCHIVE_OK);
    for (const auto& [name, data] : members) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
        REQUIRE(archive_write_data(a, data.data(), data.size()) == static_cast<la_ssize_t>(data.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return {buffer.data(), used};
}

struct Read {
    std::vector<ArchiveMember> members;
    ArchiveReport report;
};

Read read_all(const std::string& bytes, const ArchiveLimits& limits = {}) {
    Read out;
    out.report = read_archive(bytes, limits, [&](ArchiveMember m) { out.members.push_back(std::move(m)); });
    return out;
}

bool has_problem(const ArchiveReport& r, ArchiveProblem::Kind kind, const std::string& text) {
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const ArchiveProblem& p) { return p.kind == kind && p.text.find(text) != std::string::npos; });
}

const std::string kKey = "SLACK_BOT_TOKEN=xoxb-989434962313-6017796033864-Jihd9yfbyWHAE51kN8AqTG9W\n";

} // namespace

TEST_CASE("archive: zip, tar and tgz members are read in order, folders skipped") {
    for (const std::string kind : {"zip", "tar", "tgz"}) {
        CAPTURE(kind);
        std::string bytes = make_archive(kind, {{"a/flow.json", "{}"}, {"b/.env", kKey}});
        CHECK(archive_magic(bytes));
        Read r = read_all(bytes);
        CHECK(r.report.opened);
        CHECK(r.report.problems.empty());
        REQUIRE(r.members.size() == 2);
        CHECK(r.members[0].name == "a/flow.json");
        CHECK(r.members[1].name == "b/.env");
        CHECK(r.members[1].bytes == kKey);
    }
    CHECK(archive_name("Handover.ZIP"));
    CHECK(archive_name("x.tar.gz"));
    CHECK_FALSE(archive_name("notes.gz"));  // a lone gzip stream is not a handover archive
    CHECK_FALSE(archive_magic("just text"));
}

TEST_CASE("archive: a bomb stops at the byte limits; a large member is reported, not kept") {
    std::string zeros(8U << 20U, '\0');
    std::string bytes = make_archive("tgz", {{"big.bin", zeros}, {"second.bin", zeros}, {"third.env", kKey}});
    CHECK(bytes.size() < 100000);  // it is a bomb: tiny on disk
    ArchiveLimits limits;
    limits.member_bytes = 1U << 20U;
    limits.total_bytes = 12U << 20U;
    Read r = read_all(bytes, limits);
    REQUIRE(!r.members.empty());
    CHECK(r.members[0].too_large);
    CHECK(r.members[0].bytes.empty());
    CHECK(r.members[0].size > limits.member_bytes);
    CHECK(has_problem(r.report, ArchiveProblem::Kind::limit, "archive expands past"));
    // The third member lies past the budget: never read.
    CHECK(std::none_of(r.members.begin(), r.members.end(), [](const ArchiveMember& m) { return m.name == "third.env"; }));
}

TEST_CASE("archive: member count limit") {
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 30; ++i) many.emplace_back("m" + std::to_string(i) + ".txt", "x");
    ArchiveLimits limits;
    limits.members = 10;
    Read r = read_all(make_archive("zip", many), limits);
    CHECK(r.members.size() == 10);
    CHECK(has_problem(r.report, ArchiveProblem::Kind::limit, "more than 10 members"));
}

TEST_CASE("archive: names that climb out are names only, made safe and reported") {
    testing::TempDir dir;
    fs::path before = fs::current_path();
    fs::current_path(dir.path());
    Read r = read_all(make_archive("tar", {{"../../x/.env", kKey}, {"/etc/passwd", "root:x:0:0"}, {"./ok/./a.txt", "a"}}));
    fs::current_path(before);
    REQUIRE(r.members.size() == 3);
    CHECK(r.members[0].name == "x/.env");
    CHECK(r.members[1].name == "etc/passwd");
    CHECK(r.members[2].name == "ok/a.txt");
    CHECK(has_problem(r.report, ArchiveProblem::Kind::unsafe_name, "'../../x/.env' points outside"));
    CHECK(has_problem(r.report, ArchiveProblem::Kind::unsafe_name, "'/etc/passwd' points outside"));
    CHECK(fs::is_empty(dir.path()));  // nothing written, here or anywhere above
    CHECK_FALSE(fs::exists(dir.path().parent_path().parent_path() / "x" / ".env"));
}

TEST_CASE("archive: damage is a diagnostic, never a crash") {
    std::string bytes = make_archive("tgz", {{"a.env", kKey}, {"b.env", kKey}});
    for (std::size_t cut : {std::size_t{10}, bytes.size() / 2, bytes.size() - 3}) {
        CAPTURE(cut);
        Read r = read_all(bytes.substr(0, cut));
        CHECK(!r.report.problems.empty());
    }
    Read garbage = read_all(std::string("PK\x03\x04", 4) + std::string(100, '\xff'));
    CHECK(!garbage.report.problems.empty());
}

TEST_CASE("archive: the scan opens archives in folders, nested to three levels, and names members by path") {
    std::string level4 = make_archive("zip", {{"deep.env", kKey}});
    std::string level3 = make_archive("zip", {{"l4.zip", level4}});
    std::string level2 = make_archive("zip", {{"l3.zip", level3}});
    std::string level1 = make_archive("tgz", {{"l2.zip", level2}, {"top.env", kKey}});
    testing::TempDir dir;
    dir.write("handover.tgz", level1);
    ScanOptions options;
    options.paths = {dir.path().string()};
    options.read_git = false;
    ScanResult result = run_scan(options);
    std::vector<std::string> paths;
    for (const Finding& f : result.findings) {
        if (f.rule == "slack-token") paths.push_back(f.location.path);
    }
    CHECK(paths == std::vector<std::string>{"handover.tgz!/top.env"});
    bool deep_reported = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
        return d.path == "handover.tgz!/l2.zip!/l3.zip!/l4.zip" && d.kind == DiagnosticKind::limit &&
               d.message.find("nested more than 3 deep") != std::string::npos;
    });
    CHECK(deep_reported);
    CHECK(scan_incomplete(result));  // a level was not opened: the exit code says so
}
