#pragma once
// What a piece of flow code visibly reaches (processes, modules, the environment, the
// network), read from its text: shared by the code-execution rules of every platform.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace handoff {

struct CodeReach {
    std::vector<std::string> notes;  // "starts processes", "loads modules", ...
    Severity severity = Severity::low;  // high when it starts processes, medium when it reaches anything else
};

CodeReach code_reach(std::string_view code);

// The modules the code loads by name: require('x'), import x, from x import y, import ... from 'x'.
// Only the top-level name ("fs" for "fs/promises", "os" for "os.path"; "node:" dropped).
std::vector<std::string> loaded_modules(std::string_view code);

// "; it starts processes, loads modules" (empty when nothing was seen).
std::string describe_reach(const CodeReach& reach);

} // namespace handoff
