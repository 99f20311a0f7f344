#pragma once
// Shell scripts as text: logical lines (backslash continuations joined), comments and
// blank lines dropped, each pointing back at its first physical line; the variables a
// line reads; and the one curl-to-shell detector (a line that downloads code and runs it).
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace handoff {

struct ScriptLine {
    std::string text;              // the logical line, continuations joined with a space
    std::string_view first;        // its first physical line, as written in the script
    std::size_t begin = 0;         // offsets in the script: from its first physical line
    std::size_t end = 0;           // to the end of its last one
};

std::vector<ScriptLine> script_lines(std::string_view script);

// Where a script line is written in the file: the line's bytes inside the script's
// span, or the script's span when the source does not hold it verbatim.
Span line_span(const Document& doc, const Site& script, const ScriptLine& line);

// `name` appears in text as a shell, PowerShell or batch variable: $NAME, ${NAME},
// $env:NAME, %NAME%.
bool mentions_variable(std::string_view text, std::string_view name);

// The logical line downloads code and runs it at once, unchecked: curl ... | sh,
// bash <(curl ...), sh -c "$(curl ...)", iex (iwr ...).
bool runs_downloaded_code(std::string_view line);

} // namespace handoff
