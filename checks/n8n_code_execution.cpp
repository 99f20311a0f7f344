// Code, Function and LangChain Code nodes: custom programs inside the workflow.
#include <algorithm>

#include "checks/registry.hpp"
#include "checks/support/code_reach.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

// Where each code node keeps its program, in the order n8n reads them.
const Node* code_member(const N8nNode& n, std::vector<std::string_view>& chain) {
    static const std::vector<std::vector<std::string_view>> candidates{
        {"parameters", "jsCode"}, {"parameters", "pythonCode"}, {"parameters", "functionCode"},
        {"parameters", "code", "execute", "code"}, {"parameters", "code", "supplyData", "code"},
        {"parameters", "code"}};
    for (const auto& c : candidates) {
        const Node* at = n.node;
        for (std::string_view key : c) at = at != nullptr ? at->find(key) : nullptr;
        if (at != nullptr && at->is_scalar()) {
            chain = c;
            return at;
        }
    }
    return nullptr;
}

constexpr RuleInfo kRule{
    "n8n-code-execution", "n8n node runs custom code", Family::unsafe_permission, Severity::low,
    Confidence::high,
    "Code runs inside n8n's sandbox with the workflow's data; with NODE_FUNCTION_ALLOW_BUILTIN/EXTERNAL it "
    "can load modules, read the environment and reach the network. Reviewers must read it.",
    "Read the code before the hand-over; prefer built-in nodes; keep secrets out of it and do not let it "
    "load child_process, fs or network modules."};

class N8nCodeExecution final : public SingleRuleCheck {
public:
    N8nCodeExecution() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::code) continue;
                std::vector<std::string_view> chain;
                const Node* code = code_member(n, chain);
                std::string_view source = code != nullptr ? std::string_view(code->value) : std::string_view();
                bool python = n.param({"language"}).substr(0, 6) == "python" || (!chain.empty() && chain.back() == "pythonCode");
                std::size_t lines = source.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(source.begin(), source.end(), '\n'));
                std::string msg = "Code node " + quoted(n.name) + " (" + std::string(n.short_type()) + ") runs " +
                                  (python ? "Python" : "JavaScript");
                if (lines > 0) msg += " (" + std::to_string(lines) + (lines == 1 ? " line)" : " lines)");
                CodeReach reach = code_reach(source);
                msg += describe_reach(reach);
                Hit hit = n8n_type_hit(n, msg);
                if (code != nullptr) {
                    hit.span = member_span(*code);
                    hit.node_path = n.path;
                    for (std::string_view k : chain) hit.node_path = join_path(hit.node_path, {k});
                }
                hit.severity = reach.severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_code_execution() { return std::make_unique<N8nCodeExecution>(); }
} // namespace handoff
