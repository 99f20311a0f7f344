#pragma once
// The string literals of Python and JavaScript/TypeScript source, found by a small lexer
// (comments, quotes, escapes, prefixes, template literals and their ${} fields, regular
// expression literals by the token before them), so that fix can build a string that holds a
// key from the environment in the language's own syntax and change nothing but the literal.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/location.hpp"

namespace handoff {

enum class CodeLanguage : unsigned char { python, javascript };

struct StringLiteral {
    std::uint32_t begin = 0;       // the first byte: a prefix (f, r, b) or the opening quote
    std::uint32_t body_begin = 0;  // just past the opening quote(s)
    std::uint32_t body_end = 0;    // the closing quote(s)
    std::uint32_t end = 0;         // just past the closing quote(s)
    char quote = '"';              // ' " or `
    bool triple = false;           // Python """ or '''
    bool raw = false;              // Python r""
    bool bytes = false;            // Python b""
    bool format = false;           // Python f"" (the body's {} are replacement fields)
    bool in_field = false;         // the span sits in a replacement field of an f-string or template, not its text
};

// The literal whose body holds `span`, or nothing: the span is in code or a comment, or the
// file does not lex cleanly (an unterminated literal or comment), so no edit can be trusted.
std::optional<StringLiteral> literal_holding(std::string_view bytes, Span span, CodeLanguage language);

// Whether the whole text lexes cleanly: every literal, comment and ${} closed.
bool lexes_cleanly(std::string_view bytes, CodeLanguage language);

// The replacement for the literal `lit` of `bytes` with the key at `span` replaced by an
// environment lookup of `name`, or empty with `why` set when the language offers no safe
// form (a raw, bytes or triple-quoted literal, a replacement field).
std::string build_from_environment(std::string_view bytes, const StringLiteral& lit, Span span, const std::string& name,
                                   CodeLanguage language, std::string& why);

} // namespace handoff
