#pragma once
// Path predicates only the detector and discovery need (the general ones: core/path_name.hpp).
#include <string>
#include <string_view>

namespace handoff {

// Lower-cased extension without the dot ("yml"), after stripping editor and template
// suffixes such as ".tmpl", ".example", ".sample", "_" and ".bak".
std::string effective_extension(std::string_view path);
// True when path has this '/'-separated component sequence anywhere ("/.github/workflows/").
bool path_contains(std::string_view path, std::string_view fragment);

} // namespace handoff
