// insecure-commands: ACTIONS_ALLOW_UNSECURE_COMMANDS turned on for a workflow, job or
// step, which revives the ::set-env and ::add-path log commands: any line a step prints
// (an issue title, a test log, a downloaded file) can then set environment variables or
// PATH for the steps after it.
#include <string>
#include <utility>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/shell_text.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "insecure-commands",
    "Deprecated ::set-env and ::add-path commands re-enabled",
    Family::unsafe_permission,
    Severity::high,
    Confidence::high,
    "ACTIONS_ALLOW_UNSECURE_COMMANDS brings back the ::set-env and ::add-path workflow commands GitHub "
    "disabled in 2020 because any text a step prints can use them: a PR title, a commit message or a test "
    "log that contains ::set-env name=BASH_ENV::... sets variables or PATH for every later step.",
    "Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to the environment files instead: "
    "echo \"NAME=value\" >> \"$GITHUB_ENV\" and echo \"/some/dir\" >> \"$GITHUB_PATH\"; update actions "
    "that still print ::set-env.",
};

constexpr std::string_view kVariable = "ACTIONS_ALLOW_UNSECURE_COMMANDS";

// The runner compares the value with "true" ignoring case; nothing else turns it on.
enum class Value : unsigned char { off, on, expression };

Value classify(const Node& value) {
    if (!value.is_scalar()) return Value::off;
    std::string_view v = trim(value.value);
    if (truthy_value(v)) return Value::on;
    if (contains(v, "${{")) return Value::expression;
    return Value::off;
}

// ::set-env / ::add-path still printed by a script of the job.
bool uses_old_commands(const GhJob& job) {
    for (const GhStep& step : job.steps) {
        if (step.run == nullptr) continue;
        if (contains(step.run->value, "::set-env") || contains(step.run->value, "::add-path")) return true;
    }
    return false;
}

class InsecureCommands final : public SingleRuleCheck {
public:
    InsecureCommands() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        bool any_old_commands = false;
        for (const GhJob& job : wf.jobs) any_old_commands = any_old_commands || uses_old_commands(job);
        // The raw env: nodes: the model keeps only maps, and an env: that is one expression
        // matters here too.
        const Node* wf_env = nullptr;
        if (wf.root != nullptr && wf.root->is_map()) wf_env = wf.is_action ? wf.root->get({"runs", "env"}) : wf.root->find("env");
        check_env(doc, sink, wf_env, wf.is_action ? "runs.env" : "env", wf.is_action ? "the action" : "the whole workflow",
                  any_old_commands);
        for (const GhJob& job : wf.jobs) {
            bool old = uses_old_commands(job);
            if (!job.id.empty()) check_env(doc, sink, raw_env(job.node), child_path(job.path, "env"), "job " + job.id, old);
            for (const GhStep& step : job.steps) {
                std::string who = step.name.empty() ? "a step of " + (job.id.empty() ? std::string("the action") : "job " + job.id)
                                                    : "step \"" + step.name + "\"";
                check_env(doc, sink, raw_env(step.node), child_path(step.path, "env"), who, old);
                if (step.run != nullptr) check_script(doc, sink, step, job, old);
            }
        }
    }

private:
    static const Node* raw_env(const Node* owner) {
        return owner != nullptr && owner->is_map() ? owner->find("env") : nullptr;
    }

    static void check_env(const Document& doc, FindingSink& sink, const Node* env, const std::string& path,
                          const std::string& who, bool old_commands) {
        if (env == nullptr) return;
        if (env->is_scalar() && contains(env->value, "${{")) {
            // env: ${{ fromJSON(...) }}: the whole environment is computed.
            if (!icontains(env->value, kVariable)) return;
            Hit hit;
            hit.span = env->span;
            hit.node_path = path;
            hit.message = "the environment of " + who + " is computed by an expression that names " + std::string(kVariable);
            hit.severity = Severity::medium;
            hit.confidence = Confidence::low;
            sink.report(doc, kRule, std::move(hit));
            return;
        }
        if (!env->is_map()) return;
        for (const Node& var : env->children) {
            // Environment variable names are case-insensitive on Windows runners only; the
            // runner itself looks the name up exactly.
            if (var.key != kVariable) continue;
            Value v = classify(var);
            if (v == Value::off) continue;
            Hit hit;
            hit.span = member_span(var);
            hit.node_path = child_path(path, var.key);
            hit.message = std::string(kVariable) + " is " + std::string(trim(var.value)) + " for " + who +
                          ": any line a step prints can set environment variables or PATH with ::set-env or ::add-path";
            if (old_commands) hit.message += " (the scripts still use ::set-env or ::add-path: write to $GITHUB_ENV or $GITHUB_PATH)";
            if (v == Value::expression) {
                hit.message = std::string(kVariable) + " is set from an expression for " + who +
                              ": when it evaluates to true, any line a step prints can set environment variables or PATH";
                hit.severity = Severity::medium;
                hit.confidence = Confidence::low;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }

    // echo "ACTIONS_ALLOW_UNSECURE_COMMANDS=true" >> $GITHUB_ENV turns it on for the later steps.
    static void check_script(const Document& doc, FindingSink& sink, const GhStep& step, const GhJob& job, bool old_commands) {
        const std::string& script = step.run->value;
        if (!contains(script, kVariable)) return;
        Site site{step.run->span, child_path(step.path, "run")};
        for (const ScriptLine& line : script_lines(script)) {
            std::size_t at = line.text.find(kVariable);
            if (at == std::string::npos) continue;
            std::string_view rest = std::string_view(line.text).substr(at + kVariable.size());
            if (!rest.starts_with("=")) continue;
            rest.remove_prefix(1);
            rest = trim(rest, " \t\"'");
            if (!iequals(rest.substr(0, 4), "true")) continue;
            if (!mentions_variable(line.text, "GITHUB_ENV")) continue;
            Hit hit;
            hit.span = line_span(doc, site, line);
            hit.node_path = site.node_path;
            hit.message = "a script of " + (job.id.empty() ? std::string("the action") : "job " + job.id) + " writes " +
                          std::string(kVariable) + "=true to $GITHUB_ENV: every later step's output can set environment "
                          "variables or PATH with ::set-env or ::add-path";
            if (old_commands) hit.message += " (the scripts still use ::set-env or ::add-path: write to $GITHUB_ENV or $GITHUB_PATH)";
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_insecure_commands() { return std::make_unique<InsecureCommands>(); }

} // namespace handoff
