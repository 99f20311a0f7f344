// HTTP Request nodes and AI HTTP tools: outbound reach, and URLs outsiders or the LLM choose.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "core/text.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-outbound-request", "n8n node sends HTTP requests", Family::unsafe_permission, Severity::info,
    Confidence::high,
    "An HTTP Request node can reach any host the n8n server can, including internal services and cloud "
    "metadata endpoints. When the URL comes from trigger data or from the AI model, outsiders choose "
    "where it goes (server-side request forgery, data exfiltration).",
    "Keep URLs fixed or check them against an allow-list before the request; never let webhook data or "
    "an AI tool argument pick the host."};

class N8nOutboundRequest final : public SingleRuleCheck {
public:
    N8nOutboundRequest() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::http) continue;
                std::string_view url = n.param({"url"});
                std::string msg = "HTTP node " + quoted(n.name) + " sends requests";
                if (!url.empty()) msg += " to '" + describe_url(url) + "'";
                Severity severity = Severity::info;
                auto inputs = untrusted_under(doc, n, n.member_path({"parameters", "url"}));
                if (!inputs.empty()) {
                    const Untrusted& u = *inputs.front();
                    bool llm = u.source == "llm-choice";
                    if (host_is_fixed(url)) {
                        // Only the path, query or an id varies: the request stays on the written host.
                        msg += llm ? "; the AI model fills in the path on a fixed host"
                                   : "; " + describe_untrusted(u) + " fills in the path on a fixed host";
                        severity = Severity::low;
                    } else {
                        msg += llm ? "; the AI model chooses the URL"
                                   : "; the URL is built from " + describe_untrusted(u);
                        msg += " (request forgery)";
                        severity = llm ? Severity::medium : Severity::high;
                    }
                }
                Hit hit = n8n_hit(n, {"parameters", "url"}, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_outbound_request() { return std::make_unique<N8nOutboundRequest>(); }
} // namespace handoff
