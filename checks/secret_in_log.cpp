// secret-in-log: a CI script that writes a secret to the job log: echo of a secret,
// `set -x` with secrets in scope, an environment dump, a verbose tool given the secret,
// and a value derived from a secret written to step outputs without ::add-mask::.
// (fromJSON(secrets.X).field is unredacted-secret's.)
#include <re2/re2.h>

#include <algorithm>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/shell_text.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "secret-in-log",
    "Secret written to the job log",
    Family::embedded_token,
    Severity::medium,
    Confidence::medium,
    "Job logs are kept for months and readable by everyone with read access to the project (for public "
    "repositories: everyone). Log masking only hides the exact stored value, not a transformed, "
    "decoded or partial copy, and GitLab and Jenkins mask only variables configured for it.",
    "Never print secrets: remove the echo, turn off xtrace (set +x) around lines that use secrets, pass "
    "secrets on stdin rather than the command line, and register derived values with ::add-mask::.",
};

const RE2& print_pattern() {
    static const RE2 re(R"((?i)(?:^|[;&|('"]\s*)(?:echo|printf|write-host|write-output|write-verbose|console\.log|print)\b)");
    return re;
}
const RE2& xtrace_pattern() {
    static const RE2 re(R"((?:^|[;&]\s*)(?:set\s+(?:-[a-wyzA-Z]*x[a-zA-Z]*|-o\s+xtrace)\b|(?:ba)?sh\s+-[a-wyz]*x))");
    return re;
}
const RE2& dump_pattern() {
    static const RE2 re(R"((?i)^(?:env|printenv|export\s+-p|set|(?:get-childitem|gci|dir|ls)\s+env:\S*)\s*(?:\||$))");
    return re;
}
const RE2& verbose_pattern() {
    static const RE2 re(R"((?:^|[;&|]\s*)curl\b.*\s(?:-v\b|--verbose\b|--trace\b|--trace-ascii\b|-[a-zA-Z]*v[a-zA-Z]*\s))");
    return re;
}

// Text after the print command goes to the log unless redirected or piped away.
bool goes_to_log(std::string_view line) {
    return line.find('>') == std::string_view::npos && line.find('|') == std::string_view::npos;
}

class SecretInLog final : public SingleRuleCheck {
public:
    SecretInLog() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const auto* wf = doc.model_as<GhWorkflow>();
        for (const Exec& exec : doc.facts.execs) check_script(doc, sink, exec, wf);
    }

