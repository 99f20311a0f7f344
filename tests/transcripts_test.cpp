// Agent transcripts and CI logs: detection, the JSON Lines parser, the timestamp
// conversions and the place every finding in such a file is given (model place_at).
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/scan.hpp"
#include "model/ci_log.hpp"
#include "model/timestamp.hpp"
#include "model/transcript.hpp"
#include "tests/support.hpp"
#include "tests/syntax_test_support.hpp"

using namespace handoff;
using namespace handoff::test;

namespace {

std::string_view detect(const std::string& path, const std::string& text) {
    return format_id(load_document(path, text, {})->format);
}

// The place of the first occurrence of needle in a document loaded from text.
std::string place_of(const Document& doc, std::string_view needle) {
    std::size_t at = doc.bytes().find(needle);
    REQUIRE(at != std::string_view::npos);
    REQUIRE(doc.model);
    std::optional<Place> place = doc.model->place_at(static_cast<std::uint32_t>(at));
    return place ? place->label : "(none)";
}

std::string advice_of(const Document& doc, std::string_view needle) {
    std::optional<Place> place = doc.model->place_at(static_cast<std::uint32_t>(doc.bytes().find(needle)));
    return place ? place->advice : "(none)";
}

const std::string kClaude =
    R"({"type":"summary","summary":"Fix deploy","leafUuid":"a2"})" "\n"
    R"({"type":"user","uuid":"u1","sessionId":"0199abcd-1111-2222-3333-444455556666","cwd":"/home/dev/app","timestamp":"2026-01-02T03:04:05.678Z","message":{"role":"user","content":"hello USER"}})" "\n"
    "\n"
    R"({"type":"assistant","uuid":"a1","sessionId":"0199abcd-1111-2222-3333-444455556666","timestamp":"2026-01-02T03:04:06Z","message":{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"CALL"}}]}})" "\n"
    R"({"type":"user","uuid":"u2","sessionId":"0199abcd-1111-2222-3333-444455556666","timestamp":"2026-01-02T03:04:07Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"RESULT"}]}})" "\n"
    R"({"type":"assistant","uuid":"a2","sessionId":"0199abcd-1111-2222-3333-444455556666","message":{"role":"assistant","content":[{"type":"thinking","thinking":"THINK"}]}})" "\n"
    R"({"type":"file-history-snapshot","messageId":"a2","snapshot":{"files":"SNAP"}})" "\n";

} // namespace

TEST_CASE("timestamps: epoch seconds and milliseconds, ISO-8601 with fractions and offsets") {
    CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_utc(951782400) == "2000-02-29T00:00:00Z");
    CHECK(iso_utc(1767323045) == "2026-01-02T03:04:05Z");
    CHECK(iso_utc(-1).empty());
    CHECK(iso_from_epoch_seconds(1767323045.999) == "2026-01-02T03:04:05Z");
    CHECK(iso_from_epoch_millis(1767323045678) == "2026-01-02T03:04:05Z");
    CHECK(iso_from_epoch_seconds(-5).empty());
    CHECK(iso_from_epoch_seconds(1e300).empty());
    CHECK(normalize_iso("2026-01-02T03:04:05.1234567Z") == "2026-01-02T03:04:05Z");
    CHECK(normalize_iso("2026-01-02T05:04:05+02:00") == "2026-01-02T03:04:05Z");
    CHECK(normalize_iso("2026-01-01T23:30:00-0400") == "2026-01-02T03:30:00Z");
    CHECK(normalize_iso("2026-01-02 03:04:05,120 INFO") == "2026-01-02T03:04:05Z");
    CHECK(normalize_iso("2026-13-02T03:04:05Z").empty());
    CHECK(normalize_iso("yesterday").empty());
    CHECK(parse_iso("2024-02-29T12:00:00Z") == 1709208000);
}

