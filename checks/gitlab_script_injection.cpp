// gitlab-script-injection: a GitLab CI script that expands text a merge request author or
// pusher chooses ($CI_MERGE_REQUEST_TITLE, $CI_COMMIT_MESSAGE, $CI_COMMIT_BRANCH, ...)
// inside code another interpreter parses: eval, sh -c "...", python -c, node -e, ... A
// plain "$CI_COMMIT_MESSAGE" argument is not reported: the shell does not parse an
// expanded value again, and GitLab passes scripts to the shell without substituting them.
#include <re2/re2.h>

#include <unordered_set>

#include "checks/registry.hpp"
#include "checks/support/gitlab.hpp"
#include "core/shell_text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-script-injection",
    "Merge request or commit text run as code in a GitLab CI script",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "The shell expands $CI_MERGE_REQUEST_TITLE or $CI_COMMIT_MESSAGE before eval, sh -c or python -c "
    "parse the result, so a title or branch name such as $(curl ...|sh) becomes code that runs with the "
    "job's token and variables.",
    "Pass the text as data, never as code: drop the eval or -c, or quote the code in single quotes and "
    "read the variable inside it (sh -c 'echo \"$CI_COMMIT_MESSAGE\"'), or write it to a file and read the file.",
};

// The start of code another interpreter parses: eval "...", sh -c "...", python -c "...",
// and ssh, whose command the remote shell parses.
const RE2& code_marker() {
    static const RE2 re(
        R"((?i)(?:^|[\s;&|(`])((?:eval|(?:ba|z|da|k|a)?sh\s+-[a-z]*c|python[0-9.]*\s+-c|node\s+(?:-e|-p|--eval)|perl\s+-[a-z]*e|ruby\s+-e|php\s+-r|(?:pwsh|powershell)(?:\.exe)?\s+-c(?:ommand)?|invoke-expression|iex|osascript\s+-e|ssh|su\s+(?:-\S*\s+)*-c)\b))");
    return re;
}

struct Expansion {
    std::string name;
    std::size_t offset = 0;
};

// $NAME and ${NAME} the outer shell expands: outside single quotes.
std::vector<Expansion> outer_expansions(std::string_view line) {
    std::vector<Expansion> out;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && quote != '\'') {
            ++i;
            continue;
        }
        if (quote == '\'') {
            if (c == '\'') quote = 0;
            continue;
        }
        if (c == '\'' && quote == 0) {
            quote = '\'';
        } else if (c == '"') {
            quote = quote == '"' ? 0 : '"';
        } else if (c == '$') {
            for (const GlVarUse& use : gitlab_variable_uses(line.substr(i, 80))) {
                if (use.offset == 0) out.push_back({use.name, i});
                break;
            }
        }
    }
    return out;
}

class GitlabScriptInjection final : public SingleRuleCheck {
public:
    GitlabScriptInjection() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr) return;
        // Lines merged into many jobs (<<: *template) are judged once, where written.
        std::unordered_set<std::uint32_t> seen;
        check_job(doc, sink, p->defaults, seen);
        for (const GlJob& job : p->jobs) check_job(doc, sink, job, seen);
    }

private:
    static void check_job(const Document& doc, FindingSink& sink, const GlJob& job, std::unordered_set<std::uint32_t>& seen) {
        for (const GlScript* s : {&job.before_script, &job.script, &job.after_script}) {
            for (const GlLine& line : s->lines) {
                if (!seen.insert(line.node->span.begin).second) continue;
                if (line.node->value.find("CI_") == std::string::npos) continue;
                for (const ScriptLine& sl : script_lines(line.node->value)) check_line(doc, sink, line, sl);
            }
        }
    }

    static void check_line(const Document& doc, FindingSink& sink, const GlLine& line, const ScriptLine& sl) {
        re2::StringPiece marker;
        if (!RE2::PartialMatch(sl.text, code_marker(), &marker)) return;
        auto from = static_cast<std::size_t>(marker.data() - sl.text.data());
        for (const Expansion& e : outer_expansions(sl.text)) {
            if (e.offset < from || !gitlab_untrusted_variable(e.name)) continue;
            Hit hit;
            hit.span = line_span(doc, Site{line.node->span, line.path}, sl);
            hit.node_path = line.path;
            std::string what(marker.data(), marker.size());
            std::string sink_text = what == "ssh" ? "the command ssh hands to the remote shell" : "code that " + what + " parses";
            hit.message = "expands $" + e.name + " into " + sink_text + "; text such as $(curl ...|sh) in it runs there";
            sink.report(doc, kRule, std::move(hit));
            return;
        }
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_script_injection() { return std::make_unique<GitlabScriptInjection>(); }

} // namespace handoff
