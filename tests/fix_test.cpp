// handoff fix: each platform's reference, byte-exact edits, .env/.env.example/.gitignore,
// verification by re-parsing, masking in the diff, and a second run that changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>

#include "cli/scan.hpp"
#include "fix/fix.hpp"
#include "tests/support.hpp"

using namespace handoff;
using handoff::testing::read_text;
using handoff::testing::TempDir;

namespace {

// Made-up keys in real formats (random bodies, never live).
std::string body(std::size_t n, unsigned seed) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::mt19937 rng(seed);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += kAlphabet[rng() % kAlphabet.size()];
    return out;
}
std::string openai_key(unsigned seed = 1) { return "sk-proj-" + body(64, seed) + "T3BlbkFJ" + body(64, seed + 1); }
std::string anthropic_key(unsigned seed = 3) { return "sk-ant-api03-" + body(93, seed) + "AA"; }

ScanResult scan_of(const TempDir& dir) {
    ScanOptions options;
    options.paths = {dir.path().string()};
    return run_scan(options);
}

FixPlan plan_of(const TempDir& dir) { return plan_fixes(dir.path().string(), scan_of(dir), FixOptions{}); }

const FileChange* change_of(const FixPlan& plan, std::string_view path) {
    auto it = std::find_if(plan.changes.begin(), plan.changes.end(), [&](const FileChange& c) { return c.path == path; });
    return it == plan.changes.end() ? nullptr : &*it;
}

// Writes the plan, then checks that a second plan changes nothing and no key is left outside .env.
void write_and_rescan(const TempDir& dir, const FixPlan& plan) {
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    ScanResult again = scan_of(dir);
    for (const Finding& f : again.findings) {
        if (f.family == Family::embedded_token) CHECK_MESSAGE(f.location.path == ".env", f.location.path);
    }
    FixPlan second = plan_fixes(dir.path().string(), again, FixOptions{});
    CHECK(second.changes.empty());
}

} // namespace

TEST_CASE("fix: a GitHub workflow reads the key from secrets; comments, CRLF and every other byte stay") {
    TempDir dir;
    std::string key = openai_key();
    std::string before = "# deploy\r\non: push\r\npermissions:\r\n  contents: read\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    env:\r\n"
                         "      OPENAI_API_KEY: " + key + "   # the key\r\n    steps:\r\n      - run: make test\r\n";
    dir.write(".github/workflows/ci.yml", before);
    FixPlan plan = plan_of(dir);
    const FileChange* wf = change_of(plan, ".github/workflows/ci.yml");
    REQUIRE(wf != nullptr);
    std::string expected = before;
    expected.replace(expected.find(key), key.size(), "${{ secrets.OPENAI_API_KEY }}");
    CHECK(wf->after == expected);  // byte for byte: only the key's bytes changed
    CHECK(plan.manual.empty());
    CHECK(plan.keys_moved == 1);

    const FileChange* env = change_of(plan, ".env");
    REQUIRE(env != nullptr);
    CHECK(env->created);
    CHECK(env->after.find("OPENAI_API_KEY=" + key + "\n") != std::string::npos);
    const FileChange* example = change_of(plan, ".env.example");
    REQUIRE(example != nullptr);
    CHECK(example->after.find("OPENAI_API_KEY=\n") != std::string::npos);
    CHECK(example->after.find("OpenAI") != std::string::npos);  // where to create it
    const FileChange* ignore = change_of(plan, ".gitignore");
    REQUIRE(ignore != nullptr);
    CHECK(ignore->after == ".env\n");

    // The diff never shows the key, neither where it was nor where it goes.
    std::string diff = plan_diff(plan);
    CHECK(diff.find(key) == std::string::npos);
    CHECK(diff.find("+      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}   # the key") != std::string::npos);
    CHECK(diff.find("--- /dev/null\n+++ b/.env\n") != std::string::npos);

    write_and_rescan(dir, plan);
    CHECK(read_text(dir.path() / ".github/workflows/ci.yml") == expected);
    CHECK(read_text(dir.path() / ".env").find(key) != std::string::npos);
    CHECK((std::filesystem::status(dir.path() / ".env").permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);
}

TEST_CASE("fix: each MCP client gets the syntax it expands; one that expands nothing loses the env member") {
    TempDir dir;
    std::string key = openai_key(11);
    auto config = [&](std::string_view value) {
        return "{\n  \"mcpServers\": {\n    \"ai\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"ai-mcp@1.2.0\"],\n"
               "      \"env\": {\"OPENAI_API_KEY\": \"" + std::string(value) + "\"}\n    }\n  }\n}\n";
    };
    dir.write(".mcp.json", config(key));
    dir.write(".cursor/mcp.json", config(key));
    dir.write("claude_desktop_config.json", config(key));
    FixPlan plan = plan_of(dir);
    const FileChange* claude_code = change_of(plan, ".mcp.json");
    const FileChange* cursor = change_of(plan, ".cursor/mcp.json");
    REQUIRE(claude_code != nullptr);
    REQUIRE(cursor != nullptr);
    CHECK(claude_code->after == config("${OPENAI_API_KEY}"));
    CHECK(cursor->after == config("${env:OPENAI_API_KEY}"));
    // Claude Desktop expands nothing: the env member leaves (with its comma, here the whole
    // env, which would otherwise leave the server without PATH), and the note names the server.
    const FileChange* desktop = change_of(plan, "claude_desktop_config.json");
    REQUIRE(desktop != nullptr);
    CHECK(desktop->after == "{\n  \"mcpServers\": {\n    \"ai\": {\n      \"command\": \"npx\",\n      \"args\": [\"-y\", "
                            "\"ai-mcp@1.2.0\"]\n    }\n  }\n}\n");
    CHECK(plan.manual.empty());
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const std::string& n) {
        return n.find("server 'ai'") != std::string::npos && n.find("started with OPENAI_API_KEY") != std::string::npos;
    }));
    // One key in three files is one entry in .env.
    const FileChange* env = change_of(plan, ".env");
    REQUIRE(env != nullptr);
    CHECK(std::count(env->after.begin(), env->after.end(), '=') == 1);
}

