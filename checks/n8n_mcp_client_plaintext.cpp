// n8n MCP Client Tool nodes that reach their MCP server over plain http:// to a host other
// than this machine: the tool list, the calls and any credential cross the network in clear.
#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "checks/support/n8n.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "n8n-mcp-client-plaintext",
    "n8n MCP Client Tool reaches its server over plain http://",
    Family::open_webhook,
    Severity::high,
    Confidence::high,
    "The agent's MCP tool list, its calls and the results travel unencrypted: anyone on the path can read "
    "them, change the tools the model is offered or inject results; without authentication the server itself "
    "is open to anyone who can reach it.",
    "Serve the MCP server over https:// and give the MCP Client Tool a Bearer or Header credential.",
};

class N8nMcpClientPlaintext final : public SingleRuleCheck {
public:
    N8nMcpClientPlaintext() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::mcp_client || n.disabled) continue;
                // endpointUrl since version 1.2, sseEndpoint before.
                std::string_view key = "endpointUrl";
                std::string_view url = n.param({key});
                if (url.empty()) url = n.param({key = "sseEndpoint"});
                if (is_n8n_expression(url)) url.remove_prefix(1);
                url = trim(url);
                if (!is_plain_http(url)) continue;
                std::string host = url_host(url);
                if (host.empty() || contains(host, "{{") || is_loopback_host(host) || is_placeholder_host(host)) continue;
                std::string_view auth = n.param({"authentication"});
                bool open = auth.empty() || auth == "none";
                std::string msg = "MCP Client Tool " + quoted(n.name) + " reaches " + describe_url(url) +
                                  " over plain http://";
                msg += open ? " without authentication: tool calls and results travel in clear and the server is open"
                            : "; its credential, tool calls and results travel in clear";
                Hit hit = key == "endpointUrl" ? n8n_hit(n, {"parameters", "endpointUrl"}, msg)
                                               : n8n_hit(n, {"parameters", "sseEndpoint"}, msg);
                hit.severity = open ? Severity::high : Severity::medium;
                if (is_private_network_host(host)) {
                    // As mcp-plaintext-http judges it: the traffic stays on a private network.
                    hit.message += " (a private-network address: the traffic stays on this machine or its local network)";
                    hit.severity = Severity::low;
                }
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_n8n_mcp_client_plaintext() { return std::make_unique<N8nMcpClientPlaintext>(); }

} // namespace handoff
