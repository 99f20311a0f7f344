// Code and shell steps in Node-RED, Flowise, Langflow and Dify flows, from the loaders'
// code/shell grants (n8n has its own rules: n8n-code-execution, n8n-command-execution).
#include "checks/registry.hpp"
#include "checks/support/code_reach.hpp"
#include "checks/support/n8n.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

// How messages name the platform; empty for the platforms this rule leaves alone.
std::string_view platform_title(std::string_view id) {
    if (id == platform::node_red) return "Node-RED";
    if (id == platform::flowise) return "Flowise";
    if (id == platform::langflow) return "Langflow";
    if (id == platform::dify) return "Dify";
    return {};
}

// The program behind a grant, when the loader recorded one at the same site.
std::string_view code_at(const Document& doc, const Grant& g) {
    for (const Exec& e : doc.facts.execs) {
        if (e.site.span == g.site.span) return e.command;
    }
    return {};
}

constexpr RuleInfo kRule{
    "automation-code-execution", "Automation flow runs code or commands", Family::unsafe_permission,
    Severity::low, Confidence::high,
    "Function, code and shell steps run with the automation server's rights: they can read its "
    "environment and files and reach the network, and data from a trigger flows into them.",
    "Read the code before the hand-over; replace it with built-in nodes where possible; keep secrets out "
    "of it; on the server, restrict what code steps may import or run (Dify's sandbox, Node-RED's "
    "functionExternalModules, Flowise's TOOL_FUNCTION_BUILTIN_DEP/EXTERNAL_DEP)."};

class AutomationCodeExecution final : public SingleRuleCheck {
public:
    AutomationCodeExecution() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        std::string_view where = platform_title(doc.facts.platform);
        if (where.empty()) return;
        for (const Grant& g : doc.facts.grants) {
            if (g.capability != "code" && g.capability != "shell") continue;
            Hit hit = hit_at(g.site);
            std::string_view code = code_at(doc, g);
            if (g.capability == "shell") {
                hit.message = std::string(where) + " node " + g.holder + " runs a shell command";
                hit.severity = Severity::high;
            } else {
                CodeReach reach = code_reach(code);
                hit.message = std::string(where) + " node " + g.holder + " runs " + g.scope + " code";
                if (!g.detail.empty() && code.empty()) hit.message += " (" + g.detail + ")";
                hit.message += describe_reach(reach);
                hit.severity = reach.severity;
            }
            if (!code.empty()) hit.message += ": " + quote_snippet(code);
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_automation_code_execution() { return std::make_unique<AutomationCodeExecution>(); }
} // namespace handoff
