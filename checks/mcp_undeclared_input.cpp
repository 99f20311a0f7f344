#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-undeclared-input", "${input:x} with no matching inputs entry", Family::missing_secret_ref,
    Severity::high, Confidence::high,
    "VS Code asks the user for ${input:id} only when inputs declares that id; otherwise the server starts with "
    "the literal text and fails, and the next person usually pastes the key into the file instead.",
    "Declare the input: {\"type\": \"promptString\", \"id\": \"<id>\", \"description\": \"...\", \"password\": "
    "true} in the same file's inputs list."};

class McpUndeclaredInput final : public SingleRuleCheck {
public:
    McpUndeclaredInput() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store != store::vscode_input || !ref.expanded) continue;
            bool declared = false;
            for (const SecretDecl& d : doc.facts.secret_decls) {
                declared = declared || (d.store == store::vscode_input && d.name == ref.name);
            }
            if (declared) continue;
            sink.report(doc, kRule,
                        agent_hit(doc, ref.site,
                                  holder_label(doc, ref.owner) + " uses ${input:" + ref.name +
                                      "} but inputs declares no \"" + ref.name + "\"",
                                  "${input:" + ref.name + "}"));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_undeclared_input() { return std::make_unique<McpUndeclaredInput>(); }
} // namespace handoff
