// Entry points of Node-RED flows and Make scenarios, from the automation loader's facts.
#include "checks/registry.hpp"

namespace handoff {
namespace {

enum RuleIndex : std::size_t { kNodeRedHttpIn, kMakeWebhook };

class AutomationOpenTrigger final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{
            {"node-red-http-in", "Node-RED HTTP endpoint", Family::open_webhook, Severity::medium,
             Confidence::medium,
             "`http in` nodes have no authentication of their own: unless settings.js sets httpNodeAuth (or a "
             "proxy guards the path), anyone who can reach Node-RED can call the flow.",
             "Set httpNodeAuth (or httpNodeMiddleware) in the client's settings.js, or check a token in the flow "
             "right after the http in node."},
            {"make-custom-webhook", "Make custom webhook", Family::open_webhook, Severity::medium, Confidence::low,
             "A Make custom webhook runs the scenario for anyone who has its URL; the URL is the only secret "
             "unless IP restrictions or a data structure check are set on the hook (not visible in the blueprint).",
             "Restrict the hook to the caller's IPs in Make, verify a shared secret or signature in the first "
             "module, and treat the hook URL as a secret."}};
        return rules;
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::inbound) continue;
            Hit hit;
            hit.span = e.site.span;
            hit.node_path = e.site.node_path;
            if (doc.format == Format::node_red_flows && e.kind == "http-in") {
                hit.message = "Node-RED http in node " + e.owner + " serves '" + e.url + "' with no authentication of its own";
                sink.report(doc, rules()[kNodeRedHttpIn], std::move(hit));
            } else if (doc.format == Format::make_blueprint && (e.kind == "make-webhook" || e.kind == "make-mailhook")) {
                hit.message = "Make scenario starts from custom " + std::string(e.kind == "make-webhook" ? "webhook" : "mailhook") +
                              " " + e.owner + "; anyone with its URL can trigger it";
                sink.report(doc, rules()[kMakeWebhook], std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_automation_open_trigger() { return std::make_unique<AutomationOpenTrigger>(); }
} // namespace handoff
