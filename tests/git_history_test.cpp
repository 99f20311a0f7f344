// Git as a source (sources/git, cli/scan): small repositories built in a temporary folder
// with fixed names and dates, then scanned with --history, --since and --staged, as a
// shallow clone and as a bare repository. Findings must name the commit that brought the key in.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/scan.hpp"
#include "sources/git.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {

const std::string kGithub = "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";
const std::string kSlack = "xoxb-989434962313-6017796033864-Jihd9yfbyWHAE51kN8AqTG9W";

// Runs a shell command in dir with a fixed git identity and date; returns its stdout.
std::string sh(const fs::path& dir, const std::string& command, const std::string& date = "2026-01-01T00:00:00Z") {
    fs::path out = dir / ".." / (dir.filename().string() + ".out");
    std::string full = "cd '" + dir.string() + "' && env HOME='" + dir.string() +
                       "' GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=t "
                       "GIT_AUTHOR_EMAIL=t@handoff.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@handoff.invalid "
                       "GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date + " sh -c '" + command + "' >'" +
                       out.string() + "' 2>&1";
    int status = std::system(full.c_str());
    std::string text = testing::read_text(out);
    fs::remove(out);
    REQUIRE_MESSAGE(status == 0, command << ": " << text);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

ScanResult scan(const fs::path& dir, bool history, const std::string& since = {}, bool staged = false) {
    ScanOptions options;
    options.paths = {dir.string()};
    options.history = history;
    options.since = since;
    options.staged = staged;
    options.jobs = 2;
    return run_scan(options);
}

std::vector<const Finding*> by_rule(const ScanResult& r, const std::string& rule) {
    std::vector<const Finding*> out;
    for (const Finding& f : r.findings) {
        if (f.rule == rule) out.push_back(&f);
    }
    return out;
}

bool git_available() { return std::system("git --version >/dev/null 2>&1") == 0; }

#define REQUIRE_GIT()                                                                              \
    if (!git_available()) {                                                                        \
        REQUIRE_MESSAGE(std::getenv("CI") == nullptr, "git is missing, and CI runs every test");   \
        MESSAGE("SKIPPED: git is not installed");                                                  \
        return;                                                                                    \
    }

// A repository where a GitHub token was committed and then replaced by a reference.
struct RemovedKeyRepo {
    testing::TempDir tmp;
    fs::path dir = tmp.path() / "repo";
    std::string first;   // the commit that added the key
    std::string second;  // the commit that removed it
    RemovedKeyRepo() {
        fs::create_directories(dir);
        sh(dir, "git init -q -b main .");
        write(dir / "ci.yml", "env:\n  TOKEN: " + kGithub + "\n");
        write(dir / "README.md", "hello\n");
        sh(dir, "git add -A && git commit -q -m one");
        first = sh(dir, "git rev-parse HEAD");
        write(dir / "ci.yml", "env:\n  TOKEN: ${{ secrets.TOKEN }}\n");
        sh(dir, "git commit -q -am two", "2026-02-01T00:00:00Z");
        second = sh(dir, "git rev-parse HEAD");
    }
};

} // namespace

TEST_CASE("git history: a key added then removed is reported at the commit that added it") {
    REQUIRE_GIT();
    RemovedKeyRepo repo;
    CHECK(by_rule(scan(repo.dir, false), "github-token").empty());  // the files are clean
    ScanResult r = scan(repo.dir, true);
    auto found = by_rule(r, "github-token");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->location.path == "ci.yml");
    CHECK(found[0]->location.line == 2);
    CHECK(found[0]->location.commit() == repo.first);
    CHECK(found[0]->location.commit_date() == "2026-01-01T00:00:00Z");
    CHECK(found[0]->message.find("no longer in the files") != std::string::npos);
    CHECK(found[0]->remediation.find("git filter-repo") != std::string::npos);
    CHECK(found[0]->evidence.find(kGithub) == std::string::npos);  // masked, as everywhere
    CHECK(r.history.ran);
    CHECK(r.history.commits == 2);
    CHECK(r.history.versions == 3);  // README, ci.yml twice: each blob once
    CHECK_FALSE(r.history.shallow);
    // Only tokens come from history: the reference in the old workflow is no finding of its own.
    CHECK(std::all_of(r.findings.begin(), r.findings.end(),
                      [](const Finding& f) { return f.location.commit().empty() || f.family == Family::embedded_token; }));
}

TEST_CASE("git history: a key still in the files is reported once, saying history has it too") {
    REQUIRE_GIT();
    testing::TempDir tmp;
    fs::path dir = tmp.path() / "repo";
    fs::create_directories(dir);
    sh(dir, "git init -q -b main .");
    write(dir / ".env", "SLACK_BOT_TOKEN=" + kSlack + "\n");
    sh(dir, "git add -A && git commit -q -m one");
    std::string first = sh(dir, "git rev-parse --short=10 HEAD");
    write(dir / "notes.md", "more\n");
    sh(dir, "git add -A && git commit -q -m two", "2026-03-01T00:00:00Z");
    ScanResult r = scan(dir, true);
    auto found = by_rule(r, "slack-token");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->location.commit().empty());
    CHECK(found[0]->message.find("in git history too, since commit " + first) != std::string::npos);
}

