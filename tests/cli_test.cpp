// The binary as users run it: exit codes, outputs, corpus detection.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff::testing;

namespace {
std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// Skipped only where ../shared is absent (a developer's machine); CI always has it.
bool have_shared() {
    if (fs::exists(shared_dir() / "corpus")) return true;
    MESSAGE("SKIPPED: ../shared/corpus not found beside the repository");
    return false;
}
} // namespace

TEST_SUITE("cli") {
    TEST_CASE("usage errors exit 2 with a message on stderr") {
        RunResult none = run_handoff("");
        CHECK(none.exit_code == 2);
        RunResult bad = run_handoff("scan /definitely/not/here");
        CHECK(bad.exit_code == 2);
        CHECK(!bad.err.empty());
        TempDir dir;
        dir.write("a.txt", "hello\n");
        CHECK(run_handoff("scan " + quoted(dir.path()) + " --format nonsense").exit_code == 2);
        CHECK(run_handoff("scan " + quoted(dir.path()) + " --fail-on sometimes").exit_code == 2);
        CHECK(run_handoff("scan " + quoted(dir.path()) + " --report sarif").exit_code == 2);
    }

    TEST_CASE("a clean project exits 0 and the JSON report has the documented shape") {
        TempDir dir;
        dir.write("README.md", "# demo\nNothing to see.\n");
        dir.write(".env.example", "OPENAI_API_KEY=\n");
        RunResult r = run_handoff("scan " + quoted(dir.path()) + " --format json");
        CHECK(r.exit_code == 0);
        auto report = nlohmann::json::parse(r.out);
        CHECK(report["tool"]["name"] == "handoff");
        CHECK(report["files"].size() == 2);
        CHECK(report["findings"].is_array());
        CHECK(report["inventory"].is_array());
        CHECK(report["diagnostics"].is_array());
        for (const char* key : {"critical", "high", "medium", "low", "info", "files", "bytes"}) {
            CHECK(report["summary"].contains(key));
        }
        std::map<std::string, std::string> formats;
        for (const auto& f : report["files"]) formats[f["path"]] = f["format"];
        CHECK(formats[".env.example"] == "dotenv");
        CHECK(formats["README.md"] == "text");
    }

    TEST_CASE("findings at or above --fail-on exit 1; below it exit 0") {
        TempDir dir;
        dir.write(".env", "DB_PASSWORD=correct-horse-battery-staple\n");
        RunResult r = run_handoff("scan " + quoted(dir.path()) + " --format json");
        CHECK(r.exit_code == 1);
        auto report = nlohmann::json::parse(r.out);
        REQUIRE(report["findings"].size() >= 1);
        bool found = false;
        for (const auto& f : report["findings"]) {
            if (f["rule"] != "dotenv-not-ignored") continue;
            found = true;
            CHECK(f["location"]["path"] == ".env");
            CHECK(f["location"]["line"] == 1);
            CHECK(f["location"]["column"] == 1);
            CHECK(f["fingerprint"].get<std::string>().size() == 32);
        }
        CHECK(found);
        CHECK(r.out.find("correct-horse-battery-staple") == std::string::npos);
        CHECK(run_handoff("scan " + quoted(dir.path()) + " --fail-on none").exit_code == 0);
        CHECK(run_handoff("scan " + quoted(dir.path()) + " --fail-on critical").exit_code == 0);
    }

    TEST_CASE("--output and --report write files; stdout stays for the main format") {
        TempDir dir;
        dir.write("proj/.env", "API_TOKEN=correct-horse-battery-staple\n");
        fs::path json = dir.path() / "out.json";
        fs::path also = dir.path() / "also.json";
        RunResult r = run_handoff("scan " + quoted(dir.path() / "proj") + " --format json --output " + quoted(json) +
                                  " --report json=" + quoted(also) + " --fail-on none");
        CHECK(r.exit_code == 0);
        CHECK(r.out.empty());
        CHECK(nlohmann::json::parse(read_text(json))["findings"].size() >= 1);
        CHECK(read_text(json) == read_text(also));
    }

    TEST_CASE("inline ignores silence a finding and are counted") {
        TempDir dir;
        dir.write(".env", "# handoff: ignore[dotenv-not-ignored] local only, never committed\nAPI_TOKEN=abc-def-ghi-jkl\n");
        RunResult r = run_handoff("scan " + quoted(dir.path()) + " --format json");
        auto report = nlohmann::json::parse(r.out);
        CHECK(report["findings"].empty());
        CHECK(report["summary"]["suppressed"] == 1);
        CHECK(r.exit_code == 0);
        RunResult all = run_handoff("scan " + quoted(dir.path()) + " --format json --no-ignores");
        CHECK(all.exit_code == 1);
    }

    TEST_CASE("formats: every labelled corpus file is detected as its label") {
        if (!have_shared()) return;
        fs::path formats = shared_dir() / "corpus" / "formats";
        RunResult r = run_handoff("formats " + quoted(formats));
        REQUIRE(r.exit_code == 0);
        std::map<std::string, std::string> detected;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            std::size_t tab = line.find('\t');
            if (tab != std::string::npos) detected[line.substr(0, tab)] = line.substr(tab + 1);
        }
        std::ifstream labels(formats / "labels.tsv");
        std::string line;
        std::getline(labels, line);  // header
        std::size_t checked = 0;
        while (std::getline(labels, line)) {
            std::istringstream row(line);
            std::string path;
            std::string format;
            std::getline(row, path, '\t');
            std::getline(row, format, '\t');
            CAPTURE(path);
            CHECK(detected[path] == format);
            ++checked;
        }
        CHECK(checked > 150);
    }

    TEST_CASE("scanning the whole shared corpus finishes without a crash") {
        if (!have_shared()) return;
        RunResult r = run_handoff("scan " + quoted(shared_dir() / "corpus") + " --format json --jobs 2");
        CHECK((r.exit_code == 0 || r.exit_code == 1));
        auto report = nlohmann::json::parse(r.out);
        CHECK(report["summary"]["files"].get<int>() > 1000);
    }
}

