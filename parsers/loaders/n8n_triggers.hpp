#pragma once
// The ways outsiders reach an n8n workflow: webhook, form, public chat and MCP
// triggers, Wait nodes resuming on a webhook or form, third-party app triggers and
// mail triggers. One place applies the defaults an export omits (a Webhook without
// `authentication` has none).
#include <string>
#include <string_view>
#include <vector>

#include "model/automation.hpp"

namespace handoff {

// In node order; read_n8n_workflows stores them in N8nWorkflow::triggers.
std::vector<N8nTrigger> n8n_inbound_triggers(const N8nWorkflow& wf);

// Normalises an authentication parameter value: "basicAuth" -> "basic".
std::string n8n_auth_kind(std::string_view raw);

} // namespace handoff
