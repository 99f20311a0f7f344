#pragma once
// Codex (`.codex/config.toml`): Codex expands no variable in its config, but forwards the
// variables an MCP server's `env_vars = ["NAME"]` names from its own environment. A key
// written as `env = { NAME = "value" }` or under `[mcp_servers.x.env]` leaves the file and
// NAME joins the server's env_vars; the key goes to .env under NAME (the server reads that
// name, so it cannot be renamed).
#include <optional>
#include <string>
#include <vector>

#include "core/tree.hpp"
#include "fix/edits.hpp"

namespace handoff {

// One `NAME = "value"` entry of a server's env table.
struct CodexEnvEntry {
    const Node* server = nullptr;  // the mcp_servers.x table
    const Node* env = nullptr;     // its env table (inline or a [mcp_servers.x.env] table)
    const Node* entry = nullptr;   // the string holding the key
    std::string server_path;       // mcp_servers.x
};

// The env entry holding `scalar`, given the maps above it (outermost first), when it is a
// whole string value of mcp_servers.<x>.env.
std::optional<CodexEnvEntry> codex_env_entry(const Node& scalar, const std::vector<const Node*>& chain);

// The edits that remove the entries and name them in env_vars, and the node paths they add
// or remove. False, with no edits, when a table is written in a way these edits do not handle.
bool codex_forward_edits(std::string_view bytes, const std::vector<CodexEnvEntry>& entries, std::vector<SpanEdit>& edits,
                         std::vector<std::string>& paths);

} // namespace handoff
