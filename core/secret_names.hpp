#pragma once
// Whether a variable or key name says it holds a secret (OPENAI_API_KEY, db_password,
// x-api-key, Authorization) and whether a value is a stand-in rather than a real value.
#include <string_view>

namespace handoff {

bool is_secret_name(std::string_view name);

// Whether a file's name says it holds keys or credentials themselves: .env and .env.*
// (not .env.example and other templates), private keys and keystores, credential files
// (.npmrc, .pypirc, .netrc, credentials.json, service-account keys, *.tfvars, kubeconfig).
bool is_secret_file_name(std::string_view path);

// Empty values, references (${X}, {{ $env.X }}, op://...), and template text
// (your-key-here, <API_KEY>, changeme, xxxx...) are not values a client must protect.
bool is_placeholder_value(std::string_view value);

} // namespace handoff
