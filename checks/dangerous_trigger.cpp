// dangerous-trigger: pull_request_target or workflow_run jobs that check out the
// untrusted head and so run a fork's code with the base repository's token and secrets;
// workflow_run jobs that use artifacts of the untrusted run; issue and comment jobs that
// hold write permissions or secrets without checking who triggered them.
#include <array>
#include <algorithm>
#include <set>

#include "checks/registry.hpp"
#include "checks/support/ai_agents.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "dangerous-trigger",
    "Privileged trigger runs code or acts for an outsider",
    Family::unsafe_permission,
    Severity::high,
    Confidence::medium,
    "pull_request_target and workflow_run run with the base repository's token and secrets even for "
    "pull requests from forks; checking out the fork's head and building it hands those to the fork's "
    "author (a \"pwn request\"). Issue and comment triggers fire for anyone.",
    "Use the pull_request trigger to build fork code; if pull_request_target is needed, do not check out "
    "the head, or split the work: an unprivileged pull_request workflow builds, a privileged one only "
    "reads its results. Guard issue and comment jobs with author_association or a permission check.",
};

bool runs_code_after(const GhJob& job, const GhStep* from) {
    bool after = false;
    for (const GhStep& step : job.steps) {
        if (&step == from) { after = true; continue; }
        if (after && (step.run != nullptr || !step.uses_text().empty())) return true;
    }
    return false;
}

class DangerousTrigger final : public SingleRuleCheck {
public:
    DangerousTrigger() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        std::string privileged = wf.has_trigger("pull_request_target") ? "pull_request_target"
                                 : wf.has_trigger("workflow_run")       ? "workflow_run"
                                                                        : "";
        std::string open_event;
        for (const char* e : {"issue_comment", "issues", "discussion_comment", "discussion"}) {
            if (wf.has_trigger(e)) { open_event = e; break; }
        }
        std::set<std::string> secret_jobs;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store == store::github_secret) secret_jobs.insert(ref.owner);
        }
        bool workflow_secrets = secret_jobs.count("") != 0;
        bool reported = false;
        for (const GhJob& job : wf.jobs) {
            if (!privileged.empty()) reported = check_privileged(doc, sink, job, privileged) || reported;
            if (!open_event.empty()) {
                bool secrets = workflow_secrets || secret_jobs.count(job.id) != 0;
                check_open(doc, sink, wf, job, open_event, secrets);
            }
        }
        if (!privileged.empty() && !reported) report_trigger(doc, sink, wf, privileged);
    }

private:
    // pull_request_target and workflow_run are reported even when no job runs the untrusted
    // code today: the trigger hands the base repository's token and secrets to every run a
    // fork can start, and one later edit (a checkout of the head, a cache, an artifact) is
    // enough to give them away.
    static void report_trigger(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const std::string& event) {
        const GhTrigger* trigger = wf.trigger(event);
        if (trigger == nullptr || trigger->node == nullptr) return;
        Hit hit;
        bool keyed = trigger->node != wf.on && !trigger->node->key.empty();  // on: {pull_request_target: ...}
        hit.span = keyed ? trigger->node->key_span : trigger->node->span;
        hit.node_path = keyed ? child_path("on", event) : "on";
        hit.message = event + " runs with the base repository's token and secrets for runs a fork can start; no job "
                      "checks out or runs the untrusted code here, keep it that way (or use " +
                      (event == "workflow_run" ? std::string("a trigger without the privileged context") : std::string("pull_request")) +
                      ")";
        hit.severity = Severity::low;
        hit.confidence = Confidence::medium;
        sink.report(doc, kRule, std::move(hit));
    }

    static bool check_privileged(const Document& doc, FindingSink& sink, const GhJob& job, const std::string& event) {
        const GhStep* checkout = untrusted_head_checkout(job);
        bool artifact = false;
        if (checkout == nullptr && event == "workflow_run") {
            checkout = foreign_artifact_download(job);
            artifact = checkout != nullptr;
        }
        if (checkout == nullptr) return false;
        Hit hit;
        hit.span = checkout->node->span;
        hit.node_path = checkout->path;
        hit.message = artifact ? "job " + job.id + " runs on workflow_run and uses artifacts of the triggering, untrusted run"
                               : "job " + job.id + " runs on " + event + " and checks out the untrusted head";
        bool runs = runs_code_after(job, checkout);
        if (runs) hit.message += ", then runs code with the base repository's token and secrets";
        if (job_guarded(job)) {
            hit.message += " (the job checks who triggered it)";
            hit.severity = Severity::low;
        } else if (job.environment != nullptr) {
            hit.message += " (the job's environment may require an approval first)";
            hit.severity = Severity::medium;
        } else if (artifact) {
            hit.severity = Severity::medium;
        } else if (runs) {
            hit.confidence = Confidence::high;
        }
        sink.report(doc, kRule, std::move(hit));
        return true;
    }

    // contains(github.event.issue.labels.*.name, 'x') or github.event.label.name == 'x' on
    // the job, or on every step when the job itself has no condition.
    static bool label_condition(const Node* condition) {
        if (condition == nullptr) return false;
        std::string c = lower(condition->value);
        return contains(c, "labels.*.name") || contains(c, "event.label.name");
    }
    static bool label_gated(const GhJob& job) {
        if (label_condition(job.condition)) return true;
        return !job.steps.empty() &&
               std::all_of(job.steps.begin(), job.steps.end(), [](const GhStep& s) { return label_condition(s.condition); });
    }

    static void check_open(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const GhJob& job,
                           const std::string& event, bool secrets) {
        // A reusable workflow call is judged where its steps are; agents by ai-agent-exposure.
        if (job.steps.empty() || job.uses != nullptr) return;
        for (const GhStep& step : job.steps) {
            if (!agent_of_step(step).empty()) return;
        }
        bool write = grants_write(effective_permissions(wf, job));
        if ((!write && !secrets) || job_guarded(job)) return;
        Hit hit;
        hit.span = job.node->key_span;
        hit.node_path = job.path;
        std::string holds = write && secrets ? "write permissions and secrets" : write ? "write permissions" : "secrets";
        hit.message = "job " + job.id + " runs on " + event + ", which anyone can trigger, with " + holds +
                      " and no check of who triggered it";
        hit.severity = secrets ? Severity::medium : Severity::low;
        hit.confidence = Confidence::low;
        if (job.environment != nullptr) {
            // Protection rules on the environment (required reviewers) can stop an outsider's run.
            hit.message += " (the job's environment may require an approval first)";
            hit.severity = Severity::low;
        }
        if (label_gated(job)) {
            // Adding a label takes triage rights; an issue template can still apply one on open.
            hit.message = "job " + job.id + " runs on " + event + " with " + holds +
                          " and no check of who triggered it, but only for issues carrying a label: adding one "
                          "needs triage rights (unless an issue template applies it)";
            hit.severity = Severity::low;
        }
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_dangerous_trigger() { return std::make_unique<DangerousTrigger>(); }

} // namespace handoff
