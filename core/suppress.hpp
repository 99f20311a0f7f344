#pragma once
// Inline ignores: a comment `handoff: ignore[rule-a,rule-b] reason` (or a bare
// `handoff: ignore`) on the finding's line or the line above silences it. Any comment
// syntax works, since the marker is searched in the raw line.
#include "core/finding.hpp"
#include "core/source.hpp"

namespace handoff {

bool ignored_inline(const SourceFile& file, const Finding& finding);

} // namespace handoff
