#pragma once
// Source lines around each finding, for reports a person reads. A line may hold other
// secrets than the finding's own, so every embedded-token finding's span in the file is
// masked, and so is every value written under a secret-like name.
#include <span>
#include <vector>

#include "core/finding.hpp"
#include "core/source.hpp"

namespace handoff {

// Fills Finding::context for the findings of one file (all of them must be in file).
// other_secrets: where earlier embedded-token findings of the same file are, so that
// findings reported later (by cross-file checks) mask them too.
void attach_context(const SourceFile& file, std::vector<Finding>& findings,
                    std::span<const Location> other_secrets = {});

} // namespace handoff
