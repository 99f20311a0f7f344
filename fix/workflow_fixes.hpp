#pragma once
// GitHub Actions fixes beyond keys, each a local edit of the workflow's text:
// - template-injection: the `${{ expr }}` in a run: script moves into the step's env: and
//   the script reads the variable ("${VAR}", $env:VAR in PowerShell), so the shell never
//   parses the attacker's text as code.
// - checkout-persists-credentials: `persist-credentials: false` is added to the checkout's
//   with:, unless a later step of the job pushes with git (then it is listed instead).
#include <string>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/finding.hpp"
#include "fix/edits.hpp"

namespace handoff {

struct WorkflowFixes {
    std::vector<SpanEdit> edits;
    std::vector<std::string> added;  // node paths the edits add on purpose (a step's env)
    std::vector<const Finding*> fixed;
    std::vector<std::pair<const Finding*, std::string>> manual;  // and why
    std::vector<std::string> notes;  // what the edits rest on (the lockfile a version came from)
};

// The edits for the template-injection findings of one workflow or action.
WorkflowFixes injection_fixes(const Document& doc, const std::vector<const Finding*>& findings);

// The edits for the checkout-persists-credentials findings of one workflow.
WorkflowFixes checkout_fixes(const Document& doc, const std::vector<const Finding*>& findings);

// excessive-permissions, for a workflow with no permissions: block: a top-level
// `permissions: contents: read` before jobs:, and a job-level block adding the scopes a job
// visibly uses (id-token, pages). A job that seems to write with the token in ways the steps
// do not tell (pushes, release and comment actions, gh, the token passed by hand, a local
// action, a reusable workflow call) makes it a manual step naming the job.
WorkflowFixes permissions_fixes(const Document& doc, const std::vector<const Finding*>& findings);

} // namespace handoff
