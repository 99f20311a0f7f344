// Report writers: escaping, structure, limits, and that every rule reaches every format.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "checks/registry.hpp"
#include "core/rule_docs.hpp"
#include "report_samples.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/json_stream.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

using namespace handoff;

namespace {

std::string render(std::string_view format, const ScanResult& result, const ReportOptions& options = {}) {
    auto writer = make_writer(format);
    REQUIRE_MESSAGE(writer != nullptr, "no writer for " << format);
    std::ostringstream out;
    writer->write(result, options, out);
    return out.str();
}

const std::vector<std::string_view>& report_formats() {
    static const std::vector<std::string_view> formats{"text", "sarif", "markdown", "html", "junit", "github"};
    return formats;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_raw_control(const std::string& text, bool allow_escape = false) {
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u == '\n' || u == '\t' || (allow_escape && u == 0x1B)) continue;
        if (u < 0x20 || u == 0x7F) return true;
    }
    return false;
}

ScanResult one_finding_per_registered_rule() {
    ScanResult r = samples::clean_project();
    std::uint32_t line = 1;
    for (const RuleInfo& rule : all_rules()) {
        Finding f = samples::finding(std::string(rule.id), rule.family, rule.severity, "README.md", line++, 1,
                                     "registered rule fires");
        r.findings.push_back(f);
    }
    return r;
}

} // namespace

