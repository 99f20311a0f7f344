// excessive-permissions: the GITHUB_TOKEN holds more than the jobs need: write-all,
// no permissions: block at all (the repository default), write scopes granted at
// workflow level to several jobs, or handed to a local reusable workflow that declares none.
#include <algorithm>
#include <map>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "excessive-permissions",
    "GITHUB_TOKEN has more permissions than the jobs need",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::medium,
    "Every step, action and injected command in a job can use its GITHUB_TOKEN. A token that can push "
    "code, publish packages or edit releases turns any compromised step into a repository takeover.",
    "Set `permissions: {}` or `contents: read` at workflow level and grant write scopes only to the "
    "jobs that need them.",
};

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

class ExcessivePermissions final : public SingleRuleCheck {
public:
    ExcessivePermissions() : SingleRuleCheck(kRule) {}

    // A job calling a reusable workflow of this repository hands it the caller's token; a
    // callee that declares no permissions of its own runs every job with all of them.
    void check_project(const Project& project, FindingSink& sink) const override {
        std::map<std::string, const GhWorkflow*> workflows;  // by path
        for (const auto& doc : project.documents) {
            if (is_github_workflow(*doc)) workflows.emplace(doc->path(), &github_view(*doc));
        }
        for (const auto& doc : project.documents) {
            if (!is_github_workflow(*doc)) continue;
            const GhWorkflow& wf = github_view(*doc);
            for (const GhJob& job : wf.jobs) {
                if (job.uses == nullptr || job.permissions != nullptr || wf.permissions == nullptr) continue;
                GhUses uses = parse_uses(job.uses->value);
                if (uses.kind != GhUses::Kind::local) continue;
                auto callee = workflows.find(repo_root(doc->path()) + uses.path);
                if (callee == workflows.end() || declares_permissions(*callee->second)) continue;
                std::vector<std::string> writes;
                for (const GhScope& scope : permission_scopes(wf.permissions)) {
                    if (scope.level == "write") writes.push_back(scope.scope == "all" ? "write-all" : scope.scope + ": write");
                }
                if (writes.empty()) continue;
                Hit hit;
                hit.span = job.uses->span;
                hit.node_path = child_path(job.path, "uses");
                hit.message = "job " + job.id + " calls " + uses.path + " with the workflow's " + join(writes) +
                              ", and the called workflow declares no permissions, so every job in it gets them; "
                              "set permissions: on this job to what the called workflow needs";
                sink.report(*doc, kRule, std::move(hit));
            }
        }
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        if (wf.jobs.empty()) return;
        report_blanket(doc, sink, wf.permissions, "permissions", "the workflow");
        std::vector<std::string> inheriting;
        for (const GhJob& job : wf.jobs) {
            report_blanket(doc, sink, job.permissions, child_path(job.path, "permissions"), "job " + job.id);
            if (job.permissions == nullptr) inheriting.push_back(job.id);
        }
        if (inheriting.empty()) return;
        if (wf.permissions == nullptr) {
            // A reusable workflow runs with whatever its caller grants.
            if (wf.only_called()) return;
            const Node* jobs = wf.root->find("jobs");
            Hit hit;
            hit.span = jobs->key_span;
            hit.node_path = "jobs";
            hit.message = "no permissions: block, so " + std::string(inheriting.size() == 1 ? "job " : "jobs ") +
                          join(inheriting) + " run with the repository's default GITHUB_TOKEN permissions";
            // Who can make a step run with that token, and what it guards, decide how much it
            // matters: on push, pull_request (read-only from forks), dispatch or schedule only a
            // compromised dependency could use it, and outside a release nothing ships with it.
            if (!outsider_triggered(wf) && !releases(wf)) {
                hit.severity = Severity::low;
                hit.message += " (write-all in repositories created before February 2023); no trigger lets an "
                               "outsider start this workflow and it does not run on a release or tag";
            }
            sink.report(doc, kRule, std::move(hit));
            return;
        }
        if (inheriting.size() < 2) return;
        // Reusable workflow calls pass the scopes on to a workflow handoff cannot read here;
        // when every inheriting job is such a call, nothing says one of them does not need it.
        bool runs_steps = std::any_of(wf.jobs.begin(), wf.jobs.end(),
                                      [](const GhJob& j) { return j.permissions == nullptr && j.uses == nullptr; });
        if (!runs_steps) return;
        for (const GhScope& scope : permission_scopes(wf.permissions)) {
            if (scope.level != "write" || scope.scope == "all") continue;
            // id-token and pages are used by steps handoff can recognise: when every job
            // that inherits the scope uses it, the workflow level is the right place.
            std::vector<std::string> idle;
            for (const GhJob& job : wf.jobs) {
                if (job.permissions == nullptr && !job_uses_scope(job, scope.scope)) idle.push_back(job.id);
            }
            if (idle.empty()) continue;
            Hit hit;
            hit.span = scope.node->key_span;
            hit.node_path = child_path("permissions", scope.node->key);
            hit.message = scope.scope + ": write is granted at workflow level to every job (" + join(inheriting) +
                          "); grant it only to the jobs that need it";
            if (idle.size() < inheriting.size()) hit.message += " (" + join(idle) + " does not use it)";
            sink.report(doc, kRule, std::move(hit));
        }
    }

private:
    // Some permissions: block in the workflow or in every one of its jobs.
    static bool declares_permissions(const GhWorkflow& wf) {
        if (wf.permissions != nullptr) return true;
        return !wf.jobs.empty() &&
               std::all_of(wf.jobs.begin(), wf.jobs.end(), [](const GhJob& j) { return j.permissions != nullptr; });
    }

    static bool outsider_triggered(const GhWorkflow& wf) {
        for (const GhTrigger& t : wf.triggers) {
            if (outsider_trigger(t.event)) return true;
        }
        return false;
    }

    // Runs when a release is published or a tag is pushed: what it builds ships.
    static bool releases(const GhWorkflow& wf) {
        for (const GhTrigger& t : wf.triggers) {
            if (t.event == "release" || t.event == "registry_package" || t.event == "deployment") return true;
            if (t.event == "push" && t.node != nullptr && t.node->find("tags") != nullptr) return true;
        }
        return false;
    }

    static void report_blanket(const Document& doc, FindingSink& sink, const Node* perms, const std::string& path,
                               const std::string& holder) {
        if (perms == nullptr || !perms->is_scalar()) return;
        for (const GhScope& scope : permission_scopes(perms)) {
            Hit hit;
            hit.span = perms->span;
            hit.node_path = path;
            if (scope.level == "write") {
                hit.message = holder + " grants write-all: the token can write to every scope";
                hit.severity = Severity::high;
                hit.confidence = Confidence::high;
            } else {
                hit.message = holder + " grants read-all: the token can read every scope, including security alerts";
                hit.severity = Severity::low;
                hit.confidence = Confidence::high;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_excessive_permissions() { return std::make_unique<ExcessivePermissions>(); }

} // namespace handoff
