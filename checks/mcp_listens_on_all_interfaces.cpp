#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-listens-on-all-interfaces", "MCP server listens on every network interface", Family::open_webhook,
    Severity::medium, Confidence::high,
    "A server bound to 0.0.0.0 (or published with docker -p and no host address) accepts connections from the "
    "whole network, not only from the agent on this machine; MCP servers rarely authenticate local callers.",
    "Bind to 127.0.0.1 (--host 127.0.0.1, docker -p 127.0.0.1:PORT:PORT), or put authentication in front."};

class McpListensOnAllInterfaces final : public SingleRuleCheck {
public:
    McpListensOnAllInterfaces() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::inbound || e.kind != endpoint_kind::mcp_listener) continue;
            Hit hit = agent_hit(doc, e.site, holder_label(doc, e.owner) + ": " + e.url, e.url);
            if (!e.active) hit.severity = Severity::low;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_listens_on_all_interfaces() { return std::make_unique<McpListensOnAllInterfaces>(); }
} // namespace handoff