TEST_CASE("git history: branches, tags and the stash are all read; --since limits the commits") {
    REQUIRE_GIT();
    RemovedKeyRepo repo;
    sh(repo.dir, "git checkout -q -b side && git tag v1 && git checkout -q main");
    write(repo.dir / "side.env", "SLACK_BOT_TOKEN=" + kSlack + "\n");
    sh(repo.dir, "git checkout -q side && git add side.env && git commit -q -m side && git checkout -q main",
       "2026-03-01T00:00:00Z");
    std::string side = sh(repo.dir, "git rev-parse side");
    ScanResult all = scan(repo.dir, true);
    auto slack = by_rule(all, "slack-token");
    REQUIRE(slack.size() == 1);
    CHECK(slack[0]->location.commit() == side);
    CHECK(by_rule(all, "github-token").size() == 1);

    // After the first commit: the key it added is out of range, the side branch's is in.
    ScanResult since = scan(repo.dir, true, repo.first);
    CHECK(by_rule(since, "github-token").empty());
    CHECK(by_rule(since, "slack-token").size() == 1);
    CHECK(since.history.commits == 2);
    CHECK(since.history.since == repo.first);

    // A stash entry is a ref too.
    write(repo.dir / "README.md", "NPM_TOKEN=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\n");
    sh(repo.dir, "git stash -q", "2026-04-01T00:00:00Z");
    CHECK(by_rule(scan(repo.dir, false), "npm-token").empty());
    CHECK(by_rule(scan(repo.dir, true), "npm-token").size() == 1);

    // A revision that does not exist is an error, not an empty history.
    testing::RunResult bad = testing::run_handoff("scan " + repo.dir.string() + " --history --since no-such-ref");
    CHECK(bad.exit_code != 0);
}

TEST_CASE("git history: a shallow clone and a bare repository are read") {
    REQUIRE_GIT();
    RemovedKeyRepo repo;
    fs::path clones = repo.tmp.path();
    sh(clones, "git clone -q --depth 1 file://" + repo.dir.string() + " shallow");
    ScanResult shallow = scan(clones / "shallow", true);
    CHECK(shallow.history.shallow);
    CHECK(shallow.history.commits == 1);
    CHECK(by_rule(shallow, "github-token").empty());  // the key's commit is past the boundary
    CHECK(std::none_of(shallow.diagnostics.begin(), shallow.diagnostics.end(),
                       [](const Diagnostic& d) { return d.kind == DiagnosticKind::internal; }));

    sh(clones, "git clone -q --bare " + repo.dir.string() + " bare.git");
    // Without --history a bare repository's objects are not walked as files: it says so.
    ScanResult plain = scan(clones / "bare.git", false);
    CHECK(plain.files.empty());
    CHECK(std::any_of(plain.diagnostics.begin(), plain.diagnostics.end(), [](const Diagnostic& d) {
        return d.kind == DiagnosticKind::skipped && d.message.find("scan it with --history") != std::string::npos;
    }));
    ScanResult bare = scan(clones / "bare.git", true);
    CHECK(bare.files.empty());  // no work tree: git's own files are not scanned
    auto found = by_rule(bare, "github-token");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->location.commit() == repo.first);
    CHECK(found[0]->location.path == "ci.yml");
}

TEST_CASE("git: --staged scans the index, not the work tree") {
    REQUIRE_GIT();
    RemovedKeyRepo repo;
    write(repo.dir / "staged.env", "SLACK_BOT_TOKEN=" + kSlack + "\n");
    write(repo.dir / "unstaged.env", "NPM_TOKEN=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\n");
    sh(repo.dir, "git add staged.env");
    // Staged, then edited again in the work tree: the staged version is what a commit records.
    write(repo.dir / "staged.env", "SLACK_BOT_TOKEN=\n");
    ScanResult r = scan(repo.dir, false, {}, true);
    CHECK(by_rule(r, "slack-token").size() == 1);
    CHECK(by_rule(r, "npm-token").empty());
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].path == "staged.env");
}

TEST_CASE("git: a tracked .env that .gitignore lists is reported; the usage errors exit 2") {
    REQUIRE_GIT();
    testing::TempDir tmp;
    fs::path dir = tmp.path() / "repo";
    fs::create_directories(dir);
    sh(dir, "git init -q -b main .");
    write(dir / "app" / ".env", "DEBUG=1\n");
    sh(dir, "git add -A && git commit -q -m one");
    write(dir / ".gitignore", ".env\n");
    write(dir / "app" / ".env.local", "X=1\n");  // ignored and untracked: fine
    ScanResult root_scan = scan(dir, false);
    auto tracked = by_rule(root_scan, "tracked-ignored-secret-file");
    REQUIRE(tracked.size() == 1);
    CHECK(tracked[0]->location.path == "app/.env");
    // Scanning a sub-folder maps the index paths onto it; git's rules come from the whole repository.
    ScanResult app_scan = scan(dir / "app", false);
    auto inside = by_rule(app_scan, "tracked-ignored-secret-file");
    REQUIRE(inside.size() == 1);
    CHECK(inside[0]->location.path == ".env");
    // A rule in .git/info/exclude counts too.
    write(dir / "keys" / "deploy.pem", "not really a key\n");
    sh(dir, "git add -A && git commit -q -m two && echo \"*.pem\" >> .git/info/exclude");
    CHECK(by_rule(scan(dir, false), "tracked-ignored-secret-file").size() == 2);

    CHECK(testing::run_handoff("scan " + tmp.path().string() + " --history").exit_code == 2);  // not a repository
    CHECK(testing::run_handoff("scan " + dir.string() + " --since HEAD").exit_code == 2);       // --since needs --history
    CHECK(testing::run_handoff("scan " + dir.string() + " --history --staged").exit_code == 2);
    CHECK(testing::run_handoff("scan " + (dir / "app" / ".env").string() + " --history").exit_code == 2);
}
