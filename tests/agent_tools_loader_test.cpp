// Facts the agent-tools loader and the VS Code inputs reader emit for the shapes that have
// no other home: Responses and Anthropic MCP tools, OpenAPI security, CrewAI code execution.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/scan.hpp"
#include "parsers/loaders/agent_facts.hpp"

using namespace handoff;

namespace {
std::vector<std::string> scopes(const Document& doc, std::string_view capability) {
    std::vector<std::string> out;
    for (const Grant& g : doc.facts.grants) {
        if (g.capability == capability) out.push_back(g.scope);
    }
    return out;
}

std::vector<std::string> endpoint_auth(const Document& doc, std::string_view kind) {
    std::vector<std::string> out;
    for (const Endpoint& e : doc.facts.endpoints) {
        if (e.kind == kind) out.push_back(e.auth);
    }
    return out;
}
} // namespace

TEST_CASE("Responses MCP tools: which tools skip approval") {
    auto doc = load_document("t.json", R"({"tools": [
        {"type": "mcp", "server_label": "a", "server_url": "https://a.example.org/mcp", "require_approval": "never"},
        {"type": "mcp", "server_label": "b", "server_url": "https://b.example.org/mcp", "require_approval": "never",
         "allowed_tools": ["read_doc", "delete_doc"]},
        {"type": "mcp", "server_label": "c", "server_url": "https://c.example.org/mcp?api_key=${C_KEY}",
         "require_approval": {"never": {"tool_names": ["send_mail"]}, "always": {"tool_names": ["drop_db"]}}},
        {"type": "mcp", "server_label": "d", "server_url": "https://d.example.org/mcp", "require_approval": "always"}]})",
                             {});
    REQUIRE(doc->format == Format::agent_tools);
    CHECK(scopes(*doc, capability::approval_bypass) == std::vector<std::string>{"every tool of a"});
    CHECK(scopes(*doc, capability::auto_approve) == std::vector<std::string>{"read_doc", "delete_doc", "send_mail"});
    CHECK(endpoint_auth(*doc, endpoint_kind::mcp_server) == std::vector<std::string>{"none", "none", "token", "none"});
    REQUIRE(doc->facts.secret_refs.size() == 1);
    CHECK(doc->facts.secret_refs[0].name == "C_KEY");
}

TEST_CASE("OpenAPI: empty requirements secure nothing; security: [] opts one write operation out") {
    auto open = load_document("a.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\nsecurity: [{}]\n"
                                        "servers: [{url: 'https://api.example.org'}]\npaths:\n  /x: {get: {}}\n",
                              {});
    REQUIRE(open->format == Format::agent_tools);
    CHECK(endpoint_auth(*open, endpoint_kind::openapi_server) == std::vector<std::string>{"none"});

    auto partly = load_document(
        "b.yaml",
        "openapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents: {securitySchemes: {k: {type: apiKey}}}\n"
        "security: [{k: []}]\nservers: [{url: 'https://api.example.org'}]\npaths:\n"
        "  /x: {get: {security: []}, delete: {operationId: rm, security: []}, put: {security: [{k: []}]}}\n",
        {});
    CHECK(endpoint_auth(*partly, endpoint_kind::openapi_server) == std::vector<std::string>{"header"});
    CHECK(endpoint_auth(*partly, endpoint_kind::openapi_operation) == std::vector<std::string>{"none"});
}

TEST_CASE("CrewAI: code runs only when allow_code_execution is true") {
    auto doc = load_document("agents.yaml",
                             "a:\n  role: r\n  goal: g\n  allow_code_execution: true\n  code_execution_mode: unsafe\n"
                             "b:\n  role: r\n  goal: g\n  code_execution_mode: unsafe\n"
                             "c:\n  role: r\n  goal: g\n  allow_code_execution: true\n",
                             {});
    REQUIRE(doc->format == Format::agent_tools);
    CHECK(scopes(*doc, capability::code_exec_host) == std::vector<std::string>{"a"});
    CHECK(scopes(*doc, capability::code_exec_sandboxed) == std::vector<std::string>{"c"});
}

TEST_CASE("VS Code inputs: secrets typed in clear") {
    auto doc = load_document(".vscode/mcp.json", R"({"inputs": [
        {"type": "promptString", "id": "api_key"},
        {"type": "promptString", "id": "x", "description": "Personal access token"},
        {"type": "promptString", "id": "y", "description": "Personal access token", "password": true},
        {"type": "promptString", "id": "z", "description": "Keyboard layout"},
        {"type": "pickString", "id": "token", "options": ["a"]}],
        "servers": {"s": {"command": "node", "args": ["s.js"]}}})",
                             {});
    std::vector<std::string> clear;
    for (const SecretDecl& d : doc->facts.secret_decls) {
        if (d.shown_in_clear) clear.push_back(d.name);
    }
    CHECK(clear == std::vector<std::string>{"api_key", "x"});
}
