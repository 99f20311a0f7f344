#include "model/agent.hpp"

#include <array>

namespace handoff {

namespace {

struct ClientNames {
    McpClient client;
    std::string_view id;
    std::string_view name;
};

constexpr std::array kClients{
    ClientNames{McpClient::unknown, "unknown", "an MCP client"},
    ClientNames{McpClient::claude_desktop, "claude-desktop", "Claude Desktop"},
    ClientNames{McpClient::claude_code, "claude-code", "Claude Code"},
    ClientNames{McpClient::cursor, "cursor", "Cursor"},
    ClientNames{McpClient::vscode, "vscode", "VS Code"},
    ClientNames{McpClient::windsurf, "windsurf", "Windsurf"},
    ClientNames{McpClient::antigravity, "antigravity", "Antigravity"},
    ClientNames{McpClient::cline, "cline", "Cline"},
    ClientNames{McpClient::roo, "roo", "Roo Code"},
    ClientNames{McpClient::kilo, "kilo", "Kilo Code"},
    ClientNames{McpClient::gemini, "gemini", "Gemini CLI"},
    ClientNames{McpClient::codex, "codex", "Codex"},
    ClientNames{McpClient::continue_dev, "continue", "Continue"},
    ClientNames{McpClient::zed, "zed", "Zed"},
    ClientNames{McpClient::opencode, "opencode", "opencode"},
    ClientNames{McpClient::kiro, "kiro", "Kiro"},
    ClientNames{McpClient::amazonq, "amazonq", "Amazon Q"},
    ClientNames{McpClient::copilot_cli, "copilot-cli", "Copilot CLI"},
};

const ClientNames& names_of(McpClient client) {
    for (const ClientNames& c : kClients) {
        if (c.client == client) return c;
    }
    return kClients[0];
}

} // namespace

std::string_view client_id(McpClient client) { return names_of(client).id; }
std::string_view client_name(McpClient client) { return names_of(client).name; }

} // namespace handoff