TEST_CASE("clean_text makes hostile text visible and valid") {
    CHECK(clean_text("a\x1b[31mb") == "a\\x1b[31mb");
    CHECK(clean_text("bell\x07 del\x7f") == "bell\\x07 del\\x7f");
    CHECK(clean_text("line1\r\nline2\nline3") == "line1 line2 line3");
    CHECK(clean_text("line1\r\nline2", Newlines::keep) == "line1\nline2");
    CHECK(clean_text("tab\there") == "tab\there");
    CHECK(clean_text("bad \xff\xfe utf8") == "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8");
    CHECK(clean_text("overlong \xC0\xAF") == "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(clean_text("truncated \xE2\x80") == "truncated \xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(clean_text("rtl \u202Eevil\u202C") == "rtl \\u202eevil\\u202c");
    CHECK(clean_text("zero\u200Bwidth") == "zero\\u200bwidth");
    CHECK(clean_text("c1 \xC2\x85") == "c1 \\u0085");
    CHECK(clean_text("caf\xC3\xA9 \xF0\x9F\x94\x91") == "caf\xC3\xA9 \xF0\x9F\x94\x91");
}

TEST_CASE("escapers for each syntax") {
    CHECK(html_escape("</script><img src=x onerror='a'>&") ==
          "&lt;/script&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;");
    CHECK(xml_attribute("a\nb\t\"c\"") == "a&#10;b&#9;&quot;c&quot;");
    CHECK(markdown_text("<img onerror> | *x* `y` [l](u) @me") ==
          "\\<img onerror\\> \\| \\*x\\* \\`y\\` \\[l\\](u) \\@me");
    CHECK(markdown_text("see https://evil.example/x and www.evil.example") ==
          "see https\\://evil.example/x and www\\.evil.example");
    CHECK(markdown_code("a|b") == "`a\\|b`");
    CHECK(markdown_code("has `tick`") == "`` has `tick` ``");
    CHECK(markdown_code("`start") == "`` `start ``");
    CHECK(markdown_fence("no ticks") == "```");
    CHECK(markdown_fence("x\n````\ny") == "`````");
    CHECK(github_message("50% done\r\nnext::line") == "50%25 done%0Anext::line");
    CHECK(github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
    CHECK(uri_path("dir/my file#1?.yml") == "dir/my%20file%231%3F.yml");
    CHECK(uri_path("caf\xC3\xA9.json") == "caf%C3%A9.json");
}

TEST_CASE("JSON strings are escaped and repaired exactly as nlohmann does") {
    auto nlohmann_dump = [](const std::string& s) {
        return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    auto ours = [](const std::string& s) {
        std::string out;
        append_json_string(out, s);
        return out;
    };
    std::vector<std::string> cases{"", "plain", "quote \" back\\slash", std::string("nul\0and\x01\x1f\x7f", 10),
                                   "\b\t\n\f\r", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
                                   "lone \x80 \xBF \xC0\xAF \xC1\xBF \xF5\xFF", "overlong \xE0\x80\x80 \xF0\x80\x80\x80",
                                   "surrogate \xED\xA0\x80 max \xF4\x8F\xBF\xBF over \xF4\x90\x80\x80",
                                   "cut \xE2\x82", "cut \xF0\x9F\x98", "\xC3", "\xE2\x28\xA1", "\xC3\xC3\xA9"};
    // And every short sequence of bytes that matter to a UTF-8 decoder.
    const std::string alphabet = std::string("a\"\x01\x7f\x80\xbf\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xa0\x90\x8f", 17);
    for (char a : alphabet) {
        for (char b : alphabet) {
            for (char c : alphabet) cases.push_back(std::string{a, b, c});
        }
    }
    for (const std::string& s : cases) CHECK_MESSAGE(ours(s) == nlohmann_dump(s), "input bytes: " << nlohmann_dump(s));
}

TEST_CASE("the JSON report is formatted exactly as nlohmann dumps it") {
    ScanResult r = samples::review_project();
    r.findings.front().message = "hostile \x1b[31m \xC3( \xE2\x80\xAE \"quoted\"";
    r.excluded.emplace_back("vendor/blob.bin (binary)");
    std::string out = render("json", r);
    auto parsed = nlohmann::ordered_json::parse(out);
    CHECK(out == parsed.dump(2) + "\n");
    CHECK(parsed["findings"].size() == r.findings.size());
    CHECK(parsed["inventory"].size() == r.inventory.size());
    CHECK(parsed["files"].size() == r.files.size());
    CHECK(render("json", samples::clean_project()) == nlohmann::ordered_json::parse(render("json", samples::clean_project())).dump(2) + "\n");
}

TEST_CASE("every format has a registered writer") {
    std::vector<std::string_view> ids = writer_ids();
    for (std::string_view id : {"text", "json", "sarif", "markdown", "html", "junit", "github"}) {
        CAPTURE(id);
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
        auto writer = make_writer(id);
        REQUIRE(writer != nullptr);
        CHECK(writer->id() == id);
    }
    CHECK(make_writer("pdf") == nullptr);
}

TEST_CASE("every registered rule appears in every report without touching the writers") {
    ScanResult r = one_finding_per_registered_rule();
    REQUIRE(!r.findings.empty());
    for (std::string_view format : report_formats()) {
        std::string out = render(format, r);
        for (const RuleInfo& rule : all_rules()) {
            CAPTURE(format);
            CAPTURE(rule.id);
            CHECK(out.find(std::string(rule.id)) != std::string::npos);
            if (format == "html" || format == "sarif") {
                bool titled = out.find(html_escape(rule.title)) != std::string::npos;
                CHECK(titled);
            }
        }
    }
}

TEST_CASE("rule docs are embedded byte for byte and feed SARIF help") {
    std::vector<std::string_view> ids = rule_doc_ids();
    CHECK(rule_doc("no-such-rule").empty());
    for (std::string_view id : ids) {
        CAPTURE(id);
        std::ifstream in(std::string(HANDOFF_SOURCE_DIR) + "/docs/rules/" + std::string(id) + ".md", std::ios::binary);
        std::ostringstream file;
        file << in.rdbuf();
        CHECK(rule_doc(id) == file.str());
    }
    ScanResult r = one_finding_per_registered_rule();
    auto sarif = nlohmann::json::parse(render("sarif", r));
    for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
        std::string id = rule["id"];
        if (rule_doc(id).empty()) continue;
        CHECK(rule["help"]["markdown"] == clean_text(rule_doc(id), Newlines::keep));
    }
}

TEST_CASE("doc_section finds a heading's text") {
    std::string doc = "# x: t\n\n## Why it matters\nBecause.\nReally.\n\n## What to do\nFix it.\n";
    CHECK(doc_section(doc, "Why it matters") == "Because.\nReally.");
    CHECK(doc_section(doc, "What to do") == "Fix it.");
    CHECK(doc_section(doc, "What").empty());
    CHECK(doc_section(doc, "Example").empty());
}

TEST_CASE("SARIF has what GitHub code scanning needs") {
    ScanResult r = samples::review_project();
    // GitHub ignores `suppressions`: by default suppressed findings are left out of SARIF.
    auto plain = nlohmann::json::parse(render("sarif", r));
    CHECK(plain["runs"][0]["results"].size() == r.findings.size());
    CHECK(plain["runs"][0]["properties"]["suppressedFindings"] == r.suppressed.size());
    ReportOptions with_suppressed;
    with_suppressed.sarif_suppressed = true;
    auto log = nlohmann::json::parse(render("sarif", r, with_suppressed));
    CHECK(log["version"] == "2.1.0");
    REQUIRE(log["runs"].size() == 1);
    const auto& run = log["runs"][0];
    CHECK(run["automationDetails"]["id"] == "handoff/");
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const auto& rules = run["tool"]["driver"]["rules"];
    std::map<std::string, std::string> expected_severity{{"sample-openai-key", "9.5"},
                                                         {"sample-open-webhook", "8.0"},
                                                         {"sample-template-injection", "5.5"},
                                                         {"sample-unpinned-server", "2.0"}};
    for (const auto& rule : rules) {
        CAPTURE(rule["id"].get<std::string>());
        CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());
        CHECK(!rule["fullDescription"]["text"].get<std::string>().empty());
        CHECK(!rule["help"]["text"].get<std::string>().empty());
        CHECK(!rule["help"]["markdown"].get<std::string>().empty());
        const auto& props = rule["properties"];
        CHECK(props["tags"][0] == "security");
        CHECK(props.contains("precision"));
        auto want = expected_severity.find(rule["id"]);
        if (want != expected_severity.end()) CHECK(props["security-severity"] == want->second);
        if (rule["id"] == "sample-undeclared-secret") CHECK(!props.contains("security-severity"));
    }
    const auto& results = run["results"];
    // Suppressed findings are results too, carrying their suppression.
    REQUIRE(results.size() == r.findings.size() + r.suppressed.size());
    std::size_t with_suppression = 0;
    for (const auto& res : results) {
        if (!res.contains("suppressions")) continue;
        ++with_suppression;
        const auto& s = res["suppressions"][0];
        CHECK((s["kind"] == "inSource" || s["kind"] == "external"));
        if (s["kind"] == "inSource") CHECK(s["justification"] == "test fixture, not a real key");
        if (s["kind"] == "external") CHECK(!s.contains("justification"));  // the baseline gave none
    }
    CHECK(with_suppression == r.suppressed.size());
    std::set<std::string> fingerprints;
    for (const auto& res : results) {
        CHECK(rules[res["ruleIndex"].get<std::size_t>()]["id"] == res["ruleId"]);
        const auto& loc = res["locations"][0]["physicalLocation"];
        std::string uri = loc["artifactLocation"]["uri"];
        CHECK(uri.find(' ') == std::string::npos);
        CHECK(uri.front() != '/');
        CHECK(loc["region"]["startLine"].get<int>() >= 1);
        CHECK(!res["partialFingerprints"].contains("primaryLocationLineHash"));
        fingerprints.insert(res["partialFingerprints"]["handoff/v1"].get<std::string>());
    }
    // The same key in .env and the workflow shares handoff's fingerprint but is two alerts.
    CHECK(fingerprints.size() == results.size());
    const auto& token = results[2];  // .github/workflows/deploy.yml:14 in finding order
    CHECK(token["locations"][0]["physicalLocation"]["region"] ==
          nlohmann::json{{"startLine", 14}, {"startColumn", 22}, {"endLine", 14}, {"endColumn", 34}});
    CHECK(nlohmann::json::parse(render("sarif", samples::clean_project()))["runs"][0]["results"] ==
          nlohmann::json::array());
}

TEST_CASE("JUnit counters match the test cases and names are unique") {
    std::string xml = render("junit", samples::review_project());
    CHECK(!has_raw_control(xml));
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    auto root = doc.child("testsuites");
    std::size_t cases = 0;
    std::size_t failures = 0;
    std::size_t skipped = 0;
    std::size_t errors = 0;
    std::set<std::string> names;
    for (auto suite : root.children("testsuite")) {
        std::size_t suite_cases = 0;
        for (auto tc : suite.children("testcase")) {
            ++suite_cases;
            CHECK(names.insert(std::string(tc.attribute("classname").value()) + "/" + tc.attribute("name").value()).second);
            if (tc.child("failure")) ++failures;
            if (tc.child("skipped")) ++skipped;
            if (tc.child("error")) ++errors;
        }
        CHECK(suite.attribute("tests").as_ullong() == suite_cases);
        cases += suite_cases;
    }
    CHECK(root.attribute("tests").as_ullong() == cases);
    CHECK(root.attribute("failures").as_ullong() == failures);
    CHECK(root.attribute("skipped").as_ullong() == skipped);
    CHECK(root.attribute("errors").as_ullong() == errors);
    CHECK(errors == 1);    // the file that did not parse
    CHECK(failures == 6);  // one per (rule, file) with a finding above info
    CHECK(skipped == 1);   // the info finding
    // The hostile message survives as text, escaped.
    CHECK(xml.find("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("GitHub annotations: no scanned text can start a workflow command") {
    std::string out = render("github", samples::review_project());
    std::vector<std::string> lines = lines_of(out);
    REQUIRE(lines.size() == 8);  // 7 findings and the summary
    for (const std::string& line : lines) {
        CAPTURE(line);
        bool command = line.rfind("::error ", 0) == 0 || line.rfind("::warning ", 0) == 0 ||
                       line.rfind("::notice ", 0) == 0;
        CHECK((command || line.rfind("handoff: ", 0) == 0));
    }
    CHECK(!has_raw_control(out));
    // Most severe first.
    CHECK(lines[0].rfind("::error ", 0) == 0);
    CHECK(lines[6].rfind("::notice ", 0) == 0);
    CHECK(out.find("%0A::add-mask::leak %250A") != std::string::npos);
}

TEST_CASE("HTML is self-contained and escapes every scanned string") {
    ReportOptions options;
    options.title = "Review <script>alert(1)</script>";
    options.client = "Client \"quoted\" & <b>bold</b>";
    std::string html = render("html", samples::review_project(), options);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("src=\"") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(!has_raw_control(html));
    CHECK(html.find("Review &lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    // The first page: the project's name, the verdict, what must happen, the key checklist; then the findings.
    CHECK(html.find("<title>client-automation: Not ready to hand off</title>") != std::string::npos);
    CHECK(html.find("<h1>client-automation</h1>") != std::string::npos);
    std::size_t verdict = html.find("Not ready to hand off</h2>");
    std::size_t todo = html.find("id=\"todo\"");
    std::size_t checklist = html.find("id=\"checklist\"");
    std::size_t findings = html.find("id=\"findings\"");
    std::size_t suppressed = html.find("id=\"suppressed\"");
    CHECK(verdict < todo);
    CHECK(todo < checklist);
    CHECK(checklist < findings);
    CHECK(findings < suppressed);
    CHECK(html.find("<strong>Rotate 1 key written into the files</strong>") != std::string::npos);
    CHECK(html.find("<span class=\"status leaked\">leaked: rotate before handoff</span>") != std::string::npos);
    // Worst first, grouped by rule: the critical OpenAI key group (two places, one fix) comes first.
    std::size_t first_group = html.find("<article class=\"group\"", findings);
    CHECK(html.find("<span class=\"badge critical\">Critical</span>sample-openai-key <span class=\"count\">2 places",
                    first_group) == html.find("<span class=\"badge", first_group));
    CHECK(html.find("How to fix:</strong> Revoke the key in the OpenAI console") != std::string::npos);
    // Internal ids only on the details lines.
    CHECK(html.find("<p class=\"ref\">confidence high · at <code>jobs.deploy.env.OPENAI_API_KEY</code> · id "
                    "<code>fp-openai-key</code></p>") != std::string::npos);
    CHECK(html.find("<td>test fixture, not a real key</td><td>inline ignore at tests/fixtures/keys.env:3:1</td>") !=
          std::string::npos);
    // --project-name wins over the folder name; "." is never a title.
    ReportOptions named;
    named.project = "Acme support bot";
    CHECK(render("html", samples::review_project(), named).find("<h1>Acme support bot</h1>") != std::string::npos);
    ScanResult dot = samples::review_project();
    dot.root = ".";
    CHECK(render("html", dot).find("<h1>this project</h1>") != std::string::npos);
    CHECK(html.find("<svg role=\"img\" aria-label=\"Findings by severity: Critical 2;") != std::string::npos);
    // Every family gets an explicit empty state when nothing is found.
    std::string clean = render("html", samples::clean_project());
    for (Family family : all_families()) {
        CHECK(clean.find("<strong>" + std::string(family_title(family)) + ":</strong> <span class=\"ok\">nothing found") !=
              std::string::npos);
    }
}

TEST_CASE("Markdown stays under the PR comment limit and says what it cut") {
    ScanResult r = samples::review_project();
    std::string small = render("markdown", r);
    CHECK(small.find("not shown") == std::string::npos);
    Finding base = r.findings.front();
    for (int i = 0; i < 3000; ++i) {
        Finding f = base;
        f.location.line = static_cast<std::uint32_t>(i + 100);
        f.message = "Finding number " + std::to_string(i) + " with a long message to fill the table quickly";
        r.findings.push_back(f);
    }
    std::string big = render("markdown", r);
    CHECK(big.size() < 65000);
    CHECK(big.find("more findings not shown") != std::string::npos);
    CHECK(big.find("### Key checklist") != std::string::npos);
    CHECK(big.find("<img") == std::string::npos);
}

TEST_CASE("text writer: worst first, advice once, colours only when asked, one summary line") {
    ScanResult r = samples::review_project();
    std::string plain = render("text", r);
    CHECK(plain.find('\x1b') == std::string::npos);
    ReportOptions colour;
    colour.color = true;
    std::string painted = render("text", r, colour);
    CHECK(painted.find("\x1b[1;31mcritical\x1b[0m") != std::string::npos);
    // Only handoff's own SGR sequences: scanned ESC bytes are shown as \x1b.
    for (std::size_t at = painted.find('\x1b'); at != std::string::npos; at = painted.find('\x1b', at + 1)) {
        CHECK(painted.compare(at, 2, "\x1b[") == 0);
    }
    CHECK(!has_raw_control(painted, true));
    std::vector<std::string> lines = lines_of(plain);
    CHECK(lines.back().rfind("handoff: 7 findings (2 critical, 2 high, 1 medium, 1 low, 1 info) in 5 of 6 files", 0) == 0);
    // The report opens with the critical and high findings, worst first.
    CHECK(lines.front() == "Fix these first: 4 findings (2 critical, 2 high)");
    CHECK(lines[1].find("critical") != std::string::npos);
    CHECK(lines[4].find("high") != std::string::npos);
    CHECK(lines[5].empty());
    // Then the groups, worst first: the two OpenAI key findings under one title and one fix.
    std::size_t critical = plain.find("CRITICAL  sample-openai-key  2 findings\n  fix: Revoke the key");
    std::size_t high = plain.find("HIGH  ");
    std::size_t info = plain.find("INFO  ");
    CHECK(critical != std::string::npos);
    CHECK(critical < high);
    CHECK(high < info);
    std::string fix = "fix: Revoke the key in the OpenAI console";
    CHECK(plain.find(fix) != std::string::npos);
    CHECK(plain.find(fix) == plain.rfind(fix));
    // Suppressed findings with their reasons; counts per rule close the report.
    CHECK(plain.find("Suppressed: 2 findings, not counted above") != std::string::npos);
    CHECK(plain.find("\"test fixture, not a real key\" (inline ignore at tests/fixtures/keys.env:3:1)") != std::string::npos);
    CHECK(plain.find("\"no reason given\" (baseline handoff-baseline.json, findings[0])") != std::string::npos);
    CHECK(plain.find("Findings per rule\n      2  critical sample-openai-key\n") != std::string::npos);
    CHECK(render("text", samples::clean_project()).rfind("handoff: no findings in 2 files", 0) == 0);
}

TEST_CASE("--compact is one line per finding; --min-severity hides lower findings from text, Markdown and HTML only") {
    ScanResult r = samples::review_project();
    ReportOptions compact;
    compact.compact = true;
    std::vector<std::string> lines = lines_of(render("text", r, compact));
    // The findings, a blank line, the warnings about the scan (heading, one line, blank line), the summary.
    REQUIRE(lines.size() == r.findings.size() + 5);
    CHECK(lines[0].rfind("  critical .env:2:16  OpenAI API key in a committed .env file", 0) == 0);
    CHECK(lines[6].rfind("  info     docs/notes <b>draft</b>.txt  Notes mention", 0) == 0);

    ReportOptions high;
    high.min_severity = Severity::high;
    std::string shown = render("text", r, high);
    CHECK(shown.find("MEDIUM") == std::string::npos);
    CHECK(shown.find("Notes mention SLACK_WEBHOOK_URL") == std::string::npos);
    CHECK(shown.find("      1  info     sample-undeclared-secret") != std::string::npos);  // still counted per rule
    CHECK(shown.find("3 findings below high not shown (--min-severity)") != std::string::npos);
    // The summary still counts every finding, and the JSON report keeps them all.
    CHECK(shown.find("handoff: 7 findings") != std::string::npos);
    CHECK(nlohmann::json::parse(render("json", r, high))["findings"].size() == r.findings.size());
    // Markdown and HTML hide them too, and say so; SARIF keeps them all.
    std::string md = render("markdown", r, high);
    CHECK(md.find("Notes mention SLACK") == std::string::npos);
    CHECK(md.find("3 findings below high not shown here") != std::string::npos);
    std::string html = render("html", r, high);
    CHECK(html.find("Notes mention SLACK") == std::string::npos);
    CHECK(html.find("3 findings below high not shown here") != std::string::npos);
    CHECK(nlohmann::json::parse(render("sarif", r, high))["runs"][0]["results"].size() == r.findings.size());
}

TEST_CASE("key checklist: one row per secret, leaked keys and placeholders marked, .env.example with every name") {
    ScanResult r = samples::review_project();
    std::vector<ChecklistRow> rows = checklist_rows(r);
    auto named = [&](std::string_view name) -> const ChecklistRow* {
        for (const ChecklistRow& row : rows) {
            if (row.name == name) return &row;
        }
        return nullptr;
    };
    // OPENAI_API_KEY is read from .env and from a GitHub secret: one row with both places. Its
    // value is written in two files (one fingerprint): it leaked, and comes first.
    REQUIRE(named("OPENAI_API_KEY") != nullptr);
    const ChecklistRow& openai = *named("OPENAI_API_KEY");
    CHECK(std::count_if(rows.begin(), rows.end(), [](const ChecklistRow& row) { return row.name == "OPENAI_API_KEY"; }) == 1);
    CHECK(openai.status == KeyStatus::leaked);
    CHECK(&openai == &rows.front());
    CHECK(openai.put_in.size() == 2);
    CHECK(openai.leaked_at.size() == 2);
    CHECK(openai.console.name == "OpenAI");
    // A placeholder where a reference belongs: the client supplies it.
    REQUIRE(named("GITHUB_TOKEN") != nullptr);
    CHECK(named("GITHUB_TOKEN")->status == KeyStatus::to_supply);
    // An n8n credential type names its provider: "Slack", never "slackApi's console".
    REQUIRE(named("Slack account") != nullptr);
    CHECK(named("Slack account")->console.name == "Slack");
    CHECK(named("Slack account")->console.url == "https://api.slack.com/apps");

    std::ostringstream out;
    write_checklist(r, out);
    std::string md = out.str();
    CHECK(md.rfind("# Key checklist\n", 0) == 0);
    CHECK(md.find("- [ ] `OPENAI_API_KEY` (OpenAI): **leaked: rotate before handoff**") != std::string::npos);
    CHECK(md.find("  - Found written at: `.env:2:16`, `.github/workflows/deploy.yml:14:22`") != std::string::npos);
    CHECK(md.find("- [ ] `GITHUB_TOKEN` (GitHub): to be supplied by the client") != std::string::npos);
    CHECK(md.find("<https://platform.openai.com/api-keys>") != std::string::npos);
    CHECK(md.find("slackApi's console") == std::string::npos);
    std::string example = env_example(rows);
    std::vector<std::string> lines = lines_of(example);
    CHECK(std::count(lines.begin(), lines.end(), "OPENAI_API_KEY=") == 1);
    CHECK(std::count(lines.begin(), lines.end(), "GITHUB_TOKEN=") == 1);
    // A hostile name never becomes a line of its own, and GitHub secrets are not env vars.
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK((line.empty() || line[0] == '#' || line == "OPENAI_API_KEY=" || line == "GITHUB_TOKEN="));
    }
    CHECK(env_example(std::vector<ChecklistRow>{}).find("reads no secrets from environment variables") != std::string::npos);
}

TEST_CASE("key checklist: a key hard-coded in an MCP env block or a decrypted credential export is a leaked row") {
    ScanResult r;
    r.providers = tokens::providers();
    r.rules = all_rules();
    Finding token;
    token.rule = "anthropic-api-key";
    token.family = Family::embedded_token;
    token.severity = Severity::high;
    token.evidence = "Anthropic API key, API key: sk-a\u2026AA (108 chars)";
    token.fingerprint = "fp-anthropic";
    token.location = Location{".vscode/mcp.json", 16, 31, 16, 139, "servers.helper.env.ANTHROPIC_API_KEY"};
    Finding url = token;
    url.rule = "url-credentials";
    url.evidence = "Credentials in a URL, user:password in a URL: pEvu\u2026zG (22 chars)";
    url.fingerprint = "fp-url";
    url.location = Location{".mcp.json", 7, 20, 7, 60, "mcpServers.postgres.args[2]"};
    Finding file_rule = token;  // a finding about a file, not a value: no row
    file_rule.rule = "dotenv-not-ignored";
    file_rule.evidence = "API_TOKEN=<set>";
    file_rule.fingerprint = "fp-file";
    r.findings = {token, url, file_rule};
    InventoryEntry credential;
    credential.name = "Prod Postgres";
    credential.store = "n8n-credential";
    credential.provider = "postgres";
    credential.where_to_set = "n8n credential of type postgres (Credentials > Add credential)";
    credential.declarations.push_back(Location{"creds.json", 3, 5, 3, 9, "[0].data"});
    credential.values = credential.declarations;
    r.inventory = {credential};

    std::vector<ChecklistRow> rows = checklist_rows(r);
    REQUIRE(rows.size() == 3);
    for (const ChecklistRow& row : rows) CHECK(row.status == KeyStatus::leaked);
    CHECK(rows[0].name == "ANTHROPIC_API_KEY");
    CHECK(rows[0].console.name == "Anthropic");
    CHECK(rows[0].env);
    CHECK(rows[1].name == "Credentials in a URL");
    CHECK(rows[1].leaked_at.front().path == ".mcp.json");
    CHECK(rows[2].name == "Prod Postgres");
    CHECK(rows[2].leaked_at.front().path == "creds.json");
    CHECK(env_example(rows).find("\nANTHROPIC_API_KEY=\n") != std::string::npos);
}

TEST_CASE("provider consoles: by id, else guessed from the secret's name") {
    auto table = tokens::providers();
    CHECK(provider_console(table, "openai").url == "https://platform.openai.com/api-keys");
    CHECK(provider_console(table, "OpenAI").name == "OpenAI");
    CHECK(provider_console(table, "", "GH_TOKEN").name == "GitHub");
    CHECK(provider_console(table, "", "SLACK_WEBHOOK_URL").where.find("guessed from the name") != std::string::npos);
    CHECK(provider_console(table, "", "my-openai-key").name == "OpenAI");
    CHECK(provider_console(table, "", "DB_PASSWORD").name.empty());
    CHECK(provider_console(table, "acme-crm", "X").name == "Acme Crm");
    CHECK(provider_console(table, "activeCampaignApi").name == "Active Campaign");
    CHECK(provider_console(table, "microsoftOutlookOAuth2Api").name == "Microsoft Outlook");
    CHECK(provider_console(table, "acme-crm", "X").where == "the service's console or developer settings");
    CHECK(provider_console(table, "slackApi").name == "Slack");
    CHECK(provider_console(table, "googleSheetsOAuth2Api").name == "Google Cloud");
    // Whole words only: "GITHUBBER" is not GitHub.
    CHECK(provider_console(table, "", "GITHUBBER_KEY").name.empty());
    // Without a table nothing is known, and nothing is guessed.
    CHECK(provider_console({}, "openai").name == "Openai");
    CHECK(provider_console({}, "", "GH_TOKEN").name.empty());
}

TEST_CASE("one key pasted in many files is one secret to rotate") {
    ScanResult result;
    auto token = [](std::string fingerprint, std::string path) {
        Finding f;
        f.rule = "embedded-token";
        f.family = Family::embedded_token;
        f.fingerprint = std::move(fingerprint);
        f.location.path = std::move(path);
        return f;
    };
    result.findings = {token("aa", "a.json"), token("aa", "b.json"), token("aa", "c.yml"), token("bb", "c.yml")};
    Finding other = token("aa", "d.json");
    other.family = Family::open_webhook;
    result.findings.push_back(other);
    CHECK(result.count(Family::embedded_token) == 4);
    CHECK(result.secrets_to_rotate() == 2);
    result.findings.clear();
    CHECK(result.secrets_to_rotate() == 0);
}
