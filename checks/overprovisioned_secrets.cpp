// overprovisioned-secrets: an expression that reads the whole secrets context
// (toJSON(secrets), secrets[computed name]).
#include "checks/registry.hpp"
#include "checks/support/github.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "overprovisioned-secrets",
    "Every secret is exposed to one step",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "toJSON(secrets) or secrets[...] puts every secret of the repository and organisation into the job, "
    "not only the ones the step needs; one leaking step then leaks all of them.",
    "Reference each secret the step needs by name: ${{ secrets.NPM_TOKEN }}.",
};

class OverprovisionedSecrets final : public SingleRuleCheck {
public:
    OverprovisionedSecrets() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc)) return;
        for (const Grant& grant : doc.facts.grants) {
            if (grant.capability != "secrets:all") continue;
            Hit hit = hit_at(grant.site);
            hit.message = "the expression reads the whole secrets context, so every secret is in reach of " +
                          (grant.holder.empty() ? std::string("every job") : "job " + grant.holder);
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_overprovisioned_secrets() { return std::make_unique<OverprovisionedSecrets>(); }

} // namespace handoff
