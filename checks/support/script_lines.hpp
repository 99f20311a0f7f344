#pragma once
// Shell scripts as checks read them: logical lines (backslash continuations joined),
// comments and blank lines dropped, each pointing back at its first physical line.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace handoff {

struct ScriptLine {
    std::string text;              // the logical line, continuations joined with a space
    std::string_view first;        // its first physical line, as written in the script
};

std::vector<ScriptLine> script_lines(std::string_view script);

// Where a script line is written in the file: the line's bytes inside the script's
// span, or the script's span when the source does not hold it verbatim.
Span line_span(const Document& doc, const Site& script, const ScriptLine& line);

// `name` appears in text as a shell, PowerShell or batch variable: $NAME, ${NAME},
// $env:NAME, %NAME%.
bool mentions_variable(std::string_view text, std::string_view name);

} // namespace handoff
