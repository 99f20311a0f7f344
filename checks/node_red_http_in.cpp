// Node-RED `http in` nodes: endpoints with no authentication of their own (the Node-RED
// loader's http-in endpoints).
#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "node-red-http-in", "Node-RED HTTP endpoint", Family::open_webhook, Severity::medium,
    Confidence::medium,
    "`http in` nodes have no authentication of their own: unless settings.js sets httpNodeAuth (or a "
    "proxy guards the path), anyone who can reach Node-RED can call the flow.",
    "Set httpNodeAuth (or httpNodeMiddleware) in the client's settings.js, or check a token in the flow "
    "right after the http in node."};

class NodeRedHttpIn final : public SingleRuleCheck {
public:
    NodeRedHttpIn() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::inbound || e.kind != endpoint_kind::node_red_http_in) continue;
            Hit hit = hit_at(e.site);
            hit.message = "Node-RED http in node " + e.owner + " serves '" + e.url + "' with no authentication of its own";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_node_red_http_in() { return std::make_unique<NodeRedHttpIn>(); }
} // namespace handoff
