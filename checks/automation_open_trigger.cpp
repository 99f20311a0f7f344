// Entry points of Node-RED flows, Make scenarios, Flowise chatflows, Langflow flows and
// Dify apps, from the automation loader's facts.
#include "checks/registry.hpp"

namespace handoff {
namespace {

enum RuleIndex : std::size_t { kNodeRedHttpIn, kMakeWebhook, kFlowise, kLangflow, kDify };

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
             "module, and treat the hook URL as a secret."},
            {"flowise-open-chatflow", "Flowise chatflow callable without an API key", Family::open_webhook,
             Severity::high, Confidence::medium,
             "Flowise answers /api/v1/prediction/<id> for anyone when the chatflow has no API key assigned, and a "
             "public chatflow is shared openly; every call runs the flow's models and tools on the client's "
             "credentials.",
             "Assign a Flowise API key to the chatflow (Configuration > API Key), turn off public sharing, and set "
             "allowed origins for the embedded chatbot."},
            {"langflow-open-flow", "Langflow flow reachable without an API key", Family::open_webhook,
             Severity::medium, Confidence::medium,
             "A Langflow Webhook component makes /api/v1/webhook/<flow> run the flow, and Langflow does not ask "
             "for an API key there unless webhook authentication is turned on; a PUBLIC flow runs for anyone.",
             "Set LANGFLOW_WEBHOOK_AUTH_ENABLE (or put the instance behind a proxy that checks a token), keep the "
             "flow PRIVATE, and validate a shared secret in the flow."},
            {"dify-webhook-trigger", "Dify webhook trigger", Family::open_webhook, Severity::medium,
             Confidence::low,
             "A Dify webhook trigger starts the workflow for anyone who has its URL; the DSL shows no check of "
             "the caller.",
             "Treat the webhook URL as a secret, check a shared secret or signature in the first node, and limit "
             "who can reach the Dify instance."}};
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
            } else if (doc.format == Format::flowise_flow && e.auth == "none") {
                hit.message = e.kind == "flowise-public-chatbot"
                                  ? "Flowise chatflow " + e.owner + " is shared publicly; anyone can call " + e.url
                                  : "Flowise chatflow " + e.owner + " has no API key; anyone can call " + e.url;
                if (!e.active) hit.severity = Severity::medium;
                sink.report(doc, rules()[kFlowise], std::move(hit));
            } else if (doc.format == Format::langflow_flow && e.auth == "none") {
                hit.message = e.kind == "langflow-webhook"
                                  ? "Langflow Webhook component " + e.owner + " runs the flow from " + e.url +
                                        " with no API key unless webhook authentication is enabled"
                                  : "Langflow flow " + e.owner + " is PUBLIC: " + e.url + " runs it without an API key";
                sink.report(doc, rules()[kLangflow], std::move(hit));
            } else if (doc.format == Format::dify_app && e.kind == "dify-webhook") {
                hit.message = "Dify workflow starts from webhook trigger " + e.owner + "; anyone with its URL can run it";
                sink.report(doc, rules()[kDify], std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_automation_open_trigger() { return std::make_unique<AutomationOpenTrigger>(); }
} // namespace handoff
