#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-tool-arbitrary-exec", "Tool definition runs any command or fetches any URL the model picks",
    Family::unsafe_permission, Severity::medium, Confidence::medium,
    "A tool whose parameter is a free-form shell command, code string or URL gives the model (and any text that "
    "steers it) a shell or an open egress channel: the application code behind it decides nothing.",
    "Replace free-form tools with narrow ones (an enum of allowed commands, a fixed host with a path "
    "parameter); run code only in a sandbox (CrewAI code_execution_mode: safe)."};

class AgentToolArbitraryExec final : public SingleRuleCheck {
public:
    AgentToolArbitraryExec() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            const std::string& c = g.capability;
            if (c != capability::tool_shell && c != capability::tool_fetch && c != capability::code_exec_host &&
                c != capability::code_exec_sandboxed)
                continue;
            Hit hit = agent_hit(doc, g.site, g.detail, g.scope);
            if (c == capability::code_exec_host) hit.severity = Severity::high;
            if (c == capability::code_exec_sandboxed) hit.severity = Severity::low;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_agent_tool_arbitrary_exec() { return std::make_unique<AgentToolArbitraryExec>(); }
} // namespace handoff
