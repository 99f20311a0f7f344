#pragma once
// The only way a secret's text may reach any output.
#include <string>
#include <string_view>

namespace handoff {

// "sk-p…9A (164 chars)": the first 4 and last 2 characters and the length. Short
// values show less, so a redacted 8-character password does not give itself away.
std::string redact(std::string_view secret);

// Replaces every occurrence of secret inside text by its redacted form, for evidence
// lines that quote the surrounding source.
std::string redact_within(std::string_view text, std::string_view secret);

} // namespace handoff
