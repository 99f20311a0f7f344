#pragma once
// Format detection: the syntax a file is parsed with (from its name, then its first
// bytes), then its format (from the parsed tree, then the path). Content beats name:
// an n8n export is often called `workflow (3).json`.
#include <string_view>

#include "core/format.hpp"
#include "core/tree.hpp"

namespace handoff {

Syntax sniff_syntax(std::string_view path, std::string_view bytes);

// tree is nullptr when the file did not parse; bytes are still looked at then.
Format classify(std::string_view path, Syntax syntax, const Node* tree, std::string_view bytes);

} // namespace handoff
