// Detection by content for shapes the labelled corpus does not hold.
#include <doctest/doctest.h>

#include "cli/scan.hpp"

using namespace handoff;

namespace {
std::string_view detect(const std::string& path, const std::string& text) {
    return format_id(load_document(path, text, {})->format);
}
} // namespace

TEST_CASE("agent tool shapes: Responses MCP tools, built-ins, OpenAPI, CrewAI") {
    CHECK(detect("tools.json", R"({"tools": [{"type": "web_search"},
        {"type": "mcp", "server_label": "deepwiki", "server_url": "https://mcp.deepwiki.com/mcp"}]})") == "agent-tools");
    CHECK(detect("x.json", R"([{"type": "function", "function": {"name": "f", "parameters": {}}}, {"type": "code_interpreter"}])") ==
          "agent-tools");
    CHECK(detect("api.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x: {get: {operationId: x}}\n") ==
          "agent-tools");
    CHECK(detect("agents.yaml", "researcher:\n  role: Researcher\n  goal: Find things\n  backstory: Curious\n") == "agent-tools");
    // Office add-in custom functions have array parameters: not LLM tools.
    CHECK(detect("functions.json", R"({"functions": [{"id": "ADD", "name": "ADD", "description": "d", "parameters": [{"name": "a"}]}]})") ==
          "json");
    CHECK(detect("builtin-only.json", R"({"tools": [{"type": "web_search"}]})") == "json");
}

TEST_CASE("automation exports: Flowise, Langflow, Dify") {
    CHECK(detect("Support Chatflow.json",
                 R"({"nodes": [{"id": "a", "data": {"name": "chatOpenAI", "inputs": {}, "baseClasses": ["x"]}}], "edges": []})") ==
          "flowise-flow");
    CHECK(detect("export.json", R"({"ChatFlow": [{"id": "1", "name": "c", "flowData": "{}"}], "Tool": []})") == "flowise-flow");
    CHECK(detect("flow.json", R"({"name": "f", "data": {"nodes": [{"id": "n", "type": "genericNode",
        "data": {"node": {"template": {}}}}], "edges": []}})") == "langflow-flow");
    CHECK(detect("app.yml", "kind: app\nversion: 0.1.5\napp:\n  name: bot\n  mode: workflow\n") == "dify-app");
    // An n8n workflow stays n8n even though it also has nodes.
    CHECK(detect("w.json", R"({"nodes": [], "connections": {}})") == "n8n-workflow");
}

TEST_CASE("MCP configs by content and by well-known path") {
    CHECK(detect("settings.json", R"({"servers": [{"name": "ctx", "uri": "https://mcp.example.com/mcp"}]})") == "mcp-config");
    CHECK(detect(".cursor/mcp.json", "\n") == "mcp-config");
    CHECK(detect("repo/.github/workflows/assets/cluster.yaml", "apiVersion: k3d.io/v1\nkind: Simple\n") == "yaml");
    CHECK(detect("repo/.github/workflows/empty.yml", "") == "github-workflow");
}
