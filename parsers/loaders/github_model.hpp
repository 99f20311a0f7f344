#pragma once
// Builds the GitHub workflow model (model/ci.hpp) from a workflow's or action.yml's tree:
// triggers, permissions, jobs and steps, each with its node path. Only the GitHub loader
// calls it; checks read the model the loader stored in Document::model.
#include "core/tree.hpp"
#include "model/ci.hpp"

namespace handoff {

GhWorkflow read_github_workflow(const Node& root, bool is_action);

} // namespace handoff
