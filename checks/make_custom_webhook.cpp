// Make scenarios that start from a custom webhook or mailhook (the Make loader's
// make-webhook and make-mailhook endpoints).
#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "make-custom-webhook", "Make custom webhook", Family::open_webhook, Severity::medium, Confidence::low,
    "A Make custom webhook runs the scenario for anyone who has its URL; the URL is the only secret "
    "unless IP restrictions or a data structure check are set on the hook (not visible in the blueprint).",
    "Restrict the hook to the caller's IPs in Make, verify a shared secret or signature in the first "
    "module, and treat the hook URL as a secret."};

class MakeCustomWebhook final : public SingleRuleCheck {
public:
    MakeCustomWebhook() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            bool webhook = e.kind == endpoint_kind::make_webhook;
            if (e.direction != Endpoint::Direction::inbound || (!webhook && e.kind != endpoint_kind::make_mailhook)) continue;
            Hit hit = hit_at(e.site);
            hit.message = "Make scenario starts from custom " + std::string(webhook ? "webhook" : "mailhook") + " " +
                          e.owner + "; anyone with its URL can trigger it";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_make_custom_webhook() { return std::make_unique<MakeCustomWebhook>(); }
} // namespace handoff
