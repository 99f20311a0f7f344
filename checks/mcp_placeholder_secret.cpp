#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-placeholder-secret", "Secret slot left empty or holding a placeholder", Family::missing_secret_ref,
    Severity::medium, Confidence::medium,
    "A key, token or password slot holds \"\", your_api_key, <TOKEN> or similar: the server will not work until "
    "someone edits a real key into this file, which is how keys end up committed.",
    "Reference a variable the client expands (${VAR} in Claude Code and Gemini, ${env:VAR} or ${input:id} in VS "
    "Code and Cursor, env_vars in Codex) and list it in the handover notes."};

class McpPlaceholderSecret final : public SingleRuleCheck {
public:
    McpPlaceholderSecret() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store != store::config_placeholder) continue;
            Hit hit = agent_hit(doc, ref.site,
                                holder_label(doc, ref.owner) + ": " + ref.name + " is empty or a placeholder", ref.name);
            if (ref.optional) {
                // Another provider is selected beside it: an unused alternative slot.
                hit.message += "; " + ref.where_to_set.substr(0, ref.where_to_set.find(';'));
                hit.severity = Severity::low;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_placeholder_secret() { return std::make_unique<McpPlaceholderSecret>(); }
} // namespace handoff
