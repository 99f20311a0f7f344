#pragma once
// Which MCP client or agent a config belongs to, and the variable-reference syntax
// each client expands. The detector (parsers/detect) decides mcp-config vs
// agent-settings vs agent-tools; this decides claude-desktop vs cline vs ...
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/tree.hpp"
#include "model/agent.hpp"

namespace handoff {

struct ClientGuess {
    McpClient client = McpClient::unknown;
    bool from_path = false;  // the file's path says so; otherwise its content does
};

// Path first (claude_desktop_config.json, .vscode/mcp.json, .codex/config.toml, ...),
// then content (serverUrl, httpUrl, alwaysAllow, inputs, ...). path is '/' separated.
ClientGuess detect_client(std::string_view path, const Node& root);

// A variable reference written inside a string, in any client's syntax.
enum class RefSyntax : std::uint8_t {
    braced,        // ${VAR} or ${VAR:-default}
    bare,          // $VAR
    env_prefixed,  // ${env:VAR}
    input,         // ${input:id} (VS Code)
    secrets,       // ${{ secrets.NAME }} (Continue)
    opencode_env,  // {env:VAR} (opencode)
    malformed,     // ${process.env.VAR} and other names no client resolves
};

struct VarRef {
    RefSyntax syntax = RefSyntax::braced;
    std::string name;         // VAR, the input id, or the text between the braces
    std::size_t offset = 0;   // within the scanned string
    std::size_t length = 0;
    bool has_default = false; // ${VAR:-default} / ${VAR-default}
    bool builtin = false;     // ${workspaceFolder}, ${HOME}, ${CLAUDE_PLUGIN_ROOT}: not a secret to provide
};

// Every reference in text. Bare $VAR is only reported when want_bare (the client
// expands it and the string is not a shell command the shell expands itself).
std::vector<VarRef> find_var_refs(std::string_view text, bool want_bare);

enum class Expansion : std::uint8_t { yes, no, unknown };
// Whether this client substitutes this syntax in its server definitions.
Expansion client_expands(McpClient client, RefSyntax syntax);

// How the client's user provides an env variable: for the inventory's where_to_set.
std::string env_destination(McpClient client);

// Builtin variables the clients resolve themselves, and host variables every machine has.
bool is_builtin_variable(std::string_view name);

} // namespace handoff
