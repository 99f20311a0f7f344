#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-broad-allow-rule", "Agent allowed to run any command or fetch any URL without asking",
    Family::unsafe_permission, Severity::high, Confidence::high,
    "An allow rule such as Bash, Bash(*), Bash(curl:*), Bash(python -c:*) or bare WebFetch lets the agent act "
    "without a prompt; one prompt injection from a web page, issue or file is then enough to run code or send "
    "data anywhere.",
    "Allow only the exact commands the project needs (Bash(npm run test:*), WebFetch(domain:docs.example.com)); "
    "move broad rules to ask, and add deny rules for network and interpreter commands."};

class AgentBroadAllowRule final : public SingleRuleCheck {
public:
    AgentBroadAllowRule() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            bool shell = g.capability == capability::shell;
            if (!shell && g.capability != capability::network_fetch && g.capability != capability::file_write) continue;
            Hit hit = agent_hit(doc, g.site, "allow rule " + g.detail, g.detail.substr(0, g.detail.find(':')));
            if (!shell) hit.severity = Severity::medium;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_agent_broad_allow_rule() { return std::make_unique<AgentBroadAllowRule>(); }
} // namespace handoff
