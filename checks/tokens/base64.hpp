#pragma once
// Base64 decoding for the two places secrets hide in it: JWT segments (base64url, no
// padding) and values that are base64 of text (Kubernetes data:, Docker auth).
#include <optional>
#include <string>
#include <string_view>

namespace handoff::tokens {

// Decodes standard or URL-safe base64, padded or not. nullopt on any other character
// or an impossible length.
std::optional<std::string> base64_decode(std::string_view text);

// Printable text (ASCII graphic characters, spaces, tabs, newlines): what a decoded value
// must be before it is scanned again.
bool is_printable_text(std::string_view bytes);

// The value decoded once, when it is plausibly base64 of text: at least 12 characters of
// the base64 alphabet, a valid length, and a printable result.
std::optional<std::string> decode_base64_text(std::string_view value);

} // namespace handoff::tokens
