// Flowise chatflows whose prediction API answers without an API key, or that are shared
// publicly (the Flowise loader's prediction and public-chatbot endpoints).
#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "flowise-open-chatflow", "Flowise chatflow callable without an API key", Family::open_webhook,
    Severity::high, Confidence::medium,
    "Flowise answers /api/v1/prediction/<id> for anyone when the chatflow has no API key assigned, and a "
    "public chatflow is shared openly; every call runs the flow's models and tools on the client's "
    "credentials.",
    "Assign a Flowise API key to the chatflow (Configuration > API Key), turn off public sharing, and set "
    "allowed origins for the embedded chatbot."};

class FlowiseOpenChatflow final : public SingleRuleCheck {
public:
    FlowiseOpenChatflow() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            bool shared = e.kind == endpoint_kind::flowise_public_chatbot;
            if (e.direction != Endpoint::Direction::inbound || e.auth != "none") continue;
            if (!shared && e.kind != endpoint_kind::flowise_prediction) continue;
            Hit hit = hit_at(e.site);
            hit.message = shared ? "Flowise chatflow " + e.owner + " is shared publicly; anyone can call " + e.url
                                 : "Flowise chatflow " + e.owner + " has no API key; anyone can call " + e.url;
            if (!e.active) hit.severity = Severity::medium;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_flowise_open_chatflow() { return std::make_unique<FlowiseOpenChatflow>(); }
} // namespace handoff