TEST_CASE("jsonl: one item per line at file offsets, blank lines null, CRLF and a BOM tolerated") {
    std::string text = "\xEF\xBB\xBF{\"a\": \"x\"}\r\n\n[1, 2]\n{\"b\": {\"c\": true}}";
    ParseResult r = parse_jsonl(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    REQUIRE(r.root->children.size() == 4);
    CHECK(written(text, r.root->children[0].span) == "{\"a\": \"x\"}");
    CHECK(written(text, r.root->children[0].find("a")->span) == "\"x\"");
    CHECK(written(text, r.root->children[0].children[0].key_span) == "\"a\"");
    CHECK(r.root->children[1].kind == NodeKind::null);
    CHECK(r.root->children[2].is_seq());
    CHECK(where(text, r.root->children[3].get({"b", "c"})->span) == "4:13-4:17");
}

TEST_CASE("jsonl: a broken line is a parse error, a cut last line a truncated record") {
    std::string text = "{\"a\": 1}\n{\"b\": \n{\"c\": \"open";
    ParseResult r = parse_jsonl(text);
    REQUIRE(r.problems.size() == 2);
    CHECK(at(text, r.problems[0].offset).rfind("2:", 0) == 0);
    CHECK(r.problems[0].message.find("truncated") == std::string::npos);
    CHECK(at(text, r.problems[1].offset) == "3:1");
    CHECK(r.problems[1].message.rfind("truncated record", 0) == 0);
    // A complete last line without a newline is no problem.
    CHECK(parse_jsonl("{\"a\": 1}").problems.empty());
    std::string garbage;
    for (int i = 0; i < 1000; ++i) garbage += "not json\n";
    ParseResult many = parse_jsonl(garbage);
    REQUIRE(many.problems.size() == 11);
    CHECK(many.problems.back().message.rfind("990 more broken lines", 0) == 0);
}

TEST_CASE("jsonl: the node budget spans the file, and later lines are left to the raw scan") {
    ParseLimits limits;
    limits.max_nodes = 10;
    std::string text;
    for (int i = 0; i < 20; ++i) text += "{\"k\": 1}\n";
    ParseResult r = parse_jsonl(text, limits);
    REQUIRE(r.root);
    CHECK(r.root->children.size() == 5);
    CHECK(has_problem(r, DiagnosticKind::limit));
}

TEST_CASE("detection: transcripts by content first, path second; other JSON Lines stay generic") {
    CHECK(detect("export.jsonl", kClaude) == "claude-code-session");
    CHECK(detect("s.jsonl", R"({"timestamp":"2026-01-02T03:04:05Z","type":"session_meta","payload":{"id":"x"}})") ==
          "codex-session");
    CHECK(detect("h.jsonl", R"({"display":"hi","pastedContents":{},"timestamp":1767323045678,"project":"/p"})") ==
          "claude-code-history");
    CHECK(detect("h.jsonl", R"({"conversation_id":"c","ts":1767323045,"text":"hi"})") == "codex-history");
    CHECK(detect("events.jsonl", "{\"type\":\"click\",\"x\":1}\n{\"type\":\"key\",\"k\":\"a\"}\n") == "json");
    CHECK(detect("events.ndjson", "{\"a\":1}\n") == "json");
    // Content of another shape wins over a transcript's path; an empty file goes by its path.
    CHECK(detect("home/.claude/projects/-home-dev/x.jsonl", "{\"a\":1}\n") == "json");
    CHECK(detect("home/.claude/projects/-home-dev/x.jsonl", "") == "claude-code-session");
    CHECK(detect("home/.claude/history.jsonl", "") == "claude-code-history");
    CHECK(detect("home/.codex/history.jsonl", "") == "codex-history");
    CHECK(detect("sessions/2026/01/02/rollout-2026-01-02T03-04-05-x.jsonl", "") == "codex-session");
    CHECK(detect("conversations.json", R"([{"id":"c1","title":"t","create_time":1.5,"mapping":{}}])") == "chatgpt-export");
    CHECK(detect("one.json", R"({"title":"t","mapping":{"n":{"id":"n","message":null}}})") == "chatgpt-export");
    CHECK(detect("list.json", R"([{"id":"c1","title":"t"}])") == "json");
    // An export cut short is still one (its messages then have no place, their keys are still found).
    CHECK(detect("conversations.json", R"([{"id":"c1","title":"t","current_node":"n","mapping":{"n":{"id")") ==
          "chatgpt-export");
}

TEST_CASE("detection: CI logs by their lines, other *.log files as logs, prose stays text") {
    CHECK(detect("1_build.txt", "2026-01-02T03:04:05.1234567Z ##[group]Run make\n") == "github-actions-log");
    CHECK(detect("job", "\x1b[0KRunning with gitlab-runner 17.5.0\n") == "gitlab-job-log");
    CHECK(detect("job.txt", "x\n\x1b[0Ksection_start:1767323045:step_script\r\x1b[0Kstep\n") == "gitlab-job-log");
    CHECK(detect("app.log", "started\n") == "log");
    CHECK(detect("notes.txt", "2026-01-02 notes about the deploy\n") == "text");
    CHECK(detect("README.md", "section_start: is a GitLab marker\n") == "text");
    CHECK(detect("docs/logs.md", "2026-01-02T03:04:05.1234567Z ##[group]Run make\n") == "text");
    CHECK(detect("runner.go", "x := \"section_start:1767323045:build\"\n") == "text");
}

TEST_CASE("Claude Code session: each line's message number, role, time and how to delete the session") {
    auto doc = load_document("sessions/s.jsonl", kClaude, {});
    REQUIRE(doc->format == Format::claude_session);
    const auto* t = doc->model_as<Transcript>();
    REQUIRE(t != nullptr);
    CHECK(t->records.size() == 6);
    CHECK(std::is_sorted(t->records.begin(), t->records.end(),
                         [](const TranscriptRecord& a, const TranscriptRecord& b) { return a.span.begin < b.span.begin; }));
    CHECK(place_of(*doc, "Fix deploy") == "session 0199abcd, message 1 (summary)");
    CHECK(place_of(*doc, "USER") == "session 0199abcd, message 2 (user, 2026-01-02T03:04:05Z)");
    CHECK(place_of(*doc, "CALL") == "session 0199abcd, message 3 (tool call, 2026-01-02T03:04:06Z)");
    CHECK(place_of(*doc, "RESULT") == "session 0199abcd, message 4 (tool result, 2026-01-02T03:04:07Z)");
    CHECK(place_of(*doc, "THINK") == "session 0199abcd, message 5 (reasoning)");
    CHECK(place_of(*doc, "SNAP") == "session 0199abcd, record (file-history-snapshot)");
    // The blank line belongs to no record.
    std::size_t blank = kClaude.find("\n\n") + 1;
    CHECK_FALSE(doc->model->place_at(static_cast<std::uint32_t>(blank)).has_value());
    CHECK(advice_of(*doc, "USER") ==
          "Claude Code keeps this session in ~/.claude/projects/-home-dev-app/0199abcd-1111-2222-3333-444455556666.jsonl: "
          "delete that file (or redact this line), and the session's prompts in ~/.claude/history.jsonl.");
    CHECK(claude_project_folder("C:\\Users\\a\\p") == "C--Users-a-p");

    auto agent = load_document(
        "agent-a1.jsonl",
        R"({"type":"user","isSidechain":true,"agentId":"a1b2c3d4","sessionId":"s9","cwd":"/w","message":{"content":"SUB"}})",
        {});
    REQUIRE(agent->format == Format::claude_session);
    CHECK(place_of(*agent, "SUB") == "session s9, subagent a1b2c3d4, message 1 (user)");
    CHECK(advice_of(*agent, "SUB").find("~/.claude/projects/-w/s9/subagents/agent-a1b2c3d4.jsonl") != std::string::npos);
}

TEST_CASE("Codex session: the session id from session_meta, call ids, and every payload's role") {
    std::string text =
        R"({"timestamp":"2026-01-02T03:04:05.000Z","type":"session_meta","payload":{"id":"0199d2c4-5e6f-7a81-b2c3-d4e5f6a7b8c9","instructions":"META"}})" "\n"
        R"({"timestamp":"2026-01-02T03:04:06.000Z","type":"event_msg","payload":{"type":"user_message","message":"ASK"}})" "\n"
        R"({"timestamp":"2026-01-02T03:04:07.000Z","type":"response_item","payload":{"type":"function_call","name":"shell","arguments":"{\"command\":[\"CALL\"]}","call_id":"call_1"}})" "\n"
        R"({"timestamp":"2026-01-02T03:04:08.000Z","type":"response_item","payload":{"type":"function_call_output","call_id":"call_1","output":"OUT"}})" "\n"
        R"({"timestamp":"2026-01-02T03:04:09.000Z","type":"compacted","payload":{"message":"SUMMARY"}})" "\n";
    auto doc = load_document("rollout.jsonl", text, {});
    REQUIRE(doc->format == Format::codex_session);
    CHECK(place_of(*doc, "META") == "session 0199d2c4, record (session_meta, 2026-01-02T03:04:05Z)");
    CHECK(place_of(*doc, "ASK") == "session 0199d2c4, message 1 (user, 2026-01-02T03:04:06Z)");
    CHECK(place_of(*doc, "CALL") == "session 0199d2c4, message 2 (tool call call_1, 2026-01-02T03:04:07Z)");
    CHECK(place_of(*doc, "OUT") == "session 0199d2c4, message 3 (tool result call_1, 2026-01-02T03:04:08Z)");
    CHECK(place_of(*doc, "SUMMARY") == "session 0199d2c4, message 4 (summary, 2026-01-02T03:04:09Z)");
    CHECK(advice_of(*doc, "ASK").find("rollout-*-0199d2c4-5e6f-7a81-b2c3-d4e5f6a7b8c9.jsonl") != std::string::npos);
}

