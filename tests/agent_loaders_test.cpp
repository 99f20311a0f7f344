// The agent loaders' building blocks: command lines, variable syntaxes, clients, rules.
#include <doctest/doctest.h>

#include "cli/scan.hpp"
#include "model/agent.hpp"
#include "parsers/loaders/command_line.hpp"
#include "parsers/loaders/mcp_client.hpp"
#include "parsers/loaders/permission_rules.hpp"
#include "parsers/syntax/syntax.hpp"

using namespace handoff;

namespace {
bool has_risk(const CommandAnalysis& a, std::string_view capability) {
    for (const CommandRisk& r : a.risks) {
        if (r.capability == capability) return true;
    }
    return false;
}
} // namespace

TEST_CASE("npx, uvx and docker pins are read like the runners read them") {
    CHECK(has_risk(analyze_command({"npx", "-y", "@scope/server"}), "unpinned-package"));
    CHECK(has_risk(analyze_command({"npx", "-y", "@scope/server@latest"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"npx", "-y", "@scope/server@1.2.3"}), "unpinned-package"));
    CHECK(has_risk(analyze_command({"uvx", "mcp-server-fetch"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"uvx", "mcp-server-fetch==2025.4.7"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"uvx", "--from", "git+https://github.com/o/r@0123456789abcdef", "r"}),
                         "unpinned-package"));
    CHECK(has_risk(analyze_command({"docker", "run", "-i", "--rm", "-e", "TOKEN", "img"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"docker", "run", "-i", "img@sha256:abcd"}), "unpinned-package"));
    CHECK(has_risk(analyze_command({"bash", "-c", "npx -y tavily-mcp"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"bash", "-c", "npx -y tavily-mcp@0.1.3"}), "unpinned-package"));
    CHECK(has_risk(analyze_command({"npx -y some-server"}), "unpinned-package"));
    CHECK_FALSE(has_risk(analyze_command({"node", "server.js"}), "unpinned-package"));
}