TEST_CASE("fix: an n8n header key becomes an n8n credential reference; GitLab reads $NAME") {
    TempDir dir;
    std::string key = anthropic_key();
    std::string flow = "{\n  \"name\": \"w\",\n  \"nodes\": [\n    {\"id\": \"1\", \"name\": \"Call\", \"type\": \"n8n-nodes-base.httpRequest\", "
                       "\"typeVersion\": 4.2, \"position\": [0, 0],\n     \"parameters\": {\"url\": \"https://api.anthropic.com/v1/messages\", "
                       "\"sendHeaders\": true,\n       \"headerParameters\": {\"parameters\": [{\"name\": \"x-api-key\", \"value\": \"" +
                       key + "\"}]}}}\n  ],\n  \"connections\": {}\n}\n";
    dir.write("flows/call.json", flow);
    std::string pipeline = "test:\n  script:\n    - 'curl -H \"x-api-key: " + key + "\" https://api.anthropic.com/v1/models'\n";
    dir.write(".gitlab-ci.yml", pipeline);
    FixPlan plan = plan_of(dir);
    const FileChange* n8n = change_of(plan, "flows/call.json");
    REQUIRE(n8n != nullptr);
    // The header leaves, with the list it was alone in and sendHeaders; the node authenticates
    // with an httpHeaderAuth credential, written in the node's own compact layout.
    std::string expected = "{\n  \"name\": \"w\",\n  \"nodes\": [\n    {\"id\": \"1\", \"name\": \"Call\", \"type\": \"n8n-nodes-base.httpRequest\", "
                           "\"typeVersion\": 4.2, \"position\": [0, 0],\n     \"parameters\": {\"authentication\": \"genericCredentialType\", "
                           "\"genericAuthType\": \"httpHeaderAuth\", \"url\": \"https://api.anthropic.com/v1/messages\"}, "
                           "\"credentials\": {\"httpHeaderAuth\": "
                           "{\"id\": \"\", \"name\": \"ANTHROPIC_API_KEY\"}}}\n  ],\n  \"connections\": {}\n}\n";
    CHECK(n8n->after == expected);
    // The key was placed for .gitlab-ci.yml first; the note says what the client creates in n8n.
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const std::string& n) {
        return n.find("node 'Call' now uses the n8n credential ANTHROPIC_API_KEY (httpHeaderAuth): the client creates it in "
                      "their n8n with ANTHROPIC_API_KEY from .env as its Value, with Name x-api-key") != std::string::npos;
    }));
    const FileChange* gitlab = change_of(plan, ".gitlab-ci.yml");
    REQUIRE(gitlab != nullptr);
    std::string expected_gitlab = pipeline;
    expected_gitlab.replace(expected_gitlab.find(key), key.size(), "$ANTHROPIC_API_KEY");
    CHECK(gitlab->after == expected_gitlab);
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: a different value already in .env under that name gets a new name, and nothing is overwritten") {
    TempDir dir;
    std::string key = openai_key(21);
    std::string other = openai_key(31);
    dir.write(".env", "OPENAI_API_KEY=" + other + "\n");
    dir.write(".gitignore", "node_modules/\n.env\n");
    dir.write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: " +
                                              key + "\n    steps:\n      - run: make\n");
    FixPlan plan = plan_of(dir);
    const FileChange* wf = change_of(plan, ".github/workflows/ci.yml");
    REQUIRE(wf != nullptr);
    CHECK(wf->after.find("${{ secrets.OPENAI_API_KEY_2 }}") != std::string::npos);
    const FileChange* env = change_of(plan, ".env");
    REQUIRE(env != nullptr);
    CHECK(env->after == "OPENAI_API_KEY=" + other + "\nOPENAI_API_KEY_2=" + key + "\n");
    CHECK(change_of(plan, ".gitignore") == nullptr);  // .env is already ignored
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(),
                      [](const std::string& n) { return n.find("OPENAI_API_KEY_2") != std::string::npos; }));
}