TEST_CASE("histories: the prompt's number in the file, its session and its epoch time") {
    auto claude = load_document(
        "history.jsonl",
        "{\"display\":\"ONE\",\"timestamp\":1767323045678,\"sessionId\":\"s1\"}\n{\"display\":\"TWO\",\"timestamp\":1767323046000}\n",
        {});
    REQUIRE(claude->format == Format::claude_history);
    CHECK(place_of(*claude, "ONE") == "history prompt 1 (session s1, 2026-01-02T03:04:05Z)");
    CHECK(place_of(*claude, "TWO") == "history prompt 2 (2026-01-02T03:04:06Z)");
    auto codex = load_document("history.jsonl", R"({"session_id":"s2","ts":1767323045,"text":"KEY"})", {});
    REQUIRE(codex->format == Format::codex_history);
    CHECK(place_of(*codex, "KEY") == "history prompt 1 (session s2, 2026-01-02T03:04:05Z)");
    CHECK(advice_of(*codex, "KEY").find("~/.codex/history.jsonl") != std::string::npos);
}

TEST_CASE("ChatGPT export: conversation title and id, message number, author role and create_time") {
    std::string text = R"([
{"id":"c1","title":"Deploy help","create_time":1767323000.5,"mapping":{
 "r":{"id":"r","message":null,"parent":null,"children":["a"]},
 "a":{"id":"a","message":{"author":{"role":"user"},"create_time":1767323045.25,"content":{"parts":["ASK"]}},"children":["b"]},
 "b":{"id":"b","message":{"author":{"role":"assistant"},"recipient":"python","create_time":null,"content":{"parts":["CODE"]}}},
 "c":{"id":"c","message":{"author":{"role":"tool"},"create_time":1767323050,"content":{"parts":["OUT"]}}}},
 "current_node":"c", "note":"TITLE-LEVEL"},
{"id":"c2","title":"","mapping":{"x":{"message":{"author":{"role":"assistant"},"content":{"parts":["REPLY"]}}}}}
])";
    auto doc = load_document("conversations.json", text, {});
    REQUIRE(doc->format == Format::chatgpt_export);
    CHECK(place_of(*doc, "ASK") == "conversation \"Deploy help\" (c1), message 1 (user, 2026-01-02T03:04:05Z)");
    CHECK(place_of(*doc, "CODE") == "conversation \"Deploy help\" (c1), message 2 (tool call)");
    CHECK(place_of(*doc, "OUT") == "conversation \"Deploy help\" (c1), message 3 (tool result, 2026-01-02T03:04:10Z)");
    CHECK(place_of(*doc, "TITLE-LEVEL") == "conversation \"Deploy help\" (c1)");
    CHECK(place_of(*doc, "REPLY") == "conversation c2, message 1 (assistant)");
    CHECK(advice_of(*doc, "ASK").rfind("Delete the conversation in ChatGPT", 0) == 0);
}

