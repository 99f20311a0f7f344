// AI agents fed by outsiders that hold tools with outbound reach (the "lethal trifecta").
#include <algorithm>
#include <array>

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

// Credentials of AI model providers: a tool holding only one of these spends credits but
// reads none of the workflow owner's data.
bool model_provider_credential(std::string_view type) {
    static constexpr std::array<std::string_view, 13> kTypes{
        "anthropicApi", "azureOpenAiApi", "cohereApi",  "deepSeekApi", "googlePalmApi", "groqApi", "huggingFaceApi",
        "mistralCloudApi", "ollamaApi", "openAiApi", "openRouterApi", "perplexityApi", "xAiApi",
    };
    return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

// An HTTP tool on a written host whose only credential (if any) is a model provider's: the
// model can pick the body or path, not the destination, and there is no private data to
// read. Public web search, image generation, the developer's own public webhook.
bool narrow_http_tool(const N8nNode& tool) {
    if (tool.info.role != N8nRole::http || !host_is_fixed(tool.param({"url"}))) return false;
    const Node* credentials = tool.node->find("credentials");
    if (credentials == nullptr || !credentials->is_map()) return true;
    return std::all_of(credentials->children.begin(), credentials->children.end(),
                       [](const Node& c) { return model_provider_credential(c.key); });
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
                bool narrow = true;  // every reaching tool is a narrow HTTP tool
                for (std::size_t t : wf.sources(a, "ai_tool")) {
                    const N8nNode& tool = wf.nodes[t];
                    if (!reaching_tool(tool.info.role)) continue;
                    tools.push_back(quoted(tool.name));
                    narrow = narrow && narrow_http_tool(tool);
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
                Severity severity = from->auth == "none" ? Severity::high : Severity::medium;
                if (narrow) {
                    msg += "; each calls a fixed host with no data credential (at most a model provider's), so an "
                           "outsider can spend credits through them but not read or send the owner's data";
                    severity = Severity::low;
                }
                Hit hit = n8n_type_hit(agent, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_agent_tool_exposure() { return std::make_unique<N8nAgentToolExposure>(); }
} // namespace handoff