TEST_CASE("fix: an edit that would change the file's structure is not made, and says why") {
    TempDir dir;
    std::string key = openai_key(41);
    // In a YAML flow mapping `${{` opens a nested mapping: the reference cannot go there as is.
    dir.write(".github/workflows/ci.yml", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env: {OPENAI_API_KEY: " + key +
                                              "}\n    steps:\n      - run: make\n");
    FixPlan plan = plan_of(dir);
    CHECK(change_of(plan, ".github/workflows/ci.yml") == nullptr);
    REQUIRE(plan.manual.size() == 1);
    CHECK(plan.manual[0].rule == "openai-api-key");
    CHECK(plan.changes.empty());  // nothing moved, so .env is not touched either
}

TEST_CASE("fix: keys in source code become environment lookups; what cannot be rewritten safely is listed") {
    TempDir dir;
    std::string a = openai_key(51);
    std::string b = anthropic_key(53);
    std::string c = openai_key(55);
    dir.write("app/settings.py", "import os\n\nOPENAI_API_KEY = \"" + a + "\"\n");
    dir.write("app/other.py", "CLIENT_KEY = '" + b + "'\n");  // no `import os`: it is added
    dir.write("src/client.mjs", "export const client = new OpenAI({ apiKey: '" + c + "' });\n");
    dir.write("bin/deploy.sh", "#!/usr/bin/env bash\nexport TOKEN=\"" + b + "\"\ncurl -H 'x-api-key: " + b + "' https://example.com\n");
    dir.write("docs/setup.md", "Set the key:\n\n    export OPENAI_API_KEY=" + a + "\n");
    dir.write(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc" + body(70, 57) + "\n");
    FixPlan plan = plan_of(dir);

    const FileChange* py = change_of(plan, "app/settings.py");
    REQUIRE(py != nullptr);
    CHECK(py->after == "import os\n\nOPENAI_API_KEY = os.environ[\"OPENAI_API_KEY\"]\n");
    const FileChange* other = change_of(plan, "app/other.py");
    REQUIRE(other != nullptr);
    CHECK(other->after == "import os\nCLIENT_KEY = os.environ[\"CLIENT_KEY\"]\n");
    const FileChange* js = change_of(plan, "src/client.mjs");
    REQUIRE(js != nullptr);
    CHECK(js->after.find("apiKey: process.env.OPENAI_API_KEY_2 }") != std::string::npos);
    const FileChange* sh = change_of(plan, "bin/deploy.sh");
    REQUIRE(sh != nullptr);
    CHECK(sh->after.find("export TOKEN=\"${CLIENT_KEY}\"") != std::string::npos);  // one value, one name
    CHECK(sh->after.find("'x-api-key: " + b + "'") != std::string::npos);  // single quotes expand nothing: kept, listed
    const FileChange* md = change_of(plan, "docs/setup.md");
    REQUIRE(md != nullptr);
    CHECK(md->after.find("export OPENAI_API_KEY=<OPENAI_API_KEY>") != std::string::npos);

    auto manual_for = [&](std::string_view path) {
        return std::count_if(plan.manual.begin(), plan.manual.end(), [&](const ManualStep& m) { return m.location.path == path; });
    };
    CHECK(manual_for("app/other.py") == 0);
    CHECK(manual_for("bin/deploy.sh") == 1);
    CHECK(manual_for(".pypirc") >= 1);
}

TEST_CASE("fix: a config file of no known platform reads ${NAME}, with a note to check its loader") {
    TempDir dir;
    std::string key = anthropic_key(61);
    dir.write("config/llm.yaml", "provider: anthropic\n# model settings\napi_key: \"" + key + "\"\nmodel: claude\n");
    FixPlan plan = plan_of(dir);
    const FileChange* config = change_of(plan, "config/llm.yaml");
    REQUIRE(config != nullptr);
    CHECK(config->after == "provider: anthropic\n# model settings\napi_key: \"${ANTHROPIC_API_KEY}\"\nmodel: claude\n");
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(),
                      [](const std::string& n) { return n.find("config/llm.yaml: check that the program") == 0; }));
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: VS Code reads the key from a declared password input") {
    TempDir dir;
    std::string key = openai_key(71);
    std::string before = "{\n  // servers of this workspace\n  \"servers\": {\n    \"ai\": {\n      \"command\": \"npx\",\n"
                         "      \"args\": [\"-y\", \"ai-mcp@1.2.0\"],\n      \"env\": { \"OPENAI_API_KEY\": \"" + key +
                         "\" }\n    }\n  }\n}\n";
    dir.write(".vscode/mcp.json", before);
    FixPlan plan = plan_of(dir);
    const FileChange* config = change_of(plan, ".vscode/mcp.json");
    REQUIRE(config != nullptr);
    CHECK(config->after.find("\"OPENAI_API_KEY\": \"${input:openai-api-key}\"") != std::string::npos);
    CHECK(config->after.find("\"inputs\": [\n    { \"type\": \"promptString\", \"id\": \"openai-api-key\"") != std::string::npos);
    CHECK(config->after.find("\"password\": true }\n  ],\n  // servers of this workspace") != std::string::npos);
    write_and_rescan(dir, plan);

    // A second key in a file that already declares inputs is appended to the list.
    TempDir more;
    std::string existing = "{\n  \"inputs\": [\n    { \"type\": \"promptString\", \"id\": \"other\", \"password\": true }\n  ],\n"
                           "  \"servers\": { \"ai\": { \"command\": \"npx\", \"args\": [\"ai-mcp@1.2.0\"], \"env\": { \"OPENAI_API_KEY\": \"" +
                           key + "\" } } }\n}\n";
    more.write(".vscode/mcp.json", existing);
    FixPlan second = plan_of(more);
    const FileChange* appended = change_of(second, ".vscode/mcp.json");
    REQUIRE(appended != nullptr);
    CHECK(appended->after.find("\"password\": true },\n    { \"type\": \"promptString\", \"id\": \"openai-api-key\"") !=
          std::string::npos);
}