private:
    // An expression whose value is the secret itself (or a formatting of it), not a
    // test of it: ${{ secrets.X == '' }} prints true or false.
    static bool yields_value(const GhExpression& e) {
        if (e.body.find_first_of("=<>!") != std::string_view::npos) return false;
        for (const std::string& f : e.functions) {
            if (f != "format" && f != "tojson" && f != "join" && f != "fromjson") return false;
        }
        return true;
    }

    // GitHub and Jenkins mask the exact secret value in the log themselves.
    static bool masked(const Exec& exec) {
        return exec.kind == exec_kind::github_run || exec.kind == exec_kind::jenkins_shell ||
               exec.kind == exec_kind::jenkins_pipeline;
    }

    // The ${{ }} expressions of a run: script, as the loader parsed them; nullptr elsewhere.
    static const GhExpressions* script_expressions(const GhWorkflow* wf, const Exec& exec) {
        if (wf == nullptr) return nullptr;
        const GhExpressions* exprs = wf->expressions_at(exec.site.node_path);
        return exprs != nullptr && !exprs->bare ? exprs : nullptr;
    }

    // A secret the script text between offsets [begin, end) prints: an expression of the
    // script that lies in that range, or a secret variable the line mentions.
    static std::string secret_in(std::string_view line, std::size_t begin, std::size_t end, const Exec& exec,
                                 const GhExpressions* exprs) {
        if (exprs != nullptr) {
            for (const GhExpression& e : exprs->list) {
                if (e.begin < begin || e.end > end || !yields_value(e)) continue;
                for (const ContextRead& r : e.reads) {
                    if (r.path == "github.token") return "${{ github.token }}";
                    if (context_starts_with(r.path, "secrets")) return "${{ secrets." + r.last_name + " }}";
                }
            }
        }
        for (const std::string& var : exec.secret_vars) {
            if (mentions_variable(line, var)) return "$" + var;
        }
        return {};
    }

    // Lines inside `{ ... } > file` or `( ... ) > file`: their output goes to the file.
    static std::vector<bool> redirected_groups(const std::vector<ScriptLine>& lines) {
        std::vector<bool> out(lines.size(), false);
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string& t = lines[i].text;
            if (t == "{" || t == "(") {
                open.push_back(i);
            } else if (!open.empty() && (t[0] == '}' || t[0] == ')')) {
                std::size_t from = open.back();
                open.pop_back();
                if (t.find('>') != std::string::npos) {
                    for (std::size_t j = from; j <= i; ++j) out[j] = true;
                }
            }
        }
        return out;
    }

    static void report(const Document& doc, FindingSink& sink, const Exec& exec, const ScriptLine& line,
                       std::string message, Severity severity) {
        Hit hit;
        hit.span = line_span(doc, exec.site, line);
        hit.node_path = exec.site.node_path;
        hit.message = std::move(message);
        hit.severity = severity;
        sink.report(doc, kRule, std::move(hit));
    }

    static void check_script(const Document& doc, FindingSink& sink, const Exec& exec, const GhWorkflow* wf) {
        const GhExpressions* exprs = script_expressions(wf, exec);
        bool github = wf != nullptr;
        bool masked = SecretInLog::masked(exec);
        std::vector<ScriptLine> lines = script_lines(exec.command);
        bool masks = exec.command.find("add-mask") != std::string::npos;
        bool script_has_secrets =
            !exec.secret_vars.empty() || !secret_in(exec.command, 0, exec.command.size(), exec, exprs).empty();
        bool traced = false;
        std::vector<bool> redirected = redirected_groups(lines);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ScriptLine& line = lines[i];
            std::string secret = secret_in(line.text, line.begin, line.end, exec, exprs);
            if (!secret.empty() && !redirected[i] && line.text.find("::add-mask::") == std::string::npos &&
                RE2::PartialMatch(line.text, print_pattern()) && goes_to_log(line.text)) {
                std::string message = "prints " + secret + " to the job log";
                Severity severity = Severity::medium;
                if (masked) {
                    message += "; the CI masks the exact value, but not a transformed or partial copy";
                    severity = Severity::low;
                }
                report(doc, sink, exec, line, std::move(message), severity);
                continue;
            }
            if (!traced && script_has_secrets && RE2::PartialMatch(line.text, xtrace_pattern())) {
                traced = true;
                // Masking hides exact secret values in traced commands, not derived ones.
                report(doc, sink, exec, line, "turns on shell tracing (xtrace) while secrets are in scope; every command is echoed with its expanded arguments", masked ? Severity::low : Severity::medium);
                continue;
            }
            if (script_has_secrets && RE2::PartialMatch(line.text, dump_pattern())) {
                report(doc, sink, exec, line, "dumps the environment to the log while it holds secrets", Severity::medium);
                continue;
            }
            if (!secret.empty() && RE2::PartialMatch(line.text, verbose_pattern())) {
                report(doc, sink, exec, line, "runs curl in verbose mode with " + secret + ", which prints request headers to the log", Severity::medium);
                continue;
            }
            bool writes_output = line.text.find("GITHUB_OUTPUT") != std::string::npos ||
                                 line.text.find("GITHUB_ENV") != std::string::npos;
            bool derived = line.text.find("$(") != std::string::npos || line.text.find('`') != std::string::npos;
            if (github && !masks && !secret.empty() && writes_output && derived) {
                report(doc, sink, exec, line, "writes a value derived from " + secret + " to step outputs or the environment without ::add-mask::, so later steps may print it unmasked", Severity::medium);
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_secret_in_log() { return std::make_unique<SecretInLog>(); }

} // namespace handoff
