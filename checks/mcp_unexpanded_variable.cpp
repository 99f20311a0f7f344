#include "checks/registry.hpp"
#include "checks/support/agent.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-unexpanded-variable", "Variable reference the client does not expand", Family::missing_secret_ref,
    Severity::high, Confidence::medium,
    "Claude Desktop, Cline and Codex pass ${VAR} on literally; VS Code only knows ${env:VAR} and ${input:id}; "
    "${process.env.X} is nobody's syntax. The server receives the reference text instead of the key and fails, "
    "and the usual fix is pasting the key into the file.",
    "Use the client's own syntax (Codex: env_vars = [\"VAR\"] or bearer_token_env_var; VS Code: ${env:VAR} or "
    "${input:id}; Claude Code and Gemini: ${VAR}), or a wrapper script that reads the environment."};

class McpUnexpandedVariable final : public SingleRuleCheck {
public:
    McpUnexpandedVariable() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        const AgentModel* model = agent_model(doc);
        if (model == nullptr) return;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.expanded) continue;
            std::string_view written = doc.bytes().substr(ref.site.span.begin, ref.site.span.size());
            std::string shown = written.size() <= 80 && written.find('$') == 0 ? std::string(written) : ref.name;
            sink.report(doc, kRule,
                        agent_hit(doc, ref.site,
                                  std::string(client_name(model->client)) + " does not expand " + shown + ": " +
                                      holder_label(doc, ref.owner) + " gets the literal text",
                                  shown));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_unexpanded_variable() { return std::make_unique<McpUnexpandedVariable>(); }
} // namespace handoff
