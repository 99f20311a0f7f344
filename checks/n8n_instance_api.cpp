// The n8n node: drives the n8n instance's own API (workflows, credentials, executions).
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-instance-api", "n8n node controls the n8n instance through its API", Family::unsafe_permission,
    Severity::medium, Confidence::high,
    "With an n8n API key the workflow can create, change and activate workflows and create credentials: "
    "whoever steers it administers the instance.",
    "Give the n8n API credential to this workflow only if it needs it, and never let trigger data choose "
    "the workflow or credential it touches."};

class N8nInstanceApi final : public SingleRuleCheck {
public:
    N8nInstanceApi() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::instance_api) continue;
                std::string_view resource = n.param({"resource"});
                std::string_view operation = n.param({"operation"});
                if (resource.empty()) resource = "workflow";
                std::string msg = "n8n node " + quoted(n.name) + " uses the instance API (" + std::string(resource);
                if (!operation.empty()) msg += " " + std::string(operation);
                msg += ")";
                Severity severity = Severity::medium;
                bool writes = operation == "create" || operation == "update" || operation == "activate" ||
                              operation == "delete";
                if (resource == "credential" || (resource == "workflow" && writes)) severity = Severity::high;
                Hit hit = n8n_hit(n, {"parameters", "resource"}, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_instance_api() { return std::make_unique<N8nInstanceApi>(); }
} // namespace handoff
