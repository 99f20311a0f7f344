#pragma once
// What the GitLab CI checks share: the pipeline model the loader built (model/gitlab.hpp),
// file variables expanded in a value, and which hosts are the GitLab instance itself.
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "model/gitlab.hpp"

namespace handoff {

// The GitLab pipeline model of a document, or nullptr.
const GlPipeline* gitlab_view(const Document& doc);

// A value with the $VAR and ${VAR} references the file defines literally (in the job's
// variables:, the jobs it extends, or the top-level variables:) replaced by their
// values, one level deep. `unresolved` is set when a reference is left as written.
std::string expand_file_variables(const GlPipeline& pipeline, const GlJob* job, std::string_view text, bool& unresolved);

// A URL or host that is the GitLab instance the pipeline runs on: $CI_SERVER_URL,
// $CI_API_V4_URL, $CI_REGISTRY, $CI_PROJECT_URL and friends, gitlab.com, or a host
// named gitlab.*. Only a literal host that is none of these is "elsewhere".
bool gitlab_instance_target(std::string_view url);

} // namespace handoff
