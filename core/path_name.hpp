#pragma once
// Pure predicates on '/'-separated relative paths, shared by the detector, the loaders,
// the checks and the CLI (no file system access).
#include <string_view>

namespace handoff {

// The last path component.
std::string_view base_name(std::string_view path);
// Everything before the last '/', or "" for a file at the root.
std::string_view folder_of(std::string_view path);
// The file name looks like a dotenv file: .env, .env.local, app.env, env.example, .envrc.
bool is_dotenv_name(std::string_view path);
// The file name says it is a template meant to be committed: .env.example, env.sample,
// secrets.template.yml, .env.dist, defaults, schema.
bool is_template_name(std::string_view path);
// A member of an archive the scan opened (`bundle.zip!/n8n/flow.json`): git rules do not apply to it.
bool inside_archive(std::string_view path);

} // namespace handoff