TEST_CASE("fix: a template injection in run: moves into the step's env: and the script reads the variable") {
    TempDir dir;
    std::string before =
        "on:\n  issues:\n    types: [opened]\npermissions:\n  issues: write\njobs:\n  triage:\n    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: 'echo \"New issue: ${{ github.event.issue.title }}\"'\n"
        "      - name: label\n        env:\n          TOKEN: ${{ secrets.GH_TOKEN }}\n        run: |\n"
        "          ./label.sh ${{ github.event.issue.title }} \"${{ github.event.issue.body }}\"\n"
        "          echo '${{ github.event.issue.body }}'\n"
        "      - name: windows\n        shell: pwsh\n        run: Write-Host \"${{ github.event.issue.title }}\"\n";
    dir.write(".github/workflows/triage.yml", before);
    FixPlan plan = plan_of(dir);
    const FileChange* wf = change_of(plan, ".github/workflows/triage.yml");
    REQUIRE(wf != nullptr);
    CHECK(wf->after ==
          "on:\n  issues:\n    types: [opened]\npermissions:\n  issues: write\njobs:\n  triage:\n    runs-on: ubuntu-latest\n"
          "    steps:\n"
          "      - run: 'echo \"New issue: ${ISSUE_TITLE}\"'\n"
          "        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n"
          "      - name: label\n        env:\n          TOKEN: ${{ secrets.GH_TOKEN }}\n"
          "          ISSUE_TITLE: ${{ github.event.issue.title }}\n          ISSUE_BODY: ${{ github.event.issue.body }}\n"
          "        run: |\n"
          "          ./label.sh \"${ISSUE_TITLE}\" \"${ISSUE_BODY}\"\n"
          "          echo '${{ github.event.issue.body }}'\n"
          "      - name: windows\n        shell: pwsh\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n"
          "        run: Write-Host \"$env:ISSUE_TITLE\"\n");
    CHECK(plan.other_fixes == 4);
    REQUIRE(plan.manual.size() == 1);  // inside single quotes the shell would not expand a variable
    CHECK(plan.manual[0].why.find("single quotes") != std::string::npos);
    CHECK(plan_diff(plan).find("@@ -7,13 +7,19 @@") != std::string::npos);

    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    ScanResult again = scan_of(dir);
    auto injections = std::count_if(again.findings.begin(), again.findings.end(),
                                    [](const Finding& f) { return f.rule == "template-injection"; });
    CHECK(injections == 1);  // the single-quoted one, left to a person
    CHECK(plan_fixes(dir.path().string(), again, FixOptions{}).changes.empty());
}

TEST_CASE("fix: actions/checkout gets persist-credentials: false unless a later step pushes with git") {
    TempDir dir;
    std::string before =
        "on: push\npermissions:\n  contents: write\njobs:\n"
        "  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
        "      - run: make\n"
        "  docs:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - name: checkout\n        uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
        "        with:\n          fetch-depth: 0\n"
        "      - run: make docs\n"
        "  bump:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
        "      - run: ./bump.sh && git push origin HEAD\n";
    dir.write(".github/workflows/ci.yml", before);
    FixPlan plan = plan_of(dir);
    const FileChange* wf = change_of(plan, ".github/workflows/ci.yml");
    REQUIRE(wf != nullptr);
    CHECK(wf->after.find("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
                         "        with:\n          persist-credentials: false\n      - run: make\n") != std::string::npos);
    CHECK(wf->after.find("        with:\n          fetch-depth: 0\n          persist-credentials: false\n") != std::string::npos);
    CHECK(wf->after.find("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
                         "      - run: ./bump.sh") != std::string::npos);  // the pushing job keeps its credential
    CHECK(std::any_of(plan.manual.begin(), plan.manual.end(),
                      [](const ManualStep& m) { return m.why.find("pushes with git") != std::string::npos; }));
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: --drop-pinned-data removes an n8n export's pinData, and the keys captured in it leave with it") {
    TempDir dir;
    std::string key = openai_key(81);
    std::string flow = "{\n  \"name\": \"w\",\n  \"nodes\": [],\n  \"connections\": {},\n  \"pinData\": {\n    \"Webhook\": [{\"json\": "
                       "{\"headers\": {\"authorization\": \"Bearer " + key + "\"}, \"email\": \"ada.quill@mailbox.org\"}}]\n  }\n}\n";
    dir.write("flows/w.json", flow);
    ScanResult scan = scan_of(dir);
    FixPlan keep = plan_fixes(dir.path().string(), scan, FixOptions{});
    CHECK(change_of(keep, ".env") != nullptr);  // without the option the key moves like any other

    FixPlan plan = plan_fixes(dir.path().string(), scan, FixOptions{{}, true});
    const FileChange* wf = change_of(plan, "flows/w.json");
    REQUIRE(wf != nullptr);
    CHECK(wf->after == "{\n  \"name\": \"w\",\n  \"nodes\": [],\n  \"connections\": {}\n}\n");
    CHECK(change_of(plan, ".env") == nullptr);  // captured request data is not the project's key
    CHECK(plan.other_fixes == 1);
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(),
                      [](const std::string& n) { return n.find("dropped the pinned data of 1 node") != std::string::npos; }));
}

