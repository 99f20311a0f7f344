#pragma once
// Byte-level facts about a file's text: binary or not, UTF-16 to transcode, UTF-8 validity.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace handoff {

// A NUL byte in the first 8 KiB of a file without a UTF-16 byte-order mark.
bool looks_binary(std::string_view bytes);

// UTF-16 (with a BOM) to UTF-8, so that Windows-saved configs are scanned like others.
// nullopt when the bytes carry no UTF-16 BOM.
std::optional<std::string> transcode_utf16(std::string_view bytes);

// Offset of the first byte that breaks UTF-8, or nullopt when the text is valid.
std::optional<std::uint32_t> first_invalid_utf8(std::string_view bytes);

} // namespace handoff
