#pragma once
// The ways outsiders reach an n8n workflow: webhook, form, public chat and MCP
// triggers, Wait nodes resuming on a webhook or form, third-party app triggers and
// mail triggers. One place applies the defaults an export omits (a Webhook without
// `authentication` has none).
#include <string>
#include <string_view>
#include <vector>

#include "parsers/loaders/n8n_workflow.hpp"

namespace handoff {

struct N8nTrigger {
    std::size_t node = 0;            // index into the workflow's nodes
    std::string kind;                // webhook, form, chat, mcp-server, webhook-resume, form-resume, app-webhook, email
    std::string auth;                // none, basic, header, jwt, token, oauth, n8n-user, unknown
    std::string raw_auth;            // the value as written, empty when omitted
    const Node* auth_member = nullptr;  // the authentication parameter, when written
    bool endpoint = true;            // an HTTP endpoint of the n8n instance (not email)
};

std::vector<N8nTrigger> n8n_inbound_triggers(const N8nWorkflow& wf);

// Normalises an authentication parameter value: "basicAuth" -> "basic".
std::string n8n_auth_kind(std::string_view raw);

} // namespace handoff
