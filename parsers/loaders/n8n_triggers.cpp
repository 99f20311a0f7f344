#include "parsers/loaders/n8n_triggers.hpp"

namespace handoff {

std::string n8n_auth_kind(std::string_view raw) {
    if (raw.empty() || raw == "none") return "none";
    if (raw == "basicAuth" || raw == "httpBasicAuth") return "basic";
    if (raw == "headerAuth" || raw == "httpHeaderAuth") return "header";
    if (raw == "jwtAuth") return "jwt";
    if (raw == "bearerAuth" || raw == "httpBearerAuth") return "token";
    if (raw == "n8nOAuth2" || raw == "mcpOAuth2Api" || raw == "oAuth2" || raw == "oAuth1") return "oauth";
    if (raw == "n8nUserAuth") return "n8n-user";
    return "unknown";
}

namespace {

bool is_mail_trigger(std::string_view type) {
    return type == "n8n-nodes-base.emailReadImap" || type == "n8n-nodes-base.gmailTrigger" ||
           type == "n8n-nodes-base.microsoftOutlookTrigger";
}

N8nTrigger with_auth(std::size_t index, const N8nNode& n, std::string kind, std::string_view param) {
    N8nTrigger t;
    t.node = index;
    t.kind = std::move(kind);
    t.auth_member = n.param_node({param});
    if (t.auth_member != nullptr && t.auth_member->is_scalar()) t.raw_auth = t.auth_member->value;
    t.auth = n8n_auth_kind(t.raw_auth);
    return t;
}

} // namespace

std::vector<N8nTrigger> n8n_inbound_triggers(const N8nWorkflow& wf) {
    std::vector<N8nTrigger> out;
    for (std::size_t i = 0; i < wf.nodes.size(); ++i) {
        const N8nNode& n = wf.nodes[i];
        const N8nTypeInfo& info = n.info;
        switch (info.role) {
        case N8nRole::webhook: out.push_back(with_auth(i, n, "webhook", "authentication")); break;
        case N8nRole::form_trigger: out.push_back(with_auth(i, n, "form", "authentication")); break;
        case N8nRole::mcp_trigger: out.push_back(with_auth(i, n, "mcp-server", "authentication")); break;
        case N8nRole::chat_trigger:
            // Without `public: true` only the editor's own chat panel can reach it.
            if (n.param({"public"}) == "true") out.push_back(with_auth(i, n, "chat", "authentication"));
            break;
        case N8nRole::wait: {
            std::string_view resume = n.param({"resume"});
            if (resume == "webhook") out.push_back(with_auth(i, n, "webhook-resume", "incomingAuthentication"));
            if (resume == "form") out.push_back(with_auth(i, n, "form-resume", "incomingAuthentication"));
            break;
        }
        default:
            if (info.app_trigger && n.node->find("webhookId") != nullptr) {
                N8nTrigger t;
                t.node = i;
                t.kind = "app-webhook";
                t.auth = "unknown";  // the provider's signature, checked with the credential
                out.push_back(std::move(t));
            } else if (is_mail_trigger(n.type)) {
                N8nTrigger t;
                t.node = i;
                t.kind = "email";
                t.auth = "unknown";
                t.endpoint = false;
                out.push_back(std::move(t));
            }
            break;
        }
    }
    return out;
}

} // namespace handoff