TEST_CASE("GitHub Actions log: the step's group, not its inner groups, and the line's own time") {
    std::string text =
        "2026-01-02T03:04:01.1000000Z ##[group]Run actions/checkout@v4\n"
        "2026-01-02T03:04:01.2000000Z   token: ***\n"
        "2026-01-02T03:04:01.3000000Z ##[endgroup]\n"
        "2026-01-02T03:04:02.0000000Z CHECKOUT-OUT\n"
        "2026-01-02T03:04:03.0000000Z ##[group]Run ./deploy.sh\n"
        "2026-01-02T03:04:03.1000000Z ##[endgroup]\n"
        "2026-01-02T03:04:04.0000000Z ##[group]Installing\n"
        "2026-01-02T03:04:04.1000000Z INNER\n"
        "2026-01-02T03:04:04.2000000Z ##[endgroup]\n"
        "2026-01-02T03:04:05.9999999Z DEPLOY-OUT\n"
        "continued line\n";
    auto doc = load_document("logs/2_deploy.txt", text, {});
    REQUIRE(doc->format == Format::github_actions_log);
    CHECK(place_of(*doc, "token") == "step \"Run actions/checkout@v4\", logged 2026-01-02T03:04:01Z");
    CHECK(place_of(*doc, "CHECKOUT-OUT") == "step \"Run actions/checkout@v4\", logged 2026-01-02T03:04:02Z");
    CHECK(place_of(*doc, "INNER") == "step \"Installing\", logged 2026-01-02T03:04:04Z");
    CHECK(place_of(*doc, "DEPLOY-OUT") == "step \"Run ./deploy.sh\", logged 2026-01-02T03:04:05Z");
    CHECK(place_of(*doc, "continued") == "step \"Run ./deploy.sh\", logged 2026-01-02T03:04:05Z");
    CHECK(advice_of(*doc, "INNER").find("gh run delete") != std::string::npos);
    CHECK(doc->facts.secret_refs.empty());
}

