#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-approval-bypass", "Agent or MCP server set to skip every approval prompt", Family::unsafe_permission,
    Severity::high, Confidence::high,
    "Settings like defaultMode: bypassPermissions, approval_policy = \"never\", sandbox_mode = "
    "\"danger-full-access\", Gemini trust: true, chat.tools.autoApprove, enableAllProjectMcpServers or "
    "require_approval: \"never\" remove the human from the loop: whatever the model is talked into, it does.",
    "Remove the bypass from the handed-over config. Approve servers and tools one by one, keep the sandbox on, "
    "and let each user opt into bypass modes on their own machine."};

Severity severity_of(const Grant& g) {
    const std::string& d = g.detail;
    if (d.find("autoAccept") != std::string::npos) return Severity::low;
    if (d.find("enableAllProjectMcpServers") != std::string::npos || d.find("skipDangerous") != std::string::npos ||
        d.find("isConsequential") != std::string::npos || d.find("trust") != std::string::npos)
        return Severity::medium;
    return Severity::high;
}

class AgentApprovalBypass final : public SingleRuleCheck {
public:
    AgentApprovalBypass() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        bool never_asks = false;
        bool no_sandbox = false;
        for (const Grant& g : doc.facts.grants) {
            never_asks = never_asks || g.detail == "approval_policy = \"never\"";
            no_sandbox = no_sandbox || g.capability == capability::sandbox_disabled;
        }
        for (const Grant& g : doc.facts.grants) {
            if (g.capability != capability::approval_bypass && g.capability != capability::sandbox_disabled) continue;
            std::string message = g.detail + ": " + holder_label(doc, g.holder) + " no longer asks before " + g.scope;
            if (g.capability == capability::sandbox_disabled) message = g.detail + ": commands run without a sandbox";
            Hit hit = agent_hit(doc, g.site, std::move(message), g.detail);
            Severity severity = severity_of(g);
            // Codex with both: nothing asks and nothing contains.
            if (never_asks && no_sandbox) severity = Severity::critical;
            else if (g.capability == capability::sandbox_disabled) severity = Severity::medium;
            hit.severity = severity;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_agent_approval_bypass() { return std::make_unique<AgentApprovalBypass>(); }
} // namespace handoff
