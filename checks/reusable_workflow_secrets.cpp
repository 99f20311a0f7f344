// Reusable workflows and their callers, across the project's files:
// undeclared-secret: secrets.X used by a workflow_call workflow that does not declare X;
// missing-required-secret: a caller in the same repository that does not pass a secret
// the called workflow declares as required.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kUndeclared{
    "undeclared-secret",
    "Reusable workflow uses a secret it does not declare",
    Family::missing_secret_ref,
    Severity::medium,
    Confidence::medium,
    "A workflow run through workflow_call only sees the secrets its caller passes. A secret that is not "
    "declared under on.workflow_call.secrets cannot be passed by name, so it is empty unless every "
    "caller uses `secrets: inherit`; the job fails or silently runs without the credential.",
    "Declare the secret under on.workflow_call.secrets (with required: true if the job cannot work "
    "without it) and pass it from each caller.",
};

const RuleInfo kMissing{
    "missing-required-secret",
    "Caller does not pass a secret the reusable workflow requires",
    Family::missing_secret_ref,
    Severity::high,
    Confidence::high,
    "GitHub refuses to run the called workflow when a required secret is not passed; the pipeline breaks "
    "as soon as it is triggered.",
    "Pass the secret in the caller's `secrets:` map (NAME: ${{ secrets.NAME }}) and make sure the client "
    "creates it.",
};

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

struct Call {
    const Document* doc;
    const GhJob* job;
};

class ReusableWorkflowSecrets final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{kUndeclared, kMissing};
        return rules;
    }

    void check_project(const Project& project, FindingSink& sink) const override {
        // The loaders' models, owned by the project's documents, which outlive this call.
        std::map<const Document*, const GhWorkflow*> views;
        for (const auto& doc : project.documents) {
            if (is_github_workflow(*doc)) views.emplace(doc.get(), &github_view(*doc));
        }
        std::map<std::string, std::vector<Call>> callers;  // callee path -> calls
        for (const auto& [doc, wf] : views) {
            for (const GhJob& job : wf->jobs) {
                if (job.uses == nullptr) continue;
                GhUses uses = parse_uses(job.uses->value);
                if (uses.kind != GhUses::Kind::local) continue;
                callers[repo_root(doc->path()) + uses.path].push_back({doc, &job});
            }
        }
        for (const auto& [doc, wf] : views) {
            if (!wf->has_trigger("workflow_call")) continue;
            const std::vector<Call>& calls = callers[doc->path()];
            check_undeclared(*doc, *wf, calls, sink);
            for (const Call& call : calls) check_call(*doc, *call.doc, *call.job, sink);
        }
    }

private:
    static std::set<std::string> declared(const Document& doc) {
        std::set<std::string> names;
        for (const SecretDecl& d : doc.facts.secret_decls) {
            if (d.store == store::github_secret) names.insert(upper(d.name));
        }
        return names;
    }

    static void check_undeclared(const Document& doc, const GhWorkflow& wf, const std::vector<Call>& calls,
                                 FindingSink& sink) {
        bool inherited = std::any_of(calls.begin(), calls.end(), [](const Call& c) {
            return c.job->secrets != nullptr && c.job->secrets->is_scalar() && c.job->secrets->value == "inherit";
        });
        if (inherited) return;
        std::set<std::string> names = declared(doc);
        std::set<std::string> reported;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store != store::github_secret) continue;
            std::string name = upper(ref.name);
            if (names.count(name) != 0 || !reported.insert(name).second) continue;
            Hit hit = hit_at(ref.site);
            hit.message = "secrets." + ref.name + " is not declared under on.workflow_call.secrets, so a caller cannot pass it";
            if (!wf.only_called()) {
                hit.message += " (it is only set when the workflow runs on its other triggers)";
                hit.severity = Severity::low;
                hit.confidence = Confidence::low;
            } else if (!calls.empty()) {
                hit.message += "; the callers in this repository pass secrets by name";
                hit.confidence = Confidence::high;
            }
            sink.report(doc, kUndeclared, std::move(hit));
        }
    }

    static void check_call(const Document& callee, const Document& caller, const GhJob& job, FindingSink& sink) {
        const Node* passed = job.secrets;
        if (passed != nullptr && passed->is_scalar() && passed->value == "inherit") return;
        std::set<std::string> given;
        if (passed != nullptr && passed->is_map()) {
            for (const Node& s : passed->children) given.insert(upper(s.key));
        }
        for (const SecretDecl& d : callee.facts.secret_decls) {
            if (!d.required || given.count(upper(d.name)) != 0) continue;
            Hit hit;
            hit.span = job.uses->span;
            hit.node_path = child_path(job.path, "uses");
            hit.message = "job " + job.id + " calls " + callee.path() + " without the required secret " + d.name;
            sink.report(caller, kMissing, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_reusable_workflow_secrets() { return std::make_unique<ReusableWorkflowSecrets>(); }

} // namespace handoff
