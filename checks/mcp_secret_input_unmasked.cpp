#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-secret-input-unmasked", "VS Code input asks for a key or password without password: true",
    Family::missing_secret_ref, Severity::low, Confidence::medium,
    "A promptString input whose id or description says it holds a key, token or password, but which lacks "
    "\"password\": true, shows the secret on screen as it is typed (screen shares, recordings, shoulder surfing) "
    "and is not handled by VS Code as a password.",
    "Add \"password\": true to the input entry, so VS Code masks the value and treats it as a secret."};

class McpSecretInputUnmasked final : public SingleRuleCheck {
public:
    McpSecretInputUnmasked() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const SecretDecl& d : doc.facts.secret_decls) {
            if (d.store != store::vscode_input || !d.shown_in_clear) continue;
            sink.report(doc, kRule,
                        agent_hit(doc, d.site,
                                  "input \"" + d.name + "\" asks for a secret without \"password\": true: it is shown "
                                  "as typed",
                                  d.name));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_secret_input_unmasked() { return std::make_unique<McpSecretInputUnmasked>(); }
} // namespace handoff
