#pragma once
// What handoff knows about n8n node types: which are entry points, which run code
// or commands, touch files, query SQL, call out, and which need a credential.
// The tables are data in n8n_node_types.cpp; the loader resolves each node once
// (N8nNode::info) and the checks read the model.
#include <string_view>

#include "model/automation.hpp"

namespace handoff {

N8nTypeInfo n8n_type_info(std::string_view type);

} // namespace handoff
