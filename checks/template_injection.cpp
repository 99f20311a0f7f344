// template-injection: an attacker-controlled context expanded by `${{ }}` into code:
// a run: script, actions/github-script's script:, or an AI agent's prompt.
#include <map>
#include <set>
#include <utility>

#include "checks/registry.hpp"
#include "checks/support/ai_agents.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"

namespace handoff {
namespace {

enum class SinkKind : unsigned char { shell, script, prompt };

struct Sink {
    SinkKind kind = SinkKind::shell;
    bool guarded = false;  // the job only runs for trusted actors
    std::string action{};  // owner/repo:input of a code input
};

const RuleInfo kRule{
    "template-injection",
    "Untrusted input expanded into a script or prompt",
    Family::unsafe_permission,
    Severity::high,
    Confidence::high,
    "GitHub expands ${{ }} before the shell or script runs, so an issue title, PR body, branch name or "
    "commit message becomes code that runs with the job's token and secrets.",
    "Pass the value through an environment variable (env: TITLE: ${{ github.event.issue.title }}) and "
    "use \"$TITLE\" in the script; never expand untrusted contexts inside run:, script: or a prompt.",
};

std::string sink_words(const Sink& sink) {
    switch (sink.kind) {
    case SinkKind::shell: return "a run: script";
    case SinkKind::script: return sink.action + ", which runs as code";
    case SinkKind::prompt: return "an AI agent's prompt";
    }
    return "code";
}

class TemplateInjection final : public SingleRuleCheck {
public:
    TemplateInjection() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc) || doc.facts.untrusted.empty()) return;
        const GhWorkflow& wf = github_view(doc);
        std::map<std::string, Sink> sinks = sink_paths(wf);
        std::set<std::string> typed = typed_inputs(wf);
        // One finding per expression, even when it reads several tainted contexts.
        std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
        for (const Untrusted& u : doc.facts.untrusted) {
            auto where = sinks.find(u.site.node_path);
            if (where == sinks.end()) continue;
            Taint taint = context_taint(u.source);
            if (taint == Taint::caller && typed.count(input_name(u.source)) != 0) continue;
            if (!seen.insert({u.site.span.begin, u.site.span.end}).second) continue;
            Hit hit = hit_at(u.site);
            std::string what = u.via.empty() ? u.source : u.via + " (set from " + u.source + ")";
            hit.message = what + " is expanded into " + sink_words(where->second);
            if (where->second.guarded) {
                hit.message += "; the job only runs for trusted users";
                hit.severity = Severity::low;
                hit.confidence = Confidence::medium;
            } else if (taint == Taint::caller && wf.is_action) {
                // A composite action's input is whatever its callers pass: an issue title
                // passed by one caller runs as code here.
                hit.message += "; the action's callers choose its value, and one that passes an issue title or "
                               "branch name runs it as code";
                hit.severity = Severity::low;
                hit.confidence = Confidence::low;
            } else if (taint == Taint::caller) {
                hit.message += "; whoever triggers or calls the workflow chooses its value";
                hit.severity = Severity::low;
                hit.confidence = Confidence::medium;
            } else if (where->second.kind == SinkKind::prompt) {
                hit.message += "; an outsider can steer the agent";
                hit.confidence = Confidence::medium;
            } else {
                hit.message += "; an outsider controls its text";
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }

private:
    // inputs.x / github.event.inputs.x -> x
    static std::string input_name(const std::string& path) { return path.substr(path.rfind('.') + 1); }

    // Inputs declared as boolean, number or choice cannot carry shell syntax.
    static std::set<std::string> typed_inputs(const GhWorkflow& wf) {
        std::set<std::string> out;
        if (wf.on == nullptr || !wf.on->is_map()) return out;
        for (const char* event : {"workflow_dispatch", "workflow_call"}) {
            const Node* inputs = wf.on->get({event, "inputs"});
            if (inputs == nullptr || !inputs->is_map()) continue;
            for (const Node& input : inputs->children) {
                std::string_view type = input.text("type");
                if (type == "boolean" || type == "number" || type == "choice") {
                    out.insert(lower(input.key));
                }
            }
        }
        return out;
    }

    static std::map<std::string, Sink> sink_paths(const GhWorkflow& wf) {
        std::map<std::string, Sink> out;
        for (const GhJob& job : wf.jobs) {
            bool guarded = job.condition != nullptr && guards_actor(job.condition->value);
            for (const GhStep& step : job.steps) {
                if (step.run != nullptr) out[child_path(step.path, "run")] = {SinkKind::shell, guarded};
                if (step.with == nullptr) continue;
                std::string with = child_path(step.path, "with");
                GhUses uses = parse_uses(step.uses_text());
                std::string slug = uses_slug(uses);
                if (!uses.path.empty()) slug += "/" + uses.path;
                for (std::string_view input : code_inputs(slug)) {
                    if (step.with->find(input) != nullptr) {
                        out[child_path(with, input)] = {SinkKind::script, guarded, slug + "'s " + std::string(input)};
                    }
                }
                if (agent_of_step(step).empty()) continue;
                for (const Node& input : step.with->children) {
                    if (is_prompt_input(input.key)) out[child_path(with, input.key)] = {SinkKind::prompt, guarded};
                }
            }
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Check> make_template_injection() { return std::make_unique<TemplateInjection>(); }

} // namespace handoff
