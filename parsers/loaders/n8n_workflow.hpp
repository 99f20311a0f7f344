#pragma once
// Builds the n8n workflow model (model/automation.hpp) from a parsed export: nodes with
// their type information resolved, connections by node name, inbound triggers.
#include <vector>

#include "core/tree.hpp"
#include "model/automation.hpp"

namespace handoff {

// Every workflow in a tree: a single object with `nodes`, or an array of them.
std::vector<N8nWorkflow> read_n8n_workflows(const Node& root);

} // namespace handoff
