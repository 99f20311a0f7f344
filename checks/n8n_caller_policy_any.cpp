// Workflows any other workflow may call as a sub-workflow.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-caller-policy-any", "n8n workflow can be called by any workflow", Family::unsafe_permission,
    Severity::low, Confidence::high,
    "settings.callerPolicy \"any\" lets every workflow on the instance, whoever owns it, run this one "
    "with its credentials.",
    "Set \"This workflow can be called by\" to workflows from the same owner or to a list of workflow ids."};

class N8nCallerPolicyAny final : public SingleRuleCheck {
public:
    N8nCallerPolicyAny() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            const Node* policy = wf.root->get({"settings", "callerPolicy"});
            if (policy == nullptr || !policy->is_scalar() || policy->value != "any") continue;
            Hit hit;
            hit.span = member_span(*policy);
            hit.node_path = wf.member_path({"settings", "callerPolicy"});
            hit.message = "Workflow " + quoted(wf.name) + " can be run as a sub-workflow by any workflow on the instance";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_caller_policy_any() { return std::make_unique<N8nCallerPolicyAny>(); }
} // namespace handoff
