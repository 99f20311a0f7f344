#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-env-forwarding", "Agent commands inherit every host environment variable", Family::unsafe_permission,
    Severity::medium, Confidence::high,
    "Codex drops variables named like *KEY*, *SECRET* and *TOKEN* from the environment of the commands it runs; "
    "inherit = \"all\" with ignore_default_excludes hands every credential of the user's shell to whatever the "
    "model runs.",
    "Use inherit = \"core\" and list the few variables commands need in shell_environment_policy.set or "
    "include_only; keep the default excludes."};

class AgentEnvForwarding final : public SingleRuleCheck {
public:
    AgentEnvForwarding() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            if (g.capability != capability::env_forward_all) continue;
            std::string message = g.detail + ": commands the agent runs see " +
                                  (g.scope == "all" ? std::string("every variable of the user's shell")
                                                    : "secret-named variables (" + g.scope + ")");
            sink.report(doc, kRule, agent_hit(doc, g.site, std::move(message), g.detail));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_agent_env_forwarding() { return std::make_unique<AgentEnvForwarding>(); }
} // namespace handoff
