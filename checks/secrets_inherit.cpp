// secrets-inherit: a reusable workflow call that passes every secret with `secrets: inherit`.
#include <algorithm>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "secrets-inherit",
    "Reusable workflow receives every secret",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "`secrets: inherit` hands the called workflow every repository, environment and organisation secret, "
    "not just the ones it needs; a compromised or changed callee can read them all, and nobody can tell "
    "from the caller which secrets the client must keep.",
    "List the secrets the called workflow declares under `secrets:` (NPM_TOKEN: ${{ secrets.NPM_TOKEN }}).",
};

bool calls_local_workflow(const GhWorkflow& wf, std::string_view job_id) {
    for (const GhJob& job : wf.jobs) {
        if (job.id == job_id && job.uses != nullptr) return parse_uses(job.uses->value).kind == GhUses::Kind::local;
    }
    return false;
}

class SecretsInherit final : public SingleRuleCheck {
public:
    SecretsInherit() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        for (const Grant& grant : doc.facts.grants) {
            if (grant.capability != "secrets:inherit") continue;
            Hit hit = hit_at(grant.site);
            hit.message = "job " + grant.holder + " passes every secret to the called workflow (secrets: inherit)";
            bool outsiders = std::any_of(wf.triggers.begin(), wf.triggers.end(),
                                         [](const GhTrigger& t) { return outsider_trigger(t.event); });
            if (calls_local_workflow(wf, grant.holder) && !outsiders) {
                // The callee lives in this repository and changes only with its reviews.
                hit.message += "; the callee is in this repository, so only its own review stands between them";
                hit.severity = Severity::low;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_secrets_inherit() { return std::make_unique<SecretsInherit>(); }

} // namespace handoff