TEST_CASE("fix: n8n keys no credential type fits stay $env, with the note that env access must be allowed") {
    TempDir dir;
    std::string a = openai_key(71);
    std::string b = anthropic_key(73);
    auto node = [](std::string_view id, std::string_view extra, std::string_view params) {
        return "    {\"id\": \"" + std::string(id) + "\", \"name\": \"N" + std::string(id) +
               "\", \"type\": \"n8n-nodes-base.httpRequest\", \"typeVersion\": 4.2, \"position\": [0, 0]" + std::string(extra) +
               ",\n     \"parameters\": {" + std::string(params) + "}}";
    };
    std::string flow =
        "{\n  \"name\": \"w\",\n  \"nodes\": [\n" +
        // a body value: no credential type holds a body field
        node("1", "", "\"sendBody\": true, \"bodyParameters\": {\"parameters\": [{\"name\": \"key\", \"value\": \"" + a + "\"}]}") +
        ",\n" +
        // a node that authenticates already
        node("2", ", \"credentials\": {\"openAiApi\": {\"id\": \"7\", \"name\": \"OpenAI\"}}",
             "\"authentication\": \"predefinedCredentialType\", \"nodeCredentialType\": \"openAiApi\", \"sendHeaders\": true, "
             "\"headerParameters\": {\"parameters\": [{\"name\": \"x-api-key\", \"value\": \"" + b + "\"}]}") +
        ",\n" +
        // the key is part of a longer value
        node("3", "", "\"sendHeaders\": true, \"headerParameters\": {\"parameters\": [{\"name\": \"Authorization\", \"value\": \"Key " +
                          b + "\"}]}") +
        "\n  ],\n  \"connections\": {}\n}\n";
    dir.write("flows/w.json", flow);
    FixPlan plan = plan_of(dir);
    const FileChange* n8n = change_of(plan, "flows/w.json");
    REQUIRE(n8n != nullptr);
    std::string expected = flow;
    expected.replace(expected.find(a), a.size(), "={{ $env.OPENAI_API_KEY }}");
    expected.replace(expected.find(b), b.size(), "={{ $env.ANTHROPIC_API_KEY }}");
    expected.replace(expected.find("\"Key " + b), b.size() + 5, "\"=Key {{ $env.ANTHROPIC_API_KEY }}");
    CHECK(n8n->after == expected);
    CHECK(n8n->after.find("genericCredentialType") == std::string::npos);
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const std::string& n) {
        return n.find("N8N_BLOCK_ENV_ACCESS_IN_NODE=false") != std::string::npos;
    }));
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: an n8n bearer header and a query key become httpBearerAuth and httpQueryAuth; a second run changes nothing") {
    TempDir dir;
    std::string a = openai_key(81);
    std::string b = anthropic_key(83);
    std::string flow = "{\n  \"nodes\": [\n    {\n      \"name\": \"Bearer\",\n      \"type\": \"n8n-nodes-base.httpRequest\",\n"
                       "      \"typeVersion\": 4.2,\n      \"parameters\": {\n        \"sendHeaders\": true,\n"
                       "        \"headerParameters\": {\n          \"parameters\": [\n            {\n              \"name\": \"authorization\",\n"
                       "              \"value\": \"=bearer " + a + "\"\n            }\n          ]\n        }\n      }\n    },\n"
                       "    {\n      \"name\": \"Query\",\n      \"type\": \"n8n-nodes-base.httpRequest\",\n      \"typeVersion\": 4.2,\n"
                       "      \"parameters\": {\n        \"sendQuery\": true,\n        \"queryParameters\": {\n          \"parameters\": [\n"
                       "            {\"name\": \"a\", \"value\": \"1\"},\n            {\"name\": \"token\", \"value\": \"" + b + "\"},\n"
                       "            {\"name\": \"b\", \"value\": \"2\"}\n          ]\n        }\n      }\n    }\n  ],\n  \"connections\": {}\n}\n";
    dir.write("w.json", flow);
    FixPlan plan = plan_of(dir);
    const FileChange* n8n = change_of(plan, "w.json");
    REQUIRE(n8n != nullptr);
    CHECK(plan.manual.empty());
    CHECK(n8n->after.find(a) == std::string::npos);
    CHECK(n8n->after.find(b) == std::string::npos);
    // The header was all its parameters held: the two auth members take their place.
    CHECK(n8n->after.find("      \"parameters\": {\n        \"authentication\": \"genericCredentialType\",\n"
                          "        \"genericAuthType\": \"httpBearerAuth\"\n      },\n") != std::string::npos);
    CHECK(n8n->after.find("      },\n      \"credentials\": {\n        \"httpBearerAuth\": {\n          \"id\": \"\",\n"
                          "          \"name\": \"OPENAI_API_KEY\"\n        }\n      }\n    },") != std::string::npos);
    CHECK(n8n->after.find("{\"name\": \"a\", \"value\": \"1\"},\n            {\"name\": \"b\", \"value\": \"2\"}") != std::string::npos);
    CHECK(n8n->after.find("\"genericAuthType\": \"httpQueryAuth\"") != std::string::npos);
    CHECK(n8n->after.find("\"httpQueryAuth\": {") != std::string::npos);
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: a decrypted n8n credentials export keeps names and types; its values move to .env") {
    TempDir dir;
    std::string key = openai_key(91);
    std::string before = "[\n  {\n    \"id\": \"c1\",\n    \"name\": \"OpenAI prod\",\n    \"type\": \"openAiApi\",\n"
                         "    \"data\": {\"apiKey\": \"" + key + "\", \"organizationId\": \"org-1\", \"retries\": 3, \"extra\": null}\n  },\n"
                         "  {\n    \"id\": \"c2\",\n    \"name\": \"Locked\",\n    \"type\": \"httpHeaderAuth\",\n"
                         "    \"data\": \"U2FsdGVkX18ClJjsMD8Sl569HpWyUgGo6eZ39oN2ugK0N32+GhiLWhFOv3fc9883uf13dMfe\"\n  }\n]\n";
    dir.write("n8n/credentials.json", before);
    FixPlan plan = plan_of(dir);
    const FileChange* creds = change_of(plan, "n8n/credentials.json");
    REQUIRE(creds != nullptr);
    std::string expected = before;
    expected.replace(expected.find("{\"apiKey\""), std::string("{\"apiKey\": \"" + key + "\", \"organizationId\": \"org-1\", \"retries\": 3").size(),
                     "{\"apiKey\": \"\", \"organizationId\": \"\", \"retries\": \"\"");
    CHECK(creds->after == expected);  // the encrypted entry and the null stay as they were
    const FileChange* env = change_of(plan, ".env");
    REQUIRE(env != nullptr);
    CHECK(env->after.find("OPENAI_PROD_API_KEY=" + key + "\n") != std::string::npos);
    CHECK(env->after.find("OPENAI_PROD_ORGANIZATION_ID=org-1\n") != std::string::npos);
    CHECK(env->after.find("OPENAI_PROD_RETRIES=3\n") != std::string::npos);
    const FileChange* example = change_of(plan, ".env.example");
    REQUIRE(example != nullptr);
    CHECK(example->after.find("# n8n credential 'OpenAI prod' (openAiApi), field apiKey") != std::string::npos);
    CHECK(plan_diff(plan).find(key) == std::string::npos);
    CHECK(std::any_of(plan.notes.begin(), plan.notes.end(), [](const std::string& n) {
        return n.find("recreates each credential") != std::string::npos;
    }));
    write_and_rescan(dir, plan);
}