TEST_SUITE("cli") {
    TEST_CASE("a baseline leaves out accepted findings and only new ones fail the build") {
        TempDir dir;
        dir.write("proj/.env", "API_TOKEN=abc-def-ghi-jkl\n");
        fs::path baseline = dir.path() / "baseline.json";
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj") + " --write-baseline " + quoted(baseline) +
                          " --fail-on none").exit_code == 0);
        RunResult again = run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " + quoted(baseline) +
                                      " --format json");
        CHECK(again.exit_code == 0);
        auto report = nlohmann::json::parse(again.out);
        CHECK(report["findings"].empty());
        CHECK(report["summary"]["suppressed"] == 1);

        dir.write("proj/sub/.env", "DB_PASSWORD=hunter2-hunter2\n");
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " + quoted(baseline)).exit_code == 1);

        dir.write("not-a-baseline.json", "[1, 2]");
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " +
                          quoted(dir.path() / "not-a-baseline.json")).exit_code == 2);
    }
}

TEST_SUITE("cli") {
    TEST_CASE("a project config changes severities, ignores paths and is validated") {
        TempDir dir;
        dir.write("proj/.env", "API_TOKEN=abc-def-ghi-jkl\n");
        dir.write("proj/sub/.env", "DB_PASSWORD=hunter2-hunter2\n");
        dir.write("proj/.git/HEAD", "ref: refs/heads/main\n");
        dir.write("proj/.handoff.yml",
                  "fail-on: critical\n"
                  "rules:\n  dotenv-not-ignored: {severity: medium}\n"
                  "ignore:\n  - {rule: dotenv-not-ignored, paths: [\"sub/**\"], reason: test data}\n");
        RunResult r = run_handoff("scan " + quoted(dir.path() / "proj") + " --format json");
        CHECK(r.exit_code == 0);  // fail-on critical from the config
        auto report = nlohmann::json::parse(r.out);
        REQUIRE(report["findings"].size() == 1);
        CHECK(report["findings"][0]["severity"] == "medium");
        CHECK(report["findings"][0]["location"]["path"] == ".env");
        CHECK(report["summary"]["suppressed"] == 1);
        // The command line beats the config.
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj") + " --fail-on medium").exit_code == 1);
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj") + " --no-config").exit_code == 1);

        dir.write("proj/.handoff.yml", "rules:\n  no-such-rule: {enabled: false}\n");
        RunResult bad = run_handoff("scan " + quoted(dir.path() / "proj"));
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.find(".handoff.yml:2:") != std::string::npos);
        dir.write("proj/.handoff.yml", "colour: always\n");
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj")).exit_code == 2);
    }
}

