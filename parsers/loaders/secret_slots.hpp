#pragma once
// What an unfilled secret slot looks like in agent configs, beyond core/secret_names'
// placeholders: "Bearer <token>", "{secret}", "none". Token detection itself is the
// token engine's job; this never decides that a value IS a secret.
#include <string>
#include <string_view>

#include "core/secret_names.hpp"

namespace handoff {

// A value the client still has to replace: core's placeholders, also behind an auth
// scheme ("Bearer YOUR_TOKEN") or in single braces ("{secret}").
bool is_unfilled_value(std::string_view value);

// A provider guess from a variable name: BRAVE_API_KEY -> "brave".
std::string provider_from_name(std::string_view name);

} // namespace handoff
