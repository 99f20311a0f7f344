// Webhook nodes anyone can call: the n8n audit "Unprotected webhooks" check, widened.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-webhook-no-auth", "n8n Webhook without authentication", Family::open_webhook, Severity::high,
    Confidence::high,
    "Anyone who learns the webhook URL can start the workflow with any payload.",
    "Set the Webhook node's Authentication to Basic, Header or JWT auth with a credential, or verify a "
    "signature in the first node and stop on failure."};

class N8nWebhookNoAuth final : public SingleRuleCheck {
public:
    N8nWebhookNoAuth() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nTrigger& t : wf.triggers) {
                if (t.kind != "webhook" || t.auth != "none") continue;
                const N8nNode& n = wf.nodes[t.node];
                std::string msg = "Webhook " + quoted(n.name) + " accepts requests without authentication";
                std::string_view path = n.param({"path"});
                if (!path.empty()) msg += " (path '" + quote_snippet(path, 80) + "')";
                if (n.param({"options", "allowedOrigins"}) == "*") msg += ", from any browser origin";
                // n8n audit treats a direct IF/Switch/Code child on the first output as validation.
                for (std::size_t child : wf.targets(t.node, "main", 0)) {
                    if (wf.nodes[child].info.audit_validator) {
                        msg += "; its next node " + quoted(wf.nodes[child].name) +
                               " may validate the payload (n8n audit would not report it)";
                        break;
                    }
                }
                Severity severity = wf.active ? Severity::high : Severity::medium;
                if (wf.active) msg += "; the workflow is active";
                if (n.disabled) {
                    severity = Severity::low;
                    msg += "; the node is disabled";
                }
                Hit hit = n8n_hit(n, {"parameters", "authentication"}, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_webhook_no_auth() { return std::make_unique<N8nWebhookNoAuth>(); }
} // namespace handoff
