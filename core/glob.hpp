#pragma once
// Glob patterns for --exclude and .gitignore-style rules: '*' and '?' stay within a
// path segment, '**' crosses segments. No regular expressions, linear in practice.
#include <string_view>

namespace handoff {

bool glob_match(std::string_view pattern, std::string_view text);

// Matches a relative '/'-separated path the way .gitignore lines do: a pattern without
// '/' matches the base name of any component; one with '/' is anchored at the root.
bool path_glob_match(std::string_view pattern, std::string_view relative_path);

} // namespace handoff
