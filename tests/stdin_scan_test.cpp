// `handoff scan -`: standard input scanned as one file under --stdin-filename.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff::testing;

namespace {

// Runs handoff with `input` on its standard input.
RunResult run_with_stdin(const std::string& input, const std::string& arguments, const fs::path& cwd = {}) {
    TempDir tmp;
    tmp.write("in", input);
    fs::path in = tmp.path() / "in";
    fs::path out = tmp.path() / "out";
    fs::path err = tmp.path() / "err";
    std::string command = (cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ") + "cat '" + in.string() + "' | " + std::string(HANDOFF_BINARY) + " " + arguments + " >'" +
                          out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(command.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

const char* kWorkflow =
    "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: tj-actions/changed-files@v45\n";

} // namespace

TEST_SUITE("cli") {
    TEST_CASE("scan - reads standard input; --stdin-filename decides the format and names it") {
        RunResult r = run_with_stdin(kWorkflow, "scan - --stdin-filename .github/workflows/ci.yml --format json --fail-on none");
        CHECK(r.exit_code == 0);
        auto report = nlohmann::json::parse(r.out);
        REQUIRE(report["files"].size() == 1);
        CHECK(report["files"][0]["path"] == ".github/workflows/ci.yml");
        CHECK(report["files"][0]["format"] == "github-workflow");
        bool unpinned = false;
        for (const auto& f : report["findings"]) {
            if (f["rule"] == "unpinned-action") {
                unpinned = true;
                CHECK(f["location"]["path"] == ".github/workflows/ci.yml");
                CHECK(f["location"]["line"] == 6);
            }
        }
        CHECK(unpinned);

        // The name decides when the content does not: KEY=value lines are a dotenv file
        // only under a dotenv name.
        const char* dotenv = "OPENAI_API_KEY=\nDEBUG=1\n";
        RunResult as_env = run_with_stdin(dotenv, "scan - --stdin-filename .env.example --format json --fail-on none");
        RunResult as_md = run_with_stdin(dotenv, "scan - --stdin-filename notes.md --format json --fail-on none");
        CHECK(nlohmann::json::parse(as_env.out)["files"][0]["format"] == "dotenv");
        auto md = nlohmann::json::parse(as_md.out);
        CHECK(md["files"][0]["path"] == "notes.md");
        CHECK(md["files"][0]["format"] == "text");
    }

    TEST_CASE("scan - without a name is called stdin; with files it is one more file") {
        RunResult r = run_with_stdin("DB_PASSWORD=correct-horse-battery-staple\n", "scan - --format json --fail-on none");
        CHECK(r.exit_code == 0);
        auto report = nlohmann::json::parse(r.out);
        REQUIRE(report["files"].size() == 1);
        CHECK(report["files"][0]["path"] == "stdin");

        TempDir dir;
        dir.write(".env.example", "OPENAI_API_KEY=\n");
        RunResult both = run_with_stdin(kWorkflow, "scan - '" + (dir.path() / ".env.example").string() +
                                                       "' --stdin-filename ci.yml --format json --fail-on none");
        CHECK(both.exit_code == 0);
        auto both_report = nlohmann::json::parse(both.out);
        CHECK(both_report["files"].size() == 2);
    }

    TEST_CASE("scan - reads the project config of the current folder") {
        TempDir dir;
        dir.write(".handoff.yml", "rules:\n  dotenv-not-ignored: {enabled: false}\n");
        RunResult r = run_with_stdin("DB_PASSWORD=correct-horse-battery-staple\n",
                                     "scan - --stdin-filename .env --format json --fail-on none", dir.path());
        auto report = nlohmann::json::parse(r.out);
        bool applied = false;
        for (const auto& d : report["diagnostics"]) applied = applied || d["kind"] == "config";
        CHECK_MESSAGE(applied, r.out);
        for (const auto& f : report["findings"]) CHECK(f["rule"] != "dotenv-not-ignored");
        RunResult without = run_with_stdin("DB_PASSWORD=correct-horse-battery-staple\n",
                                           "scan - --stdin-filename .env --format json --fail-on none --no-config", dir.path());
        CHECK(handoff::contains(without.out, "dotenv-not-ignored"));
    }

    TEST_CASE("scan - is bounded by --max-file-size and never prints the key") {
        std::string big(5000, 'a');
        RunResult r = run_with_stdin(big, "scan - --max-file-size 1000 --format json");
        CHECK(r.exit_code == 3);  // not read in full: incomplete
        CHECK(handoff::contains(r.err, "over the limit of 1000"));

        std::string key = "sk-proj-" + std::string(40, 'Q') + "T3BlbkFJ" + std::string(40, 'Z');
        RunResult k = run_with_stdin("OPENAI_API_KEY=" + key + "\n", "scan - --stdin-filename app/.env");
        CHECK(!handoff::contains(k.out, key));
        CHECK(!handoff::contains(k.err, key));
    }
}