TEST_CASE("fix: Codex forwards a moved key with env_vars; CRLF, a last line without newline and odd tables") {
    TempDir dir;
    std::string a = openai_key(101);
    std::string b = anthropic_key(103);
    std::string before = "[mcp_servers.one]\r\ncommand = \"one-mcp\"\r\nenv_vars = []\r\nenv = { OPENAI_API_KEY = \"" + a +
                         "\" }\r\n\r\n[mcp_servers.two]\r\ncommand = \"two-mcp\"\r\nenv.ANTHROPIC_API_KEY = \"" + b +
                         "\"\r\n\r\n[mcp_servers.three]\r\ncommand = \"three-mcp\"\r\nenv = {OPENAI_API_KEY = \"" + a + "\"}";
    dir.write(".codex/config.toml", before);
    FixPlan plan = plan_of(dir);
    const FileChange* codex = change_of(plan, ".codex/config.toml");
    REQUIRE(codex != nullptr);
    std::string expected = "[mcp_servers.one]\r\ncommand = \"one-mcp\"\r\nenv_vars = [\"OPENAI_API_KEY\"]\r\n"
                           "\r\n[mcp_servers.two]\r\ncommand = \"two-mcp\"\r\nenv.ANTHROPIC_API_KEY = \"" + b +
                           "\"\r\n\r\n[mcp_servers.three]\r\ncommand = \"three-mcp\"\r\nenv_vars = [\"OPENAI_API_KEY\"]";
    CHECK(codex->after == expected);
    // A dotted env.KEY is left to a person.
    REQUIRE(plan.manual.size() == 1);
    CHECK(plan.manual[0].location.line == 8);
    CHECK(plan.manual[0].why.find("in the server's env_vars, bearer_token_env_var or env_http_headers by hand") !=
          std::string::npos);
    const FileChange* env = change_of(plan, ".env");
    REQUIRE(env != nullptr);
    CHECK(env->after.find("OPENAI_API_KEY=" + a + "\n") != std::string::npos);
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    FixPlan second = plan_fixes(dir.path().string(), scan_of(dir), FixOptions{});
    CHECK(second.changes.empty());
}

TEST_CASE("fix: a Python module without `import os` gets it after its docstring and __future__ imports") {
    TempDir dir;
    std::string a = openai_key(111);
    std::string b = anthropic_key(113);
    std::string c = openai_key(115);
    dir.write("a.py", "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n\"\"\"Calls the model.\n\nTwo lines.\n\"\"\"\n\n"
                      "from __future__ import (\n    annotations,\n)\nfrom __future__ import division\n\nimport sys\n"
                      "from os import environ  # binds environ, not os\nimport osmosis\n\nOPENAI_API_KEY = \"" + a + "\"\n");
    dir.write("b.py", "# settings\n\nANTHROPIC_API_KEY = '" + b + "'");
    dir.write("c.py", "'''Docstring.'''\nimport sys, os  # os is there\nKEY = \"" + c + "\"\n");
    dir.write("d.py", "import os as o\nPROMPT = \"\"\"" + c + "\"\"\"\n");
    FixPlan plan = plan_of(dir);
    const FileChange* fa = change_of(plan, "a.py");
    REQUIRE(fa != nullptr);
    CHECK(fa->after == "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n\"\"\"Calls the model.\n\nTwo lines.\n\"\"\"\n\n"
                       "from __future__ import (\n    annotations,\n)\nfrom __future__ import division\nimport os\n\nimport sys\n"
                       "from os import environ  # binds environ, not os\nimport osmosis\n\nOPENAI_API_KEY = os.environ[\"OPENAI_API_KEY\"]\n");
    const FileChange* fb = change_of(plan, "b.py");
    REQUIRE(fb != nullptr);
    CHECK(fb->after == "# settings\n\nimport os\nANTHROPIC_API_KEY = os.environ[\"ANTHROPIC_API_KEY\"]");
    const FileChange* fc = change_of(plan, "c.py");
    REQUIRE(fc != nullptr);
    CHECK(fc->after.starts_with("'''Docstring.'''\nimport sys, os  # os is there\nKEY = os.environ["));
    // A key inside a triple-quoted string is not a whole literal: left to a person.
    CHECK(change_of(plan, "d.py") == nullptr);
    CHECK(std::count_if(plan.manual.begin(), plan.manual.end(), [](const ManualStep& m) { return m.location.path == "d.py"; }) == 1);
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    CHECK(plan_fixes(dir.path().string(), scan_of(dir), FixOptions{}).changes.empty());
}