TEST_CASE("docker flags and filesystem roots that reach the host") {
    CHECK(has_risk(analyze_command({"docker", "run", "--privileged", "img:1"}), "container-privileged"));
    CHECK(has_risk(analyze_command({"docker", "run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "img:1"}),
                   "docker-socket"));
    CHECK(has_risk(analyze_command({"docker", "run", "-v", "/:/host", "img:1"}), "host-mount"));
    CHECK_FALSE(has_risk(analyze_command({"docker", "run", "-v", "C:\\data:/data", "img:1"}), "host-mount"));
    CHECK(has_risk(analyze_command({"docker", "run", "--network=host", "img:1"}), "host-network"));
    CHECK(analyze_command({"docker", "run", "-p", "8080:80", "img:1"}).listeners.size() == 1);
    CHECK(analyze_command({"docker", "run", "-p", "127.0.0.1:8080:80", "img:1"}).listeners.empty());
    CHECK(has_risk(analyze_command({"npx", "-y", "@modelcontextprotocol/server-filesystem@1.0.0", "~"}),
                   "filesystem-root"));
    CHECK_FALSE(has_risk(analyze_command({"npx", "-y", "@modelcontextprotocol/server-filesystem@1.0.0", "/srv/app"}),
                         "filesystem-root"));
}

TEST_CASE("mcp-remote targets and their headers") {
    CommandAnalysis a = analyze_command({"npx", "mcp-remote@0.1.18", "https://x.example/sse", "--header", "A:B"});
    REQUIRE(a.remotes.size() == 1);
    CHECK(a.remotes[0].url == "https://x.example/sse");
    CHECK(a.remotes[0].header_sources.size() == 1);
}

TEST_CASE("variable references in every client's syntax") {
    auto refs = find_var_refs("a ${A} ${B:-x} ${env:C} ${input:d} ${{ secrets.E }} {env:F} $G ${process.env.H}", true);
    REQUIRE(refs.size() == 8);
    CHECK(refs[0].syntax == RefSyntax::braced);
    CHECK(refs[1].has_default);
    CHECK(refs[2].syntax == RefSyntax::env_prefixed);
    CHECK(refs[3].syntax == RefSyntax::input);
    CHECK(refs[3].name == "d");
    CHECK(refs[4].syntax == RefSyntax::secrets);
    CHECK(refs[4].name == "E");
    CHECK(refs[5].syntax == RefSyntax::opencode_env);
    CHECK(refs[6].syntax == RefSyntax::bare);
    CHECK(refs[7].syntax == RefSyntax::malformed);
    CHECK(find_var_refs("${workspaceFolder}/x", false)[0].builtin);
    CHECK(client_expands(McpClient::claude_desktop, RefSyntax::braced) == Expansion::no);
    CHECK(client_expands(McpClient::claude_code, RefSyntax::braced) == Expansion::yes);
    CHECK(client_expands(McpClient::vscode, RefSyntax::braced) == Expansion::no);
    CHECK(client_expands(McpClient::vscode, RefSyntax::input) == Expansion::yes);
    CHECK(client_expands(McpClient::cursor, RefSyntax::braced) == Expansion::unknown);
}

TEST_CASE("clients by path, then by content") {
    Node empty;
    CHECK(detect_client("a/.vscode/mcp.json", empty).client == McpClient::vscode);
    CHECK(detect_client("claude_desktop_config.json", empty).client == McpClient::claude_desktop);
    CHECK(detect_client(".codex/config.toml", empty).client == McpClient::codex);
    CHECK(detect_client("x/.codeium/windsurf/mcp_config.json", empty).client == McpClient::windsurf);
    auto guess = [](std::string_view json) {
        ParseResult r = parse_json(json);
        REQUIRE(r.root);
        return detect_client("config.json", *r.root).client;
    };
    CHECK(guess(R"({"mcpServers": {"a": {"serverUrl": "https://x"}}})") == McpClient::windsurf);
    CHECK(guess(R"({"mcpServers": {"a": {"httpUrl": "https://x"}}})") == McpClient::gemini);
    CHECK(guess(R"({"mcpServers": {"a": {"command": "x", "alwaysAllow": []}}})") == McpClient::roo);
    CHECK(guess(R"({"mcpServers": {"a": {"command": "x", "autoApprove": []}}})") == McpClient::cline);
    CHECK(guess(R"({"servers": {"a": {"command": "x"}}, "inputs": []})") == McpClient::vscode);
    CHECK(guess(R"({"mcpServers": {"a": {"command": "x"}}})") == McpClient::claude_desktop);
}

TEST_CASE("Claude Code permission rules: what is broad and what is not") {
    CHECK(broad_allow(parse_permission_rule("Bash")).has_value());
    CHECK(broad_allow(parse_permission_rule("Bash(*)")).has_value());
    CHECK(broad_allow(parse_permission_rule("Bash(curl:*)")).has_value());
    CHECK(broad_allow(parse_permission_rule("Bash(python -c:*)")).has_value());
    CHECK(broad_allow(parse_permission_rule("WebFetch")).has_value());
    CHECK_FALSE(broad_allow(parse_permission_rule("Bash(npm run test:*)")).has_value());
    CHECK_FALSE(broad_allow(parse_permission_rule("Bash(curl localhost:*)")).has_value());
    CHECK_FALSE(broad_allow(parse_permission_rule("WebFetch(domain:docs.example.com)")).has_value());
    CHECK_FALSE(broad_allow(parse_permission_rule("mcp__github__get_issue")).has_value());
    CHECK(denied_by(parse_permission_rule("Bash(curl:*)"), parse_permission_rule("Bash")));
    CHECK_FALSE(denied_by(parse_permission_rule("Bash(curl:*)"), parse_permission_rule("Bash(wget:*)")));
}

TEST_CASE("An MCP config carries its agent model after loading: kind, client and servers") {
    auto doc = load_document(".vscode/mcp.json", R"({"servers": {
        "files": {"command": "npx", "args": ["-y", "@scope/files@1.0.0"], "env": {"ROOT": "/srv"}},
        "remote": {"type": "http", "url": "https://user:pw@mcp.example.org/mcp?key=abc",
                   "headers": {"Authorization": "Bearer ${input:tok}"}, "disabled": true}},
        "inputs": [{"id": "tok", "type": "promptString", "password": true}]})",
                             {});
    const auto* model = doc->model_as<AgentModel>();
    REQUIRE(model != nullptr);
    CHECK(model->kind == AgentFileKind::mcp_config);
    CHECK(model->client == McpClient::vscode);
    REQUIRE(model->servers.size() == 2);
    const McpServer& files = model->servers[0];
    CHECK(files.name == "files");
    CHECK(files.transport == "stdio");
    CHECK(files.command == std::vector<std::string>{"npx", "-y", "@scope/files@1.0.0"});
    CHECK(files.env == std::vector<std::string>{"ROOT"});
    CHECK(files.enabled);
    const McpServer& remote = model->servers[1];
    CHECK(remote.transport == "http");
    CHECK(remote.url == "https://mcp.example.org/mcp?key=\xE2\x80\xA6");
    CHECK(remote.headers == std::vector<std::string>{"Authorization"});
    CHECK_FALSE(remote.enabled);
    CHECK(remote.command.empty());

    auto settings = load_document(".claude/settings.json", R"({"permissions": {"allow": ["Bash"]}})", {});
    REQUIRE(settings->model_as<AgentModel>() != nullptr);
    CHECK(settings->model_as<AgentModel>()->kind == AgentFileKind::agent_settings);
    CHECK(settings->model_as<AgentModel>()->client == McpClient::claude_code);

    auto tools = load_document("tools.json", R"({"tools": [{"type": "function", "function": {"name": "f"}}]})", {});
    REQUIRE(tools->model_as<AgentModel>() != nullptr);
    CHECK(tools->model_as<AgentModel>()->kind == AgentFileKind::tool_list);

    auto workflow = load_document(".github/workflows/ci.yml", "on: push\njobs: {}\n", {});
    CHECK(workflow->model_as<AgentModel>() == nullptr);
}