TEST_CASE("gh run view --log: every line's job and step columns") {
    std::string text =
        "build\tSet up job\t2026-01-02T03:04:01.1000000Z Current runner version: '2.321.0'\n"
        "build\tRun ./deploy.sh\t2026-01-02T03:04:05.1000000Z ##[group]Run ./deploy.sh\n"
        "build\tRun ./deploy.sh\t2026-01-02T03:04:06.1000000Z KEY\n"
        "test\tRun make\t2026-01-02T03:05:00.1000000Z OTHER\n";
    auto doc = load_document("run.log", text, {});
    REQUIRE(doc->format == Format::github_actions_log);
    CHECK(place_of(*doc, "runner version") == "job \"build\", step \"Set up job\", logged 2026-01-02T03:04:01Z");
    CHECK(place_of(*doc, "KEY") == "job \"build\", step \"Run ./deploy.sh\", logged 2026-01-02T03:04:06Z");
    CHECK(place_of(*doc, "OTHER") == "job \"test\", step \"Run make\", logged 2026-01-02T03:05:00Z");
}

TEST_CASE("GitLab job log: nested sections by name, their start time, FF_TIMESTAMPS prefixes") {
    std::string text =
        "\x1b[0Ksection_start:1767323045:step_script\r\x1b[0KExecuting\n"
        "OUTER-1\n"
        "section_start:1767323046:inner[collapsed=true]\r\x1b[0KInner\n"
        "INNER\n"
        "\x1b[0Ksection_end:1767323047:inner\r\x1b[0K\n"
        "OUTER-2\n"
        "\x1b[0Ksection_end:1767323048:step_script\r\x1b[0K\n"
        "AFTER\n";
    auto doc = load_document("job.log", text, {});
    REQUIRE(doc->format == Format::gitlab_job_log);
    CHECK(place_of(*doc, "OUTER-1") == "section \"step_script\", started 2026-01-02T03:04:05Z");
    CHECK(place_of(*doc, "INNER") == "section \"inner\", started 2026-01-02T03:04:06Z");
    CHECK(place_of(*doc, "OUTER-2") == "section \"step_script\", started 2026-01-02T03:04:05Z");
    CHECK(place_of(*doc, "AFTER").empty());
    CHECK(advice_of(*doc, "AFTER").find("erase the job") != std::string::npos);

    auto timed = load_document("job.log",
                               "2026-01-02T03:04:05.123456Z 00O section_start:1767323000:build\r\x1b[0Kb\n"
                               "2026-01-02T03:04:09.000001Z 01E+KEY\n",
                               {});
    CHECK(place_of(*timed, "KEY") == "section \"build\", logged 2026-01-02T03:04:09Z");
}

