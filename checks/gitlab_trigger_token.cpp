// gitlab-trigger-token: a CI script that calls GitLab's pipeline trigger API with a
// literal token instead of a CI/CD variable.
#include <re2/re2.h>

#include "checks/registry.hpp"
#include "core/shell_text.hpp"
#include "core/redact.hpp"
#include "core/tree.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "gitlab-trigger-token",
    "GitLab pipeline trigger token written in a CI script",
    Family::open_webhook,
    Severity::high,
    Confidence::high,
    "A pipeline trigger token starts pipelines of the target project (with the variables the caller "
    "chooses) for anyone who has it; written in a CI file it is readable by everyone who can read the "
    "repository.",
    "Revoke the trigger token in Settings > CI/CD > Pipeline trigger tokens, create a new one and pass it "
    "as a masked CI/CD variable (token=$TRIGGER_TOKEN), or use the trigger: keyword with CI_JOB_TOKEN.",
};

const RE2& trigger_call() {
    static const RE2 re(R"((?i)trigger/pipeline)");
    return re;
}
// token=VALUE or "token": "VALUE"; a $VARIABLE does not match.
const RE2& literal_token() {
    static const RE2 re(R"((?:[?&\s"']token=|-F\s*["']?token=|"token"\s*:\s*")([A-Za-z0-9_-]{16,}))");
    return re;
}

class GitlabTriggerToken final : public SingleRuleCheck {
public:
    GitlabTriggerToken() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Exec& exec : doc.facts.execs) {
            if (!exec_kind::ci_script(exec.kind)) continue;
            for (const ScriptLine& line : script_lines(exec.command)) {
                if (!RE2::PartialMatch(line.text, trigger_call())) continue;
                std::string token;
                if (!RE2::PartialMatch(line.text, literal_token(), &token)) continue;
                Span where = line_span(doc, exec.site, line);
                Hit hit;
                hit.span = span_of_text(doc.bytes(), where, token);
                hit.node_path = exec.site.node_path;
                hit.message = "the pipeline trigger token is written in the script";
                hit.evidence = redact(token);
                hit.identity = token;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_trigger_token() { return std::make_unique<GitlabTriggerToken>(); }

} // namespace handoff
