#pragma once
// What fix/ edits are made of: byte spans of a file's original text and their new text.
#include <cstdint>
#include <string>

#include "core/source.hpp"

namespace handoff {

// Replace [begin, end) of the original bytes by text (begin == end inserts).
struct SpanEdit {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;
};

// Byte offset of a 1-based line and code-point column, as findings give them.
std::uint32_t offset_of(const SourceFile& file, std::uint32_t line, std::uint32_t column);

// The start of the line holding offset at, and just past its end (or the text's end).
std::uint32_t line_start_of(std::string_view bytes, std::uint32_t at);
std::uint32_t next_line(std::string_view bytes, std::uint32_t at);

// An environment-variable style name: OPENAI_API_KEY from "openai-api-key" or "x-api-key".
std::string env_name(std::string_view text);

} // namespace handoff
