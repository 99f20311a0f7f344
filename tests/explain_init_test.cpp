// handoff explain, handoff init and the "did you mean" of a mistyped subcommand.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/config.hpp"
#include "core/text.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff::testing;

namespace {
std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }
} // namespace

TEST_CASE("edit distance and nearest words") {
    CHECK(handoff::edit_distance("scan", "scan") == 0);
    CHECK(handoff::edit_distance("scna", "scan") == 2);
    CHECK(handoff::edit_distance("kitten", "sitting") == 3);
    CHECK(handoff::edit_distance("", "abc") == 3);
    CHECK(handoff::edit_distance("SCAN", "scan") == 0);
    std::vector<std::string_view> words{"scan", "fix", "formats", "rules", "explain"};
    auto near = handoff::nearest_words("scna", words);
    REQUIRE(!near.empty());
    CHECK(near.front() == "scan");
    CHECK(handoff::nearest_words("zzzzzzzz", words).empty());
    CHECK(handoff::nearest_words("form", words).front() == "formats");
}

TEST_SUITE("cli") {
    TEST_CASE("explain prints the rule's page; colour only when asked or on a terminal") {
        RunResult r = run_handoff("explain unpinned-action");
        CHECK(r.exit_code == 0);
        CHECK(r.out.starts_with("# unpinned-action:"));
        CHECK(handoff::contains(r.out, "## What to do"));
        CHECK(handoff::contains(r.out, "Default severity"));
        CHECK(!handoff::contains(r.out, "\x1b["));  // stdout is a file here
        RunResult colored = run_handoff("explain unpinned-action --color always");
        CHECK(colored.exit_code == 0);
        CHECK(handoff::contains(colored.out, "\x1b[1;36mWhat to do\x1b[0m"));
        RunResult no_color = run_handoff("explain unpinned-action --color auto");
        CHECK(!handoff::contains(no_color.out, "\x1b["));
    }

    TEST_CASE("explain of an unknown rule exits 2 and names the nearest ids") {
        RunResult r = run_handoff("explain unpinned-actoin");
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(handoff::contains(r.err, "unknown rule 'unpinned-actoin'"));
        CHECK(handoff::contains(r.err, "did you mean unpinned-action"));
        RunResult far = run_handoff("explain qqqqqqqqqqqqqqqqqq");
        CHECK(far.exit_code == 2);
        CHECK(!handoff::contains(far.err, "did you mean"));
    }

    TEST_CASE("a mistyped subcommand names the nearest one") {
        TempDir dir;
        RunResult r = run_handoff("scna " + quoted(dir.path()));
        CHECK(r.exit_code == 2);
        CHECK(handoff::contains(r.err, "unknown command 'scna'; did you mean scan"));
        RunResult e = run_handoff("explian unpinned-action");
        CHECK(e.exit_code == 2);
        CHECK(handoff::contains(e.err, "did you mean explain"));
        // A known subcommand with a bad option keeps CLI11's own message.
        RunResult bad = run_handoff("scan " + quoted(dir.path()) + " --no-such-option");
        CHECK(bad.exit_code == 2);
        CHECK(!handoff::contains(bad.err, "unknown command"));
    }

    TEST_CASE("init writes a commented config that loads back, and refuses to overwrite one") {
        TempDir dir;
        dir.write(".github/workflows/ci.yml",
                  "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                  "      - uses: tj-actions/changed-files@v45\n");
        dir.write(".env.example", "OPENAI_API_KEY=\n");
        RunResult r = run_handoff("init " + quoted(dir.path()));
        CHECK(r.exit_code == 0);
        fs::path config = dir.path() / ".handoff.yml";
        REQUIRE(fs::exists(config));
        std::string text = read_text(config);
        CHECK(handoff::contains(text, "#   github-workflow: 1 file"));
        CHECK(handoff::contains(text, "#   dotenv: 1 file"));
        CHECK(handoff::contains(text, "#   unpinned-action: {severity: medium}   # 1 finding"));
        handoff::for_each_line(text, [&](std::string_view line, std::size_t) {
            CHECK_MESSAGE((line.empty() || line.starts_with("#")), "uncommented line: " << line);
        });
        std::string error;
        CHECK_MESSAGE(handoff::read_config(config, error).has_value(), error);

        // Uncommenting a listed entry gives a valid config too.
        std::string edited = text;
        auto replace = [&](std::string_view from, std::string_view to) {
            std::size_t at = edited.find(from);
            REQUIRE(at != std::string::npos);
            edited.replace(at, from.size(), to);
        };
        replace("# rules:\n", "rules:\n");
        replace("#   unpinned-action", "  unpinned-action");
        replace("# fail-on: high", "fail-on: high");
        dir.write(".handoff.yml", edited);
        CHECK_MESSAGE(handoff::read_config(config, error).has_value(), error);

        RunResult again = run_handoff("init " + quoted(dir.path()));
        CHECK(again.exit_code == 2);
        CHECK(handoff::contains(again.err, "already exists"));
        CHECK(read_text(config) == edited);
        RunResult forced = run_handoff("init " + quoted(dir.path()) + " --force");
        CHECK(forced.exit_code == 0);
        CHECK(read_text(config) == text);
        // The scan picks the config up and names it.
        RunResult scan = run_handoff("scan " + quoted(dir.path()) + " --format json");
        CHECK(handoff::contains(scan.out, "config applied"));
    }
}