TEST_CASE("fix: npx packages are pinned to the version a lockfile resolves; never fetched, else a manual step") {
    TempDir dir;
    dir.write("package-lock.json", "{\"lockfileVersion\": 1, \"dependencies\": {\"mem-mcp\": {\"version\": \"0.3.1\"}, "
                                   "\"@x/range\": {\"version\": \"^1.0.0\"}}}\n");
    std::string codex = "[mcp_servers.mem]\ncommand = \"npx\"\nargs = [\"-y\", \"mem-mcp\"]\n\n"
                        "[mcp_servers.range]\ncommand = \"npx\"\nargs = [\"-y\", \"@x/range\"]\n";
    dir.write("agents/.codex/config.toml", codex);
    std::string same = "{\"mcpServers\": {\"mem\": {\"command\": \"npx\", \"args\": [\"mem-mcp@latest\"]}}}\n";
    dir.write("agents/.mcp.json", same);
    FixPlan plan = plan_of(dir);
    const FileChange* toml = change_of(plan, "agents/.codex/config.toml");
    REQUIRE(toml != nullptr);
    std::string expected = codex;
    expected.replace(expected.find("\"mem-mcp\""), 9, "\"mem-mcp@0.3.1\"");
    CHECK(toml->after == expected);  // a lockfile two folders up counts; a range in it is no version
    const FileChange* json = change_of(plan, "agents/.mcp.json");
    REQUIRE(json != nullptr);
    CHECK(json->after.find("[\"mem-mcp@0.3.1\"]") != std::string::npos);
    REQUIRE(plan.manual.size() == 1);
    CHECK(plan.manual[0].rule == "mcp-unpinned-package");
    CHECK(plan.manual[0].why.find("@x/range@x.y.z") != std::string::npos);
    CHECK(plan.keys_moved == 0);
    CHECK(plan.other_fixes == 2);
    CHECK(change_of(plan, ".env") == nullptr);
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    CHECK(plan_fixes(dir.path().string(), scan_of(dir), FixOptions{}).changes.empty());
}

TEST_CASE("fix: a workflow without permissions: gets contents: read; a job that writes with the token is listed") {
    TempDir dir;
    std::string ci = "on: push\r\njobs:\r\n  oidc:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
                     "      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502\r\n"
                     "  own:\r\n    permissions:\r\n      issues: write\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
                     "      - run: gh issue list\r\n";
    dir.write(".github/workflows/ci.yml", ci);
    std::string token = "on: push\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./bump.sh\n"
                        "        env:\n          TOKEN: ${{ secrets.GITHUB_TOKEN }}\n";
    dir.write(".github/workflows/bump.yml", token);
    dir.write(".github/workflows/flow.yml", "on: push\njobs: {a: {runs-on: ubuntu-latest, steps: [{run: make}]}}\n");
    FixPlan plan = plan_of(dir);
    const FileChange* wf = change_of(plan, ".github/workflows/ci.yml");
    REQUIRE(wf != nullptr);
    CHECK(wf->after == "on: push\r\npermissions:\r\n  contents: read\r\njobs:\r\n  oidc:\r\n    permissions:\r\n"
                       "      contents: read\r\n      id-token: write\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
                       "      - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502\r\n"
                       "  own:\r\n    permissions:\r\n      issues: write\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
                       "      - run: gh issue list\r\n");
    CHECK(change_of(plan, ".github/workflows/bump.yml") == nullptr);
    CHECK(change_of(plan, ".github/workflows/flow.yml") == nullptr);
    auto why = [&](std::string_view path) {
        auto it = std::find_if(plan.manual.begin(), plan.manual.end(), [&](const ManualStep& m) { return m.location.path == path; });
        return it == plan.manual.end() ? std::string() : it->why;
    };
    CHECK(why(".github/workflows/bump.yml").find("job bump (passes the GITHUB_TOKEN to a step)") != std::string::npos);
    CHECK(why(".github/workflows/flow.yml").find("by hand") != std::string::npos);
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    CHECK(plan_fixes(dir.path().string(), scan_of(dir), FixOptions{}).changes.empty());
}

TEST_CASE("fix: an encrypted n8n export shipped with its key is left to a person, never rewritten") {
    TempDir dir;
    std::string before = "[{\"id\": \"c2\", \"name\": \"Locked\", \"type\": \"httpHeaderAuth\", "
                         "\"data\": \"U2FsdGVkX18ClJjsMD8Sl569HpWyUgGo6eZ39oN2ugK0N32+GhiLWhFOv3fc9883uf13dMfe\"}]\n";
    dir.write("n8n/credentials.json", before);
    dir.write("n8n/config", "{\"encryptionKey\": \"a1b2c3d4e5f6a7b8c9d0\"}\n");
    FixPlan plan = plan_of(dir);
    CHECK(change_of(plan, "n8n/credentials.json") == nullptr);
    auto it = std::find_if(plan.manual.begin(), plan.manual.end(),
                           [](const ManualStep& m) { return m.rule == "n8n-credentials-encrypted-key-nearby"; });
    REQUIRE(it != plan.manual.end());
    CHECK(it->why.find("rotate the key") != std::string::npos);
}

