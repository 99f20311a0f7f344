// Nodes whose configuration needs a credential the export does not reference.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

bool has_credentials(const N8nNode& n) {
    const Node* creds = n.node->find("credentials");
    return creds != nullptr && creds->is_map() && !creds->children.empty();
}

// Discord v1 posts to a webhook URL parameter; v2 always uses a credential, chosen by
// `authentication` (default botToken).
std::string discord_credential(const N8nNode& n) {
    if (n.version < 2) return {};
    std::string_view auth = n.param({"authentication"});
    if (auth == "oAuth2") return "discordOAuth2Api";
    if (auth == "webhook") return "discordWebhookApi";
    return "discordBotApi";
}

// The credential type the node's settings call for; "*" when the type is not known
// from the export, "" when none is needed.
std::string needed_credential(const N8nNode& n, const N8nTypeInfo& info) {
    std::string_view auth = n.param({"authentication"});
    switch (info.role) {
    case N8nRole::http: {
        if (auth.empty() || auth == "none") return {};
        if (auth == "predefinedCredentialType") {
            std::string_view type = n.param({"nodeCredentialType"});
            return type.empty() ? "*" : std::string(type);
        }
        if (auth == "genericCredentialType") {
            std::string_view type = n.param({"genericAuthType"});
            return type.empty() ? "*" : std::string(type);
        }
        static const std::pair<std::string_view, std::string_view> v1[]{
            {"basicAuth", "httpBasicAuth"}, {"digestAuth", "httpDigestAuth"}, {"headerAuth", "httpHeaderAuth"},
            {"queryAuth", "httpQueryAuth"}, {"oAuth1", "oAuth1Api"},        {"oAuth2", "oAuth2Api"}};
        for (const auto& [mode, type] : v1) {
            if (auth == mode) return std::string(type);
        }
        return {};
    }
    case N8nRole::webhook:
    case N8nRole::form_trigger:
    case N8nRole::chat_trigger:
    case N8nRole::mcp_trigger:
    case N8nRole::wait:
    case N8nRole::mcp_client: {
        if (info.role == N8nRole::wait) auth = n.param({"incomingAuthentication"});
        if (auth == "basicAuth") return "httpBasicAuth";
        if (auth == "headerAuth") return "httpHeaderAuth";
        if (auth == "jwtAuth") return "jwtAuth";
        if (auth == "bearerAuth") return "httpBearerAuth";
        return {};
    }
    default:
        if (n.package() == "n8n-nodes-base" && n.short_type() == "discord") return discord_credential(n);
        return info.needs_credential ? "*" : std::string();
    }
}

constexpr RuleInfo kRule{
    "n8n-missing-credential", "n8n node needs a credential the export does not name",
    Family::missing_secret_ref, Severity::medium, Confidence::medium,
    "The node cannot run until someone creates the right credential and selects it; a hand-over that "
    "does not say so fails on first use, and people then paste keys into parameters instead.",
    "Create the credential in n8n, select it in the node and re-export; list it in the hand-over notes."};

class N8nMissingCredential final : public SingleRuleCheck {
public:
    N8nMissingCredential() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (has_credentials(n)) continue;
                const N8nTypeInfo& info = n.info;
                std::string needed = needed_credential(n, info);
                if (needed.empty()) continue;
                std::string msg = "Node " + quoted(n.name) + " (" + std::string(n.short_type()) + ") needs a credential" +
                                  (needed == "*" ? std::string() : " of type " + needed) + " but references none";
                bool by_setting = info.role != N8nRole::other;
                Hit hit = by_setting ? n8n_hit(n, {"parameters", info.role == N8nRole::wait ? "incomingAuthentication"
                                                                                          : "authentication"}, msg)
                                     : n8n_type_hit(n, msg);
                if (n.disabled) hit.severity = Severity::low;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_missing_credential() { return std::make_unique<N8nMissingCredential>(); }
} // namespace handoff
