#pragma once
// Problems with the input or the scan itself (not findings): a file that does not
// parse, a file too large to read, a check that threw.
#include <cstdint>
#include <string>

namespace handoff {

enum class DiagnosticKind : std::uint8_t {
    parse_error,    // the syntax is broken; the raw text is still scanned for tokens
    limit,          // a size, depth or alias bound was hit
    unreadable,     // the file could not be read
    encoding,       // not UTF-8, or contains NUL bytes
    skipped,        // a symlink out of the root, a loop, a special file
    internal,       // a check or loader failed; names which
    config,         // a project config file was applied: what it excluded and silenced
};

std::string_view to_string(DiagnosticKind kind);

struct Diagnostic {
    std::string path;
    std::uint32_t line = 0;   // 0 when the problem concerns the whole file
    std::uint32_t column = 0;
    DiagnosticKind kind = DiagnosticKind::parse_error;
    std::string message;      // never holds scanned secret text
};

} // namespace handoff
