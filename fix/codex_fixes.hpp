#pragma once
// Codex (`.codex/config.toml`): Codex expands no variable in its config, but reads named
// variables from its own environment: `env_vars = ["NAME"]` forwards them to a stdio server,
// `bearer_token_env_var = "NAME"` and `env_http_headers = { "Header" = "NAME" }` send them
// to an HTTP server. A key written as `env = { NAME = "value" }` (or under
// `[mcp_servers.x.env]`) or in `http_headers` leaves the file and the server's table names
// the variable instead; the key goes to .env.
#include <optional>
#include <string>
#include <vector>

#include "core/tree.hpp"
#include "fix/edits.hpp"

namespace handoff {

// One entry of a server's env or http_headers table holding a key.
struct CodexEnvEntry {
    enum class Kind : unsigned char { env, header, bearer };
    const Node* server = nullptr;  // the mcp_servers.x table
    const Node* table = nullptr;   // its env or http_headers table (inline or [mcp_servers.x.env])
    const Node* entry = nullptr;   // the string holding the key
    std::string server_path;       // mcp_servers.x
    Kind kind = Kind::env;
    // The variable that carries the key: the env entry's own name (the server reads it), or
    // for a header the name the caller gives it in .env.
    std::string variable;
};

// The entry holding `key` at `scalar`, given the maps above it (outermost first): a whole
// string of mcp_servers.<x>.env, a whole header value of mcp_servers.<x>.http_headers, or
// its `Authorization = "Bearer <key>"`.
std::optional<CodexEnvEntry> codex_env_entry(const Node& scalar, const std::vector<const Node*>& chain, std::string_view key);

// The edits that remove the entries and name their variables instead, and the node paths
// they add or remove. False, with no edits, when a table is written in a way these edits do
// not handle.
bool codex_forward_edits(std::string_view bytes, const std::vector<CodexEnvEntry>& entries, std::vector<SpanEdit>& edits,
                         std::vector<std::string>& paths);

} // namespace handoff