TEST_CASE("transcripts at scale: one long line and many lines keep their places") {
    const std::string token = "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";
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += R"({"type":"user","sessionId":"s","message":{"role":"user","content":"line )" + std::to_string(i) + "\"}}\n";
    }
    text += R"({"type":"user","sessionId":"s","message":{"role":"user","content":")" + std::string(4 << 20, 'x') + " " +
            token + "\"}}\n";
    auto doc = load_document("big.jsonl", text, {});
    REQUIRE(doc->format == Format::claude_session);
    CHECK(place_of(*doc, token) == "session s, message 20001 (user)");
}

// A key right after an escape (\n, \t) in a JSON string: the raw pass sees "nghp_...";
// checks/tokens/engine.cpp takes a letter after an odd run of backslashes as a boundary.
TEST_CASE("transcripts: a key right after a JSON escape is found") {
    const std::string token = "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";
    handoff::testing::TempDir dir;
    dir.write("s.jsonl", R"({"type":"user","sessionId":"s","message":{"role":"user","content":"see\n)" + token + "\"}}\n");
    ScanOptions options;
    options.paths = {dir.path().string()};
    options.jobs = 1;
    ScanResult result = run_scan(options);
    CHECK(std::any_of(result.findings.begin(), result.findings.end(),
                      [](const Finding& f) { return f.rule == "github-token"; }));
}

