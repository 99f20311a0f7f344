#pragma once
// A best guess of the service a secret belongs to, from its name alone
// (NPM_TOKEN -> npm, OPENAI_API_KEY -> openai). Empty when nothing fits.
#include <string>
#include <string_view>

namespace handoff {

std::string guess_provider(std::string_view secret_name);

} // namespace handoff
