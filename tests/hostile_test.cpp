// Hostile input, one case per way an outsider's file could hang the scan, eat memory,
// print a private key or make a file vanish (issue 13). Sizes are where the old code
// was slow (seconds to minutes); the checks are on results, never on time:
// bench/hostile.sh runs the same cases at full size and times them.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "cli/scan.hpp"
#include "core/context.hpp"
#include "parsers/syntax/syntax.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;
using handoff::testing::RunResult;
using handoff::testing::TempDir;

namespace {

// A checksum-valid GitHub token (the same one repeated is still one finding per place).
const std::string kToken = "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";
const std::string kKeyBody = "MIIEpAIBAAKCAQEAWfnm2uLDv7p1g9Ml9acqK/B78Tw7REGrhXSPB2Y3L72JwXMp";

ScanResult scan(const fs::path& root) {
    ScanOptions options;
    options.paths = {root.string()};
    options.jobs = 2;
    return run_scan(options);
}

std::size_t count_rule(const ScanResult& r, std::string_view rule) {
    return static_cast<std::size_t>(
        std::count_if(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.rule == rule; }));
}

bool has_diagnostic(const ScanResult& r, std::string_view path, DiagnosticKind kind) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.path == path && d.kind == kind; });
}

// No context line of any finding holds needle.
bool context_never_shows(const ScanResult& r, std::string_view needle) {
    for (const Finding& f : r.findings) {
        for (const ContextLine& l : f.context) {
            if (l.text.find(needle) != std::string::npos) return false;
        }
    }
    return true;
}

// The context lines attach_context gives a finding of another family on one line of file:
// what a reviewer sees around a finding that is not itself a secret.
std::vector<ContextLine> context_around(const SourceFile& file, std::uint32_t line) {
    Finding f;
    f.rule = "some-rule";
    f.family = Family::unsafe_permission;
    f.location = {file.path, line, 1, line, 2, ""};
    std::vector<Finding> findings{f};
    attach_context(file, findings);
    return findings[0].context;
}

std::size_t widest_context(const ScanResult& r) {
    std::size_t widest = 0;
    for (const Finding& f : r.findings) {
        for (const ContextLine& l : f.context) widest = std::max(widest, l.text.size());
    }
    return widest;
}

std::string one_line_token_array(std::size_t n) {
    std::string s = "[";
    for (std::size_t i = 0; i < n; ++i) s += (i == 0 ? "\"" : ",\"") + kToken + "\"";
    return s + "]";
}

std::string one_line_n8n_export(std::size_t nodes) {
    std::string s = "{\"name\":\"big\",\"nodes\":[";
    for (std::size_t i = 0; i < nodes; ++i) {
        if (i > 0) s += ',';
        s += "{\"parameters\":{\"method\":\"POST\",\"url\":\"https://api.example.com/v1/items/" + std::to_string(i) +
             "\",\"options\":{}},\"id\":\"n" + std::to_string(i) + "\",\"name\":\"Request " + std::to_string(i) +
             "\",\"type\":\"n8n-nodes-base.httpRequest\",\"typeVersion\":4.2,\"position\":[0,0]}";
    }
    return s + "],\"connections\":{}}";
}

} // namespace

