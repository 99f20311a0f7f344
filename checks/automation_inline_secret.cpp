// Secrets written into Flowise, Langflow and Dify exports where the platform keeps a
// slot for them: Langflow password fields not loaded from a global variable, Dify secret
// environment variables exported with their values, HTTP authorization keys, Flowise
// key-named inputs and static variables. The token engine recognises provider tokens
// anywhere; this rule knows the slot, so it also catches values of no known shape.
#include "checks/registry.hpp"
#include "core/redact.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

std::string_view slot_wording(std::string_view store) {
    if (store == store::langflow_field) return "Langflow password field";
    if (store == store::dify_env) return "Dify secret environment variable";
    if (store == store::dify_http_auth) return "Dify HTTP request API key";
    if (store == store::flowise_variable) return "Flowise static variable";
    if (store == store::flowise_input) return "Flowise node input";
    return {};
}

// The value as decoded from the file's bytes at the site, quotes stripped.
std::string_view written_value(const Document& doc, Span span) {
    if (span.end > doc.bytes().size() || span.empty()) return {};
    std::string_view raw = doc.bytes().substr(span.begin, span.size());
    if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
        raw = raw.substr(1, raw.size() - 2);
    }
    return raw;
}

constexpr RuleInfo kRule{
    "automation-inline-secret", "Secret written into an AI-flow export", Family::embedded_token,
    Severity::high, Confidence::high,
    "The export carries a secret in the slot the platform keeps for it (a password field, a secret "
    "environment variable, an API key setting): whoever receives the file can use it.",
    "Rotate the secret; in Langflow load it from a global variable (load_from_db), in Dify export without "
    "secrets and let the client fill the secret variable, in Flowise use a credential or a runtime "
    "variable."};

class AutomationInlineSecret final : public SingleRuleCheck {
public:
    AutomationInlineSecret() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const SecretDecl& d : doc.facts.secret_decls) {
            std::string_view wording = slot_wording(d.store);
            if (!d.has_value || wording.empty()) continue;
            Hit hit = hit_at(d.site);
            hit.message = std::string(wording) + " '" + d.name + "' holds a literal value";
            std::string_view value = written_value(doc, d.site.span);
            if (!value.empty()) {
                hit.evidence = redact(value);
                hit.identity = std::string(value);
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_automation_inline_secret() { return std::make_unique<AutomationInlineSecret>(); }
} // namespace handoff
