#pragma once
// The AI-flow builders load_automation() dispatches to, one file each. Each fills
// doc.facts from doc.tree; none throws for any tree a parser can produce.
#include "core/document.hpp"

namespace handoff {

void load_flowise(Document& doc);   // chatflow/agentflow exports and "Export All"
void load_langflow(Document& doc);  // flow exports (data.nodes[].data.node.template)
void load_dify(Document& doc);      // DSL: kind: app

// Stores the loaders above use for secrets: a SecretDecl with has_value in one of these
// is a secret written into the export.
inline constexpr std::string_view kFlowiseInputStore = "flowise-input";
inline constexpr std::string_view kFlowiseVariableStore = "flowise-variable";
inline constexpr std::string_view kFlowiseCredentialStore = "flowise-credential";
inline constexpr std::string_view kLangflowFieldStore = "langflow-field";
inline constexpr std::string_view kLangflowVariableStore = "langflow-variable";
inline constexpr std::string_view kDifyEnvStore = "dify-env";
inline constexpr std::string_view kDifyHttpAuthStore = "dify-http-auth";

} // namespace handoff