TEST_SUITE("cli") {
    TEST_CASE("suppressed findings are listed with their kind, reason and where the reason is written") {
        TempDir dir;
        dir.write("proj/.git/HEAD", "ref: refs/heads/main\n");
        dir.write("proj/.env", "# handoff: ignore[dotenv-not-ignored] local only, never committed\nAPI_TOKEN=abc-def-ghi-jkl\n");
        dir.write("proj/sub/.env", "DB_PASSWORD=hunter2-hunter2\n");
        dir.write("proj/.handoff.yml",
                  "ignore:\n"
                  "  - {rule: dotenv-not-ignored, paths: [\"sub/**\"], reason: test data}\n"
                  "  - {rule: dotenv-not-ignored, paths: [\"gone/**\"], reason: old folder}\n");
        RunResult r = run_handoff("scan " + quoted(dir.path() / "proj") + " --format json --sarif-include-suppressed --report sarif=" +
                                  quoted(dir.path() / "out.sarif") + " --report text=" + quoted(dir.path() / "out.txt"));
        CHECK(r.exit_code == 0);
        auto report = nlohmann::json::parse(r.out);
        CHECK(report["findings"].empty());
        REQUIRE(report["suppressed"].size() == 2);
        const auto& inline_one = report["suppressed"][0];
        CHECK(inline_one["kind"] == "inline");
        CHECK(inline_one["justification"] == "local only, never committed");
        CHECK(inline_one["justification_location"]["path"] == ".env");
        CHECK(inline_one["justification_location"]["line"] == 1);
        CHECK(inline_one["finding"]["rule"] == "dotenv-not-ignored");
        const auto& config_one = report["suppressed"][1];
        CHECK(config_one["kind"] == "config");
        CHECK(config_one["justification"] == "test data");
        CHECK(config_one["justification_location"]["line"] == 2);
        CHECK(config_one["justification_location"]["path"] == ".handoff.yml");  // relative to the scanned root
        CHECK(report["summary"]["suppressed"] == 2);
        // The entry that matched nothing is stale: a warning on stderr and in the report.
        CHECK(r.err.find(".handoff.yml:3:") != std::string::npos);
        CHECK(r.err.find("stale ignore entry for rule 'dotenv-not-ignored' on gone/**") != std::string::npos);

        auto sarif = nlohmann::json::parse(read_text(dir.path() / "out.sarif"));
        std::map<std::string, std::string> kinds;
        for (const auto& res : sarif["runs"][0]["results"]) {
            REQUIRE(res.contains("suppressions"));
            kinds[res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]] = res["suppressions"][0]["kind"];
        }
        CHECK(kinds[".env"] == "inSource");
        CHECK(kinds["sub/.env"] == "external");

        std::string text = read_text(dir.path() / "out.txt");
        CHECK(text.find("Suppressed: 2 findings") != std::string::npos);
        CHECK(text.find("\"local only, never committed\" (inline ignore at .env:1:3)") != std::string::npos);
    }

    TEST_CASE("a config ignore by node path silences one JSON node and nothing beside it") {
        TempDir dir;
        dir.write("proj/.git/HEAD", "ref: refs/heads/main\n");
        // The sample key of fixtures/tokens/providers.txt, in two pieces.
        std::string key = std::string("sk-ant-api03-3XVy27dFanUrOSE62chn4xdeJg1Kza5KxxGWfvmaQtKnP_VSGVBrYSuIb9OZiFZ3") +
                          "HLKv797TPNbpjava1bMZwIMlvdp5gAA";
        dir.write("proj/.mcp.json", "{\"mcpServers\": {\n"
                                    "  \"one\": {\"command\": \"x\", \"env\": {\"ANTHROPIC_API_KEY\": \"" + key + "\"}},\n"
                                    "  \"two\": {\"command\": \"x\", \"env\": {\"ANTHROPIC_API_KEY\": \"" + key + "\"}}\n"
                                    "}}\n");
        RunResult before = run_handoff("scan " + quoted(dir.path() / "proj") + " --format json --fail-on none");
        auto all = nlohmann::json::parse(before.out);
        std::size_t at_one = 0;
        for (const auto& f : all["findings"]) {
            if (f["location"]["node_path"].get<std::string>().rfind("mcpServers.one", 0) == 0) ++at_one;
        }
        REQUIRE(at_one >= 1);
        dir.write("proj/.handoff.yml", "ignore:\n  - {rule: \"*\", paths: [\".mcp.json\"], node: mcpServers.one, "
                                       "reason: \"throwaway key, revoked\"}\n");
        RunResult r = run_handoff("scan " + quoted(dir.path() / "proj") + " --format json --fail-on none");
        auto report = nlohmann::json::parse(r.out);
        CHECK(report["suppressed"].size() == at_one);
        CHECK(report["findings"].size() == all["findings"].size() - at_one);
        for (const auto& f : report["findings"]) {
            CHECK(f["location"]["node_path"].get<std::string>().rfind("mcpServers.one", 0) != 0);
        }
        for (const auto& s : report["suppressed"]) CHECK(s["justification"] == "throwaway key, revoked");
        dir.write("proj/.handoff.yml", "ignore:\n  - {rule: \"*\", paths: [\".mcp.json\"], node: [a]}\n");
        CHECK(run_handoff("scan " + quoted(dir.path() / "proj")).exit_code == 2);
    }

    TEST_CASE("a baseline's justification reaches the reports; entries that match nothing are stale") {
        TempDir dir;
        dir.write("proj/.env", "API_TOKEN=abc-def-ghi-jkl\n");
        fs::path baseline = dir.path() / "baseline.json";
        REQUIRE(run_handoff("scan " + quoted(dir.path() / "proj") + " --write-baseline " + quoted(baseline) +
                            " --fail-on none").exit_code == 0);
        auto accepted = nlohmann::json::parse(read_text(baseline));
        REQUIRE(accepted["findings"].size() == 1);
        accepted["findings"][0]["justification"] = "accepted until the client's vault is ready";
        accepted["findings"].push_back({{"rule", "dotenv-not-ignored"}, {"fingerprint", "0000"}, {"justification", ""}});
        std::ofstream(baseline) << accepted.dump(2);
        RunResult r = run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " + quoted(baseline) +
                                  " --format json");
        CHECK(r.exit_code == 0);
        auto report = nlohmann::json::parse(r.out);
        REQUIRE(report["suppressed"].size() == 1);
        CHECK(report["suppressed"][0]["kind"] == "baseline");
        CHECK(report["suppressed"][0]["justification"] == "accepted until the client's vault is ready");
        CHECK(report["suppressed"][0]["justification_location"]["node_path"] == "findings[0]");
        CHECK(r.err.find("stale baseline: 1 accepted finding(s) matched nothing") != std::string::npos);
        CHECK(r.err.find("dotenv-not-ignored (findings[1])") != std::string::npos);
        // Rewriting the baseline keeps the accepted finding and its reason, and drops the stale entry.
        fs::path rewritten = dir.path() / "rewritten.json";
        REQUIRE(run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " + quoted(baseline) +
                            " --write-baseline " + quoted(rewritten)).exit_code == 0);
        auto kept = nlohmann::json::parse(read_text(rewritten));
        REQUIRE(kept["findings"].size() == 1);
        CHECK(kept["findings"][0]["justification"] == "accepted until the client's vault is ready");
        // A JSON report used as a baseline keeps what its scan had suppressed.
        fs::path earlier = dir.path() / "earlier.json";
        std::ofstream(earlier) << r.out;
        dir.write("proj/.env", "API_TOKEN=abc-def-ghi-jkl\n");
        auto again = nlohmann::json::parse(run_handoff("scan " + quoted(dir.path() / "proj") + " --baseline " +
                                                       quoted(earlier) + " --format json").out);
        CHECK(again["findings"].empty());
        CHECK(again["suppressed"][0]["justification"] == "accepted until the client's vault is ready");
    }
}

TEST_SUITE("cli") {
    TEST_CASE("the HTML report is titled with the scanned folder's real name, or --project-name") {
        TempDir dir;
        dir.write("acme-bot/README.md", "# demo\n");
        RunResult r = run_handoff("scan " + quoted(dir.path() / "acme-bot" / ".") + " --format html");
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("<h1>acme-bot</h1>") != std::string::npos);
        RunResult named = run_handoff("scan " + quoted(dir.path() / "acme-bot") + " --format html --project-name 'Acme & Co'");
        CHECK(named.out.find("<h1>Acme &amp; Co</h1>") != std::string::npos);
    }
}
