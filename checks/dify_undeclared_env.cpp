// {{#env.NAME#}} in a Dify workflow where the DSL declares no environment variable NAME:
// the imported app fails at that node until the client creates it.
#include <algorithm>

#include "checks/registry.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "dify-undeclared-env", "Dify environment variable used but not declared", Family::missing_secret_ref,
    Severity::medium, Confidence::high,
    "The workflow reads {{#env.NAME#}} but environment_variables does not declare NAME, so the imported "
    "app has nothing to fill in and the node gets no value.",
    "Declare the variable in the workflow's environment variables (value type secret for keys) and tell "
    "the client to set it after import."};

class DifyUndeclaredEnv final : public SingleRuleCheck {
public:
    DifyUndeclaredEnv() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        std::vector<std::string_view> reported;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store != store::dify_env) continue;
            bool declared = std::any_of(doc.facts.secret_decls.begin(), doc.facts.secret_decls.end(),
                                        [&](const SecretDecl& d) { return d.store == store::dify_env && d.name == ref.name; });
            if (declared || std::find(reported.begin(), reported.end(), ref.name) != reported.end()) continue;
            reported.push_back(ref.name);
            Hit hit = hit_at(ref.site);
            hit.message = "Node " + ref.owner + " reads {{#env." + ref.name + "#}}, which the app does not declare";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_dify_undeclared_env() { return std::make_unique<DifyUndeclaredEnv>(); }
} // namespace handoff
