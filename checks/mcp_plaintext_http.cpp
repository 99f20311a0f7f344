#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-plaintext-http", "Remote MCP server or agent endpoint over plain http://", Family::open_webhook,
    Severity::high, Confidence::high,
    "Tokens, tool descriptions and tool results travel in clear text to a host that is not this machine; anyone "
    "on the path can read them or rewrite the tools the agent sees.",
    "Use https:// for every remote server, base URL and hook URL. Plain http is fine only for localhost; on a "
    "private network (10.x, 192.168.x, a compose service name) the finding is low."};

class McpPlaintextHttp final : public SingleRuleCheck {
public:
    McpPlaintextHttp() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::outbound || !is_plain_http(e.url)) continue;
            std::string host = url_host(e.url);
            if (host.empty() || is_loopback_host(host) || is_placeholder_host(host) || host.find("${") != std::string::npos) continue;
            std::string what = e.kind == endpoint_kind::api_base_url   ? "env " + e.owner + " points the agent at"
                               : e.kind == endpoint_kind::hook_url    ? holder_label(doc, e.owner) + " posts to"
                               : e.kind == endpoint_kind::openapi_server ? "API \"" + e.owner + "\" is served from"
                                                                  : holder_label(doc, e.owner) + " connects to";
            Hit hit = agent_hit(doc, e.site, what + " http://" + host + " without TLS", e.url);
            if (e.kind == endpoint_kind::api_base_url || e.kind == endpoint_kind::hook_url || !e.active) hit.severity = Severity::medium;
            if (is_private_network_host(host)) {
                // Still clear text, but only on the machine's own network: a local compose
                // service or a LAN box, not the internet.
                hit.message += " (a private-network address: the traffic stays on this machine or its local network)";
                hit.severity = Severity::low;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_plaintext_http() { return std::make_unique<McpPlaintextHttp>(); }
} // namespace handoff
