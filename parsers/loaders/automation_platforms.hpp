#pragma once
// The AI-flow builders load_automation() dispatches to, one file each. Each fills
// doc.facts from doc.tree; none throws for any tree a parser can produce.
#include "core/document.hpp"
#include "core/vocabulary.hpp"  // the stores and endpoint kinds they emit

namespace handoff {

void load_flowise(Document& doc);   // chatflow/agentflow exports and "Export All"
void load_langflow(Document& doc);  // flow exports (data.nodes[].data.node.template)
void load_dify(Document& doc);      // DSL: kind: app

} // namespace handoff
