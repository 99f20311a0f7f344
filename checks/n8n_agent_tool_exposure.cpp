// AI agents fed by outsiders that hold tools with outbound reach (the "lethal trifecta").
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

bool reaching_tool(N8nRole role) {
    switch (role) {
    case N8nRole::http:
    case N8nRole::code:
    case N8nRole::command:
    case N8nRole::mcp_client:
    case N8nRole::file:
    case N8nRole::instance_api:
    case N8nRole::sql: return true;
    default: return false;
    }
}

constexpr RuleInfo kRule{
    "n8n-agent-tool-exposure", "AI agent fed by outsiders holds tools that reach out",
    Family::unsafe_permission, Severity::high, Confidence::medium,
    "An agent that reads text from a public trigger (chat, webhook, form, e-mail, messenger) and holds "
    "HTTP, code, shell, SQL or MCP tools can be talked into using them: prompt injection turns the "
    "outsider's message into requests, queries and commands with the workflow's credentials.",
    "Give agents fed by public input only the tools they need, with fixed hosts and queries; put a human "
    "approval step before tools that write or send; authenticate the trigger."};

class N8nAgentToolExposure final : public SingleRuleCheck {
public:
    N8nAgentToolExposure() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            const std::vector<N8nTrigger>& triggers = wf.triggers;
            for (std::size_t a = 0; a < wf.nodes.size(); ++a) {
                if (wf.nodes[a].info.role != N8nRole::agent) continue;
                std::vector<std::string> tools;
                for (std::size_t t : wf.sources(a, "ai_tool")) {
                    if (reaching_tool(wf.nodes[t].info.role)) tools.push_back(quoted(wf.nodes[t].name));
                }
                if (tools.empty()) continue;
                const N8nTrigger* from = nullptr;
                for (const N8nTrigger& t : triggers) {
                    if (wf.downstream(t.node)[a]) {
                        from = &t;
                        if (t.auth == "none") break;
                    }
                }
                if (from == nullptr) continue;
                const N8nNode& agent = wf.nodes[a];
                std::string msg = "AI agent " + quoted(agent.name) + " reads input from " + from->kind + " trigger " +
                                  quoted(wf.nodes[from->node].name) + (from->auth == "none" ? " (no authentication)" : "") +
                                  " and holds tools that reach out: ";
                for (std::size_t i = 0; i < tools.size() && i < 5; ++i) msg += (i ? ", " : "") + tools[i];
                if (tools.size() > 5) msg += ", ...";
                Hit hit = n8n_type_hit(agent, msg);
                hit.severity = from->auth == "none" ? Severity::high : Severity::medium;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_agent_tool_exposure() { return std::make_unique<N8nAgentToolExposure>(); }
} // namespace handoff