TEST_CASE("fix: a key inside a longer literal is built from the environment, read by the language's lexer") {
    TempDir dir;
    std::string a = openai_key(201);
    std::string b = anthropic_key(203);
    std::string c = openai_key(205);
    std::string d = anthropic_key(207);
    // A comment's apostrophe, a regular expression holding quotes and a template before the
    // literal must not throw the lexer off; `+` needs no parentheses between `+` and `;`.
    dir.write("a.js", "// don't read this as a string\nconst re = /'\"/g;\nconst s = `x ${re}` + \"pre " + a + " post\";\n"
                      "const t = 'Bearer ' + y / 2; const u = \"k=" + b + "\".trim();\n");
    // A u prefix is kept on each part, a raw literal without backslashes is safe, `%` binds
    // tighter than `+`, adjoining literals are left to a person.
    dir.write("b.py", "import os\nX = u\"Token " + c + "\"\nY = r\"" + d + "/path\"\nZ = \"k=" + a + "&v=%s\" % 2\n"
                      "W = (\"a\" \"b " + b + "\")\n");
    FixPlan plan = plan_of(dir);
    const FileChange* js = change_of(plan, "a.js");
    REQUIRE(js != nullptr);
    CHECK(js->after == "// don't read this as a string\nconst re = /'\"/g;\nconst s = `x ${re}` + \"pre \" + "
                       "process.env.OPENAI_API_KEY + \" post\";\nconst t = 'Bearer ' + y / 2; const u = (\"k=\" + "
                       "process.env.ANTHROPIC_API_KEY).trim();\n");
    const FileChange* py = change_of(plan, "b.py");
    REQUIRE(py != nullptr);
    CHECK(py->after.find("X = u\"Token \" + os.environ[\"OPENAI_API_KEY_2\"]\n") != std::string::npos);
    CHECK(py->after.find("Y = os.environ[\"ANTHROPIC_API_KEY_2\"] + r\"/path\"\n") != std::string::npos);
    CHECK(py->after.find("Z = (\"k=\" + os.environ[\"OPENAI_API_KEY\"] + \"&v=%s\") % 2\n") != std::string::npos);
    CHECK(py->after.find("W = (\"a\" \"b " + b + "\")\n") != std::string::npos);
    REQUIRE(plan.manual.size() == 1);
    CHECK(plan.manual[0].why.find("adjoining") != std::string::npos);
    std::string error;
    REQUIRE(apply_plan(dir.path().string(), plan, error));
    CHECK(plan_fixes(dir.path().string(), scan_of(dir), FixOptions{}).changes.empty());
}

TEST_CASE("fix: a Jenkinsfile is edited only in the exact environment shape; .npmrc only for a whole value") {
    TempDir dir;
    std::string a = openai_key(211);
    std::string b = anthropic_key(213);
    std::string c = openai_key(215);
    dir.write("Jenkinsfile", "pipeline {\n  agent any\n  environment {\n    OPENAI_API_KEY = \"" + a + "\"\n  }\n  stages {\n"
                             "    stage('x') {\n      steps {\n        script {\n          def k = '" + b + "'\n        }\n"
                             "      }\n    }\n  }\n}\n");
    dir.write("sub/Jenkinsfile", "environment {\n  stage {\n    ANTHROPIC_API_KEY = '" + b + "'\n  }\n}\n");
    dir.write(".npmrc", "//registry.npmjs.org/:_authToken=\"" + c + "\"\n");
    FixPlan plan = plan_of(dir);
    const FileChange* jenkins = change_of(plan, "Jenkinsfile");
    REQUIRE(jenkins != nullptr);
    CHECK(jenkins->after.find("    OPENAI_API_KEY = credentials('openai-api-key')\n") != std::string::npos);
    CHECK(jenkins->after.find("def k = '" + b + "'") != std::string::npos);
    CHECK(change_of(plan, "sub/Jenkinsfile") == nullptr);  // two braces deep: not the block's own line
    CHECK(change_of(plan, ".npmrc") == nullptr);           // quoted: not the line's whole value
    CHECK(plan.manual.size() == 3);
}

TEST_CASE("fix: a key in a transcript or a log is a manual step: rotate it and delete the record; nothing is edited") {
    TempDir dir;
    std::string key = openai_key();
    dir.write("notes/session.jsonl", R"({"type":"user","sessionId":"s1","message":{"role":"user","content":"use )" + key +
                                        "\"}}\n");
    dir.write("logs/run.log", "2026-01-02T03:04:05.1234567Z ##[group]Run ./deploy.sh\n"
                              "2026-01-02T03:04:05.2234567Z export OPENAI_API_KEY=" + key + "\n");
    FixPlan plan = plan_of(dir);
    CHECK(change_of(plan, "notes/session.jsonl") == nullptr);
    CHECK(change_of(plan, "logs/run.log") == nullptr);
    CHECK(change_of(plan, ".env") == nullptr);  // a leaked copy is not a key to keep
    REQUIRE(plan.manual.size() >= 2);
    for (const ManualStep& m : plan.manual) {
        CAPTURE(m.location.path);
        CHECK(m.why.find("rotate the key, then delete or redact the record") != std::string::npos);
    }
}