TEST_SUITE("hostile") {
    TEST_CASE("a one-line array of 2,000 tokens: every token found, context lines short and masked") {
        TempDir dir;
        dir.write("tokens.json", one_line_token_array(2000));
        ScanResult r = scan(dir.path());
        CHECK(count_rule(r, "github-token") == 2000);
        CHECK(context_never_shows(r, kToken.substr(4)));
        CHECK(widest_context(r) <= 170);
    }

    TEST_CASE("a minified n8n export with 3,000 HTTP nodes on one line: one finding per node, short context") {
        TempDir dir;
        dir.write("workflow.json", one_line_n8n_export(3000));
        ScanResult r = scan(dir.path());
        CHECK(count_rule(r, "n8n-outbound-request") >= 3000);
        CHECK(widest_context(r) <= 170);
    }

    TEST_CASE("YAML with a token on each of 20,000 lines: each finding names its own key") {
        TempDir dir;
        std::string yaml;
        for (int i = 0; i < 20000; ++i) yaml += "key" + std::to_string(i) + ": " + kToken + "\n";
        dir.write("tokens.yml", yaml);
        ScanResult r = scan(dir.path());
        REQUIRE(count_rule(r, "github-token") == 20000);
        for (const Finding& f : r.findings) {
            if (f.rule != "github-token") continue;
            CHECK(f.location.node_path == "key" + std::to_string(f.location.line - 1));
            if (f.location.node_path != "key" + std::to_string(f.location.line - 1)) break;
        }
    }

    TEST_CASE("no line of a private key's body is shown, in PEM files, YAML and quoted .env values") {
        std::string pem = "-----BEGIN RSA PRIVATE KEY-----\n" + kKeyBody + "\n" + kKeyBody + "\n-----END RSA PRIVATE KEY-----\n";
        TempDir dir;
        dir.write("deploy.yml", "name: deploy\nkey: |\n  " + kKeyBody.substr(0, 0) +
                                    "-----BEGIN RSA PRIVATE KEY-----\n  " + kKeyBody + "\n  " + kKeyBody +
                                    "\n  -----END RSA PRIVATE KEY-----\nafter: " + kToken + "\n");
        dir.write("app.env", "PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n" + kKeyBody + "\n" + kKeyBody +
                                 "\n-----END PRIVATE KEY-----\"\nGH=" + kToken + "\n");
        dir.write("id_rsa.pem", pem);
        ScanResult r = scan(dir.path());
        CHECK(!r.findings.empty());
        CHECK(context_never_shows(r, kKeyBody.substr(0, 24)));
        CHECK(context_never_shows(r, kKeyBody.substr(30, 24)));
    }

    TEST_CASE("a private key without an END line is masked over its base64 lines") {
        SourceFile file("key.txt", "intro\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + kKeyBody + "\n" + kKeyBody + "\nplain words\n");
        std::vector<ContextLine> context = context_around(file, 5);
        REQUIRE(context.size() >= 3);
        for (const ContextLine& l : context) CHECK(l.text.find("MIIE") == std::string::npos);
        CHECK(context[2].text == "plain words");
    }

    TEST_CASE("a near-secret (bad checksum) is masked in context lines") {
        SourceFile file("ci.yml", "steps:\n  - run: echo ghp_3hi6LiTSIqIKkgQQaCPREp3NhpHGfJ1CIFLX\n  - run: make\n");
        std::vector<ContextLine> context = context_around(file, 3);
        REQUIRE(context.size() >= 3);
        CHECK(context[1].text.find("3hi6LiTSIqIK") == std::string::npos);
        CHECK(context[1].text.find("run: echo") != std::string::npos);
        CHECK(context[2].text == "  - run: make");
    }

    TEST_CASE("a NUL byte does not hide a file a parser claims by name; other binary skips are diagnosed") {
        TempDir dir;
        dir.write("app.env", std::string("A=1\n\0\nGITHUB_TOKEN=", 19) + kToken + "\n");
        dir.write("data.json", std::string("{\"t\": \"", 7) + kToken + std::string("\", \"x\": \"\0\"}", 11));
        dir.write("blob", std::string("\0\0\0", 3) + kToken);
        ScanResult r = scan(dir.path());
        CHECK(count_rule(r, "github-token") == 2);
        CHECK(has_diagnostic(r, "app.env", DiagnosticKind::encoding));
        CHECK(has_diagnostic(r, "blob", DiagnosticKind::skipped));
    }

    TEST_CASE("an unreadable folder and a FIFO are diagnostics, never silent") {
        TempDir dir;
        dir.write("locked/secret.env", "GITHUB_TOKEN=" + kToken + "\n");
        dir.write("ok.yml", "a: 1\n");
        REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);
        fs::permissions(dir.path() / "locked", fs::perms::none);
        ScanResult r = scan(dir.path());
        ScanResult fifo = scan(dir.path() / "pipe");
        fs::permissions(dir.path() / "locked", fs::perms::owner_all);
        if (::geteuid() != 0) {  // root reads any folder
            CHECK(has_diagnostic(r, "locked", DiagnosticKind::unreadable));
            CHECK(scan_incomplete(r));
            CHECK(scan_exit_code(r, "high") == kExitIncomplete);
            CHECK(scan_exit_code(r, "none") == kExitClean);
        }
        REQUIRE(fifo.diagnostics.size() == 1);
        CHECK(fifo.diagnostics[0].kind == DiagnosticKind::skipped);
        CHECK(fifo.diagnostics[0].message.find("Not a directory") == std::string::npos);
    }

    TEST_CASE("a scan that could not parse a file exits 3 unless a finding reaches the threshold") {
        TempDir dir;
        dir.write("broken.json", "{\"a\": [1, 2,, }");
        ScanResult r = scan(dir.path());
        CHECK(scan_exit_code(r, "high") == kExitIncomplete);
        dir.write("token.env", "GITHUB_TOKEN=" + kToken + "\n");
        CHECK(scan_exit_code(scan(dir.path()), "high") == kExitFindings);
    }

    TEST_CASE("parser problems never point past the end of the input") {
        for (std::string_view input : {"//4TF", "/*", "//", "[1, // x", "{\"a\": 1 /*"}) {
            CAPTURE(input);
            for (const ParseProblem& p : parse_json(input).problems) CHECK(p.offset <= input.size());
        }
    }
}

TEST_SUITE("cli") {
    TEST_CASE("a config in the scanned tree is named in the report; one linking out is refused; errors are escaped") {
        using handoff::testing::run_handoff;
        TempDir dir;
        dir.write(".git/HEAD", "ref: refs/heads/main\n");
        dir.write("app.env", "GITHUB_TOKEN=" + kToken + "\n");
        dir.write(".handoff.yml", "exclude: [\"**\"]\n");
        RunResult excluded = run_handoff("scan '" + dir.path().string() + "' --format json");
        CHECK(excluded.exit_code == 0);
        CHECK(excluded.out.find("\"config\"") != std::string::npos);
        CHECK(excluded.out.find("config applied: 1 exclude pattern(s) left out") != std::string::npos);
        CHECK(excluded.err.find(".handoff.yml") != std::string::npos);

        TempDir outside;
        outside.write("handoff.yml", "exclude: [\"**\"]\n");
        fs::remove(dir.path() / ".handoff.yml");
        fs::create_symlink(outside.path() / "handoff.yml", dir.path() / ".handoff.yml");
        RunResult linked = run_handoff("scan '" + dir.path().string() + "'");
        CHECK(linked.exit_code == 2);
        CHECK(linked.err.find("symbolic link") != std::string::npos);

        fs::remove(dir.path() / ".handoff.yml");
        dir.write(".handoff.yml", "\x1b[31mevil: 1\n");
        RunResult escaped = run_handoff("scan '" + dir.path().string() + "'");
        CHECK(escaped.exit_code == 2);
        CHECK(escaped.err.find('\x1b') == std::string::npos);
    }
}
