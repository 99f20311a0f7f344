// Dify workflows that start from a webhook trigger (the Dify loader's dify-webhook endpoints).
#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "dify-webhook-trigger", "Dify webhook trigger", Family::open_webhook, Severity::medium,
    Confidence::low,
    "A Dify webhook trigger starts the workflow for anyone who has its URL; the DSL shows no check of "
    "the caller.",
    "Treat the webhook URL as a secret, check a shared secret or signature in the first node, and limit "
    "who can reach the Dify instance."};

class DifyWebhookTrigger final : public SingleRuleCheck {
public:
    DifyWebhookTrigger() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::inbound || e.kind != endpoint_kind::dify_webhook) continue;
            Hit hit = hit_at(e.site);
            hit.message = "Dify workflow starts from webhook trigger " + e.owner + "; anyone with its URL can run it";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_dify_webhook_trigger() { return std::make_unique<DifyWebhookTrigger>(); }
} // namespace handoff
