// The pipeline on hostile trees: links, loops, huge and binary files, broken encodings.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "cli/scan.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;
using handoff::testing::TempDir;

namespace {

ScanResult scan(const fs::path& root, std::uint64_t max_bytes = 16U << 20U) {
    ScanOptions options;
    options.paths = {root.string()};
    options.jobs = 2;
    options.max_file_bytes = max_bytes;
    return run_scan(options);
}

bool has_file(const ScanResult& r, std::string_view path) {
    return std::any_of(r.files.begin(), r.files.end(), [&](const ScannedFile& f) { return f.path == path; });
}

bool has_diagnostic(const ScanResult& r, std::string_view path, DiagnosticKind kind) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.path == path && d.kind == kind; });
}

bool excluded(const ScanResult& r, std::string_view prefix) {
    return std::any_of(r.excluded.begin(), r.excluded.end(),
                       [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
}

} // namespace

TEST_CASE("symbolic links never lead out of the root and loops end") {
    TempDir outside;
    outside.write("secret.env", "API_KEY=abc\n");
    TempDir dir;
    dir.write("real/config.yml", "a: 1\n");
    fs::create_directory_symlink(dir.path() / "real", dir.path() / "loop-to-real");
    fs::create_directory_symlink(dir.path(), dir.path() / "real" / "loop-to-root");
    fs::create_symlink(outside.path() / "secret.env", dir.path() / "escape.env");
    fs::create_symlink(dir.path() / "real" / "config.yml", dir.path() / "inside-link.yml");
    fs::create_symlink(dir.path() / "a", dir.path() / "b");
    fs::create_symlink(dir.path() / "b", dir.path() / "a");  // a two-link loop
    fs::create_symlink(dir.path() / "missing", dir.path() / "dangling.yml");

    ScanResult r = scan(dir.path());
    CHECK(has_file(r, "real/config.yml"));
    CHECK(has_file(r, "inside-link.yml"));
    CHECK(!has_file(r, "escape.env"));
    CHECK(has_diagnostic(r, "escape.env", DiagnosticKind::skipped));
    CHECK(has_diagnostic(r, "a", DiagnosticKind::skipped));
    CHECK(has_diagnostic(r, "dangling.yml", DiagnosticKind::skipped));
    CHECK(excluded(r, "loop-to-real/"));
    CHECK(excluded(r, "real/loop-to-root/"));
    CHECK(r.files.size() == 2);
}

TEST_CASE("size limit, binary files, dependency folders and special files are skipped with a reason") {
    TempDir dir;
    dir.write("big.json", std::string(4096, ' ') + "{}");
    dir.write("small.json", "{}");
    dir.write("logo.png", "\x89PNG\r\n");
    dir.write("blob.dat", std::string("abc\0def", 7));
    dir.write("node_modules/pkg/index.js", "const k = 1;\n");
    dir.write(".git/config", "[core]\n");
    REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);

    ScanResult r = scan(dir.path(), 1024);
    CHECK(has_file(r, "small.json"));
    CHECK(!has_file(r, "big.json"));
    CHECK(has_diagnostic(r, "big.json", DiagnosticKind::limit));
    CHECK(excluded(r, "logo.png (binary)"));
    CHECK(excluded(r, "blob.dat (binary)"));
    CHECK(excluded(r, "node_modules/"));
    CHECK(excluded(r, ".git/"));
    CHECK(excluded(r, "pipe (not a regular file)"));
}

