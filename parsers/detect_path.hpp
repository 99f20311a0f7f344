#pragma once
// Small path predicates shared by the detector and the loaders.
#include <string>
#include <string_view>

namespace handoff {

// The last path component.
std::string_view base_name(std::string_view path);
// Lower-cased extension without the dot ("yml"), after stripping editor and template
// suffixes such as ".tmpl", ".example", ".sample", "_" and ".bak".
std::string effective_extension(std::string_view path);
// True when path has this '/'-separated component sequence anywhere ("/.github/workflows/").
bool path_contains(std::string_view path, std::string_view fragment);
// The file name looks like a dotenv file: .env, .env.local, app.env, env.example, .envrc.
bool is_dotenv_name(std::string_view path);

} // namespace handoff
