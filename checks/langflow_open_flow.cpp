// Langflow flows that run without an API key: a Webhook component, or a PUBLIC flow (the
// Langflow loader's webhook and public-flow endpoints).
#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "langflow-open-flow", "Langflow flow reachable without an API key", Family::open_webhook,
    Severity::medium, Confidence::medium,
    "A Langflow Webhook component makes /api/v1/webhook/<flow> run the flow, and Langflow does not ask "
    "for an API key there unless webhook authentication is turned on; a PUBLIC flow runs for anyone.",
    "Set LANGFLOW_WEBHOOK_AUTH_ENABLE (or put the instance behind a proxy that checks a token), keep the "
    "flow PRIVATE, and validate a shared secret in the flow."};

class LangflowOpenFlow final : public SingleRuleCheck {
public:
    LangflowOpenFlow() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            bool webhook = e.kind == endpoint_kind::langflow_webhook;
            if (e.direction != Endpoint::Direction::inbound || e.auth != "none") continue;
            if (!webhook && e.kind != endpoint_kind::langflow_public_flow) continue;
            Hit hit = hit_at(e.site);
            hit.message = webhook ? "Langflow Webhook component " + e.owner + " runs the flow from " + e.url +
                                        " with no API key unless webhook authentication is enabled"
                                  : "Langflow flow " + e.owner + " is PUBLIC: " + e.url + " runs it without an API key";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_langflow_open_flow() { return std::make_unique<LangflowOpenFlow>(); }
} // namespace handoff
