// placeholder-secret-value: a credential-named env var or action input in a CI file set
// to an empty string or a placeholder (changeme, <your-token>, YOUR_API_KEY) instead of
// a reference to the secret store.

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/redact.hpp"
#include "core/secret_names.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "placeholder-secret-value",
    "Credential set to an empty or placeholder value",
    Family::missing_secret_ref,
    Severity::medium,
    Confidence::medium,
    "The pipeline runs with no real credential: the step fails, or, worse, quietly skips the upload, "
    "deploy or notification it exists for. Someone meant to fill it in and the handover is the last "
    "chance to notice.",
    "Create the secret in the CI system and reference it (${{ secrets.NAME }} in GitHub Actions, a masked "
    "CI/CD variable in GitLab), or remove the entry if it is not needed.",
};

// A GitLab CI file with credential-named variables: its loader declared or referenced a
// GitLab CI/CD variable. (A file without one has no entry this check could report.)
bool has_gitlab_variables(const Document& doc) {
    for (const SecretDecl& d : doc.facts.secret_decls) {
        if (d.store == store::gitlab_variable) return true;
    }
    for (const SecretRef& r : doc.facts.secret_refs) {
        if (r.store == store::gitlab_variable) return true;
    }
    return false;
}

// A stand-in for a value (changeme, <your-token>, YOUR_API_KEY), but not a reference to
// a secret store, which is what the entry should be.
bool placeholder(std::string_view value) {
    bool reference = value.find("${") != std::string_view::npos || value.find("{{") != std::string_view::npos ||
                     value.rfind("$", 0) == 0 || value.rfind("op://", 0) == 0 || value.rfind("vault:", 0) == 0 ||
                     (value.size() > 1 && value.front() == '%' && value.back() == '%');
    return !value.empty() && !reference && is_placeholder_value(value);
}

class PlaceholderSecretValue final : public SingleRuleCheck {
public:
    PlaceholderSecretValue() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (is_github_document(doc)) {
            const GhWorkflow& wf = github_view(doc);
            check_map(doc, sink, wf.env, "env", true);
            for (const GhJob& job : wf.jobs) {
                check_map(doc, sink, job.env, child_path(job.path, "env"), true);
                check_map(doc, sink, job.with, child_path(job.path, "with"), true);
                for (const GhStep& step : job.steps) {
                    check_map(doc, sink, step.env, child_path(step.path, "env"), true);
                    check_map(doc, sink, step.with, child_path(step.path, "with"), true);
                }
            }
        } else if (has_gitlab_variables(doc) && doc.tree && doc.tree->is_map()) {
            // GitLab file variables are defaults that project variables override; an empty
            // default documents the variable, only a placeholder is a mistake.
            check_map(doc, sink, doc.tree->find("variables"), "variables", false);
            for (const Node& job : doc.tree->children) {
                if (job.is_map()) check_map(doc, sink, job.find("variables"), child_path(job.key, "variables"), false);
            }
        }
    }

private:
    static void check_map(const Document& doc, FindingSink& sink, const Node* map, const std::string& path, bool empty_counts) {
        if (map == nullptr || !map->is_map()) return;
        for (const Node& entry : map->children) {
            const Node* value = &entry;
            // GitLab: VAR: {value: ..., description: ...}
            if (entry.is_map()) value = entry.find("value");
            if (value == nullptr || !value->is_scalar() || !is_secret_name(entry.key)) continue;
            if (value->type != ScalarType::string && value->type != ScalarType::null) continue;
            bool empty = value->value.empty();
            if (empty ? !empty_counts : !placeholder(value->value)) continue;
            Hit hit;
            hit.span = empty && value->span.empty() ? entry.key_span : value->span;
            hit.node_path = child_path(path, entry.key);
            std::string shown = value->value.size() <= 24 ? value->value : redact(value->value);
            hit.message = empty ? entry.key + " is set to an empty value instead of a secret reference"
                                : entry.key + " is set to the placeholder \"" + shown + "\" instead of a secret reference";
            if (!empty) hit.confidence = Confidence::high;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_placeholder_secret_value() { return std::make_unique<PlaceholderSecretValue>(); }

} // namespace handoff
