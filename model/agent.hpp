#pragma once
// The typed model of an agent file, built once by its loader (parsers/loaders/agent_*,
// mcp*): which kind of file it is, which client reads it, and the MCP servers it
// defines. The risks in it (grants, endpoints, references) are facts; this is what a
// check needs to know about the file itself. Plain data: it never points into the tree.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace handoff {

// Which MCP client or agent a config belongs to (the loader decides it from the path,
// then the content).
enum class McpClient : std::uint8_t {
    unknown,
    claude_desktop,
    claude_code,
    cursor,
    vscode,
    windsurf,
    antigravity,
    cline,
    roo,
    kilo,
    gemini,
    codex,
    continue_dev,
    zed,
    opencode,
    kiro,
    amazonq,
    copilot_cli,
};

std::string_view client_id(McpClient client);    // "claude-desktop", "vscode", ...
std::string_view client_name(McpClient client);  // "Claude Desktop", "VS Code", ...

enum class AgentFileKind : std::uint8_t {
    mcp_config,      // a client's MCP servers (Gemini and Claude Code files may hold settings too)
    agent_settings,  // an agent's own settings: permissions, hooks, sandbox (may hold servers too)
    tool_list,       // tools handed to a model: OpenAI / Anthropic tool lists, OpenAPI specs, CrewAI agents
};

// One MCP server definition, as the client will start or reach it.
struct McpServer {
    std::string name;
    std::string transport;              // as written (stdio, sse, http, ws, ...), else stdio or http by what is set
    std::vector<std::string> command;   // the program and its arguments; empty for a remote server
    std::string url;                    // remote servers: without userinfo or query values
    std::vector<std::string> env;       // names of the variables it is started with
    std::vector<std::string> headers;   // names of the headers it sends
    bool enabled = true;
    Site site;                          // the server's key (or list entry)
};

struct AgentModel final : Model {
    AgentFileKind kind = AgentFileKind::mcp_config;
    McpClient client = McpClient::unknown;
    std::vector<McpServer> servers;

    [[nodiscard]] bool borrows_tree() const override { return false; }
};

} // namespace handoff