TEST_CASE("broken encodings are diagnosed and the file is still scanned") {
    TempDir dir;
    dir.write("latin1.yml", "name: caf\xE9\nkey: value\n");
    dir.write("nul.txt", std::string(9000, 'a') + std::string("\0tail", 5));
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("TOKEN=abc\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    dir.write("windows.env", utf16);

    ScanResult r = scan(dir.path());
    CHECK(has_file(r, "latin1.yml"));
    CHECK(has_diagnostic(r, "latin1.yml", DiagnosticKind::encoding));
    CHECK(has_file(r, "nul.txt"));
    CHECK(has_diagnostic(r, "nul.txt", DiagnosticKind::encoding));
    CHECK(has_file(r, "windows.env"));
    CHECK(has_diagnostic(r, "windows.env", DiagnosticKind::encoding));
    auto it = std::find_if(r.files.begin(), r.files.end(), [](const ScannedFile& f) { return f.path == "windows.env"; });
    REQUIRE(it != r.files.end());
    CHECK(it->format == Format::dotenv);
}

TEST_CASE("hostile structures finish quickly and leave a diagnostic, never a crash") {
    TempDir dir;
    dir.write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
    dir.write("deep.yml", std::string(100000, '[') + std::string(100000, ']'));
    dir.write("deep.xml", [] {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "<a>";
        return s;
    }());
    dir.write("deep.toml", "a = " + std::string(100000, '[') + std::string(100000, ']') + "\n");
    dir.write("laughs.yml",
              "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
              "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
              "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
              "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
              "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
              "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
              "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
              "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
              "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n");
    dir.write("broken.json", "{\"a\": [1, 2,, }");
    dir.write("broken.yml", "a: [1, 2\nb: : :\n");
    dir.write("broken.xml", "<a><b></a>");
    dir.write("broken.toml", "a = = 1\n");
    dir.write("long-line.json", "[\"" + std::string(5U << 20U, 'x') + "\"]");

    auto started = std::chrono::steady_clock::now();
    ScanResult r = scan(dir.path());
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(r.files.size() == 10);
    for (const char* path : {"broken.json", "broken.yml", "broken.xml", "broken.toml"}) {
        CAPTURE(path);
        CHECK(has_diagnostic(r, path, DiagnosticKind::parse_error));
    }
    for (const char* path : {"deep.json", "deep.yml", "deep.xml", "deep.toml", "laughs.yml"}) {
        CAPTURE(path);
        bool diagnosed = has_diagnostic(r, path, DiagnosticKind::limit) || has_diagnostic(r, path, DiagnosticKind::parse_error);
        CHECK(diagnosed);
    }
    MESSAGE("hostile scan took " << seconds << " s");
}

TEST_CASE("context lines of cross-file and ignored findings still mask the file's tokens") {
    const std::string webhook = "https://hooks.slack.com/services/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";
    const std::string token = "ghp_" + std::string("3hi6LiTSIqIKkgQQaCPREp3NhpHGfJ1CIFLZ");  // checksum valid
    TempDir dir;
    // n8n-undocumented-env is reported by a cross-file check, after the file's own checks ran.
    dir.write("workflow.json", "{\n  \"name\": \"demo\",\n  \"nodes\": [\n    {\n      \"parameters\": {\n"
                               "        \"url\": \"" + webhook + "\",\n"
                               "        \"text\": \"={{ $env.DEPLOY_REGION }}\"\n"
                               "      },\n      \"name\": \"Notify\",\n      \"type\": \"n8n-nodes-base.httpRequest\",\n"
                               "      \"typeVersion\": 4,\n      \"position\": [0, 0]\n    }\n  ],\n  \"connections\": {}\n}\n");
    // An ignored token is still a secret: the neighbouring finding's context must not show it.
    dir.write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                                          "      - run: echo " + token + "  # handoff: ignore[github-token]\n"
                                          "      - uses: actions/checkout@v4\n");
    ScanResult r = scan(dir.path());
    bool cross_file_seen = false;
    for (const Finding& f : r.findings) {
        cross_file_seen = cross_file_seen || f.rule == "n8n-undocumented-env";
        for (const ContextLine& line : f.context) {
            CAPTURE(f.rule);
            CAPTURE(line.text);
            CHECK(line.text.find("qrrrGH68Grtx3aLtFBRvjWX4") == std::string::npos);
            CHECK(line.text.find(token.substr(4)) == std::string::npos);
        }
    }
    CHECK(cross_file_seen);
    CHECK(std::none_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.rule == "github-token"; }));
}

TEST_CASE("files come out in path order whatever the walk and the workers did; a root given twice counts once") {
    TempDir dir;
    for (const char* path : {"b/z.yml", "a.txt", "a/b.txt", "a-b/c.env", "c/d/e/f.json"}) dir.write(path, "x: 1\n");
    ScanOptions options;
    options.paths = {dir.path().string(), dir.path().string()};
    options.jobs = 3;
    ScanResult r = run_scan(options);
    std::vector<std::string> paths;
    for (const ScannedFile& f : r.files) paths.push_back(f.path);
    CHECK(paths.size() == 5);
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    CHECK(std::adjacent_find(paths.begin(), paths.end()) == paths.end());
}
