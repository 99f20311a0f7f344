#pragma once
// Token findings read from git history (`scan --history`), set beside the work tree's.
#include <vector>

#include "core/finding.hpp"

namespace handoff {

// A key still in the files is reported there, with a note that history holds it too (since
// its first commit); its history findings add nothing. A key only in history is its own
// finding: once per rule, key and path, at the first commit that has it, saying it is
// still to rotate and how history is purged. Appends to findings.
void merge_history_findings(std::vector<Finding>& findings, std::vector<Finding> history);

} // namespace handoff
