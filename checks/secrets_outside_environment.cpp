// secrets-outside-environment: a job reads repository secrets without an `environment:`,
// so no deployment protection rule (required reviewers, allowed branches) stands between
// any branch's workflow run and those secrets.
#include <set>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/vocabulary.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "secrets-outside-environment",
    "Job reads secrets without a protected environment",
    Family::missing_secret_ref,
    Severity::low,
    Confidence::medium,
    "Repository secrets reach every workflow run on every branch: anyone who can push a branch can "
    "edit the workflow there and print them. Environment secrets are released only to jobs that "
    "name the environment, after its protection rules (required reviewers, allowed branches) pass.",
    "Move deployment and publishing secrets into an environment (Settings > Environments), protect it "
    "with required reviewers or branch rules, and add `environment: <name>` to the jobs that need them.",
};

class SecretsOutsideEnvironment final : public SingleRuleCheck {
public:
    SecretsOutsideEnvironment() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        std::set<std::string> workflow_level;  // secrets in the workflow's env: reach every job
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store == store::github_secret && ref.owner.empty()) workflow_level.insert(ref.name);
        }
        for (const GhJob& job : wf.jobs) {
            // A reusable workflow call cannot name an environment; its callee's jobs are judged there.
            if (job.environment != nullptr || job.uses != nullptr) continue;
            std::set<std::string> names = workflow_level;
            for (const SecretRef& ref : doc.facts.secret_refs) {
                if (ref.store == store::github_secret && ref.owner == job.id) names.insert(ref.name);
            }
            if (names.empty()) continue;
            std::string list;
            std::size_t shown = 0;
            for (const std::string& n : names) {
                if (shown++ == 4) {
                    list += ", ...";
                    break;
                }
                list += (list.empty() ? "" : ", ") + n;
            }
            Hit hit;
            hit.span = job.node->key_span;
            hit.node_path = job.path;
            hit.message = "job " + job.id + " reads " + list + " with no environment: no protection rule applies";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_secrets_outside_environment() { return std::make_unique<SecretsOutsideEnvironment>(); }

} // namespace handoff