// A transcript or log that quotes a key is a copy of it, not another consumer: the key in a
// script and the chat that pasted it are one use. checks/shared_literal_key.cpp counts only
// findings without a place (Location::place is set for records of transcripts and logs).
TEST_CASE("transcripts: a key in a script and in a chat is not a shared key") {
    const std::string token = "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";
    handoff::testing::TempDir dir;
    dir.write("deploy.sh", "GITHUB_TOKEN=" + token + "\n");
    dir.write("s.jsonl", R"({"type":"user","sessionId":"s","message":{"role":"user","content":"token )" + token + "\"}}\n");
    ScanOptions options;
    options.paths = {dir.path().string()};
    options.jobs = 1;
    ScanResult result = run_scan(options);
    CHECK(std::count_if(result.findings.begin(), result.findings.end(),
                        [](const Finding& f) { return f.rule == "github-token"; }) == 2);
    CHECK_FALSE(std::any_of(result.findings.begin(), result.findings.end(),
                            [](const Finding& f) { return f.rule == "shared-literal-key"; }));
}

TEST_CASE("hostile transcripts and logs: long ids, many sections, a long group name stay bounded") {
    std::string claude = R"({"type":"user","sessionId":")" + std::string(1 << 20, 's') + R"(","message":{"content":"x"}})" "\n";
    for (int i = 0; i < 20000; ++i) claude += R"({"type":"summary","summary":"s","leafUuid":"l"})" "\n";
    claude += R"({"type":"summary","summary":"LAST","leafUuid":"l"})" "\n";
    auto doc = load_document("s.jsonl", claude, {});
    REQUIRE(doc->format == Format::claude_session);
    std::string label = place_of(*doc, "LAST");
    CHECK(label.size() < 300);
    CHECK(label.find("message 20002 (summary)") != std::string::npos);

    std::string gitlab = "section_start:1767323045:a\n";
    for (int i = 0; i < 20000; ++i) gitlab += "section_start:1767323045:s" + std::to_string(i) + "\n";
    for (int i = 0; i < 20000; ++i) gitlab += "section_end:1767323046:unknown" + std::to_string(i) + "\n";
    gitlab += "KEY\n";
    auto log = load_document("job.log", gitlab, {});
    REQUIRE(log->format == Format::gitlab_job_log);
    CHECK(place_of(*log, "KEY") == "section \"s19999\", started 2026-01-02T03:04:05Z");

    std::string github = "2026-01-02T03:04:05.0000000Z ##[group]Run " + std::string(1 << 20, 'y') + "\nKEY\n";
    auto gh = load_document("1_x.txt", github, {});
    REQUIRE(gh->format == Format::github_actions_log);
    CHECK(place_of(*gh, "KEY").size() < 600);
}

TEST_CASE("token boundary: only an escape's letter is a boundary, not any letter") {
    const std::string token = "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";
    auto found = [&](const std::string& text) {
        handoff::testing::TempDir dir;
        dir.write("notes.txt", text);
        ScanOptions options;
        options.paths = {dir.path().string()};
        options.jobs = 1;
        ScanResult result = run_scan(options);
        return std::any_of(result.findings.begin(), result.findings.end(),
                           [](const Finding& f) { return f.rule == "github-token"; });
    };
    CHECK(found("a\\t" + token + "\n"));        // \t then the key: an escape
    CHECK_FALSE(found("xn" + token + "\n"));     // glued to a word
    CHECK_FALSE(found("a\\\\n" + token + "\n"));  // \\ then n: the n is text, glued
}

TEST_CASE("a key in a transcript or log is to rotate, with how to delete the record, not to move to a store") {
    const std::string token = "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";
    handoff::testing::TempDir dir;
    dir.write("s.jsonl", R"({"type":"user","sessionId":"abc","message":{"role":"user","content":"token )" + token + "\"}}\n");
    ScanOptions options;
    options.paths = {dir.path().string()};
    options.jobs = 1;
    ScanResult result = run_scan(options);
    auto found = std::find_if(result.findings.begin(), result.findings.end(),
                              [](const Finding& f) { return f.rule == "github-token"; });
    REQUIRE(found != result.findings.end());
    CHECK(found->remediation.rfind("Rotate the key", 0) == 0);
    CHECK(found->remediation.find("abc.jsonl") != std::string::npos);
    CHECK(found->remediation.find("handoff fix") == std::string::npos);
}
