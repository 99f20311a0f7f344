#pragma once
// Where agent configs put secrets, and what an unfilled one looks like. Used by the
// MCP, agent-settings and agent-tools loaders to decide which empty or template
// values the client still has to fill in. (Token detection itself is the token
// engine's job; this never decides that a value IS a secret.)
#include <string>
#include <string_view>

namespace handoff {

// An env or header name that holds a credential: *KEY*, *TOKEN*, *SECRET*, *PASSW*,
// *AUTH*, *CREDENTIAL*, *COOKIE*, PAT; not *_URL, *_PATH, *_ID, ... .
bool is_secret_name(std::string_view name);

// "", "your_api_key", "<TOKEN>", "xxx", "...", "changeme", "{secret}", "Bearer <token>".
bool is_placeholder_value(std::string_view value);

// A provider guess from a variable name: BRAVE_API_KEY -> "brave".
std::string provider_from_name(std::string_view name);

} // namespace handoff
