// github-env-injection: a script of a workflow an outsider can trigger writes data the
// outsider controls to $GITHUB_ENV or $GITHUB_PATH. A line break in that data adds a
// variable of the outsider's choosing (BASH_ENV, LD_PRELOAD, GIT_SSH_COMMAND) or a PATH
// entry for every later step: code execution with the job's token and secrets.
#include <re2/re2.h>

#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/shell_text.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "github-env-injection",
    "Untrusted data written to $GITHUB_ENV or $GITHUB_PATH",
    Family::unsafe_permission,
    Severity::high,
    Confidence::medium,
    "Every line written to $GITHUB_ENV becomes an environment variable of the later steps, and every line of "
    "$GITHUB_PATH a PATH entry. When an outsider's text (a comment or PR body, a commit message, a file of an "
    "untrusted checkout or artifact) is written there, one line break lets them set BASH_ENV or LD_PRELOAD "
    "(the runner refuses NODE_OPTIONS) and run code with the job's token and secrets.",
    "Do not write untrusted data to the environment files: pass it to the step that needs it through env: and "
    "read it as \"$VAR\", or validate it first (a PR number with [[ $N =~ ^[0-9]+$ ]]). For multi-line values "
    "use a random heredoc delimiter, never a fixed EOF.",
};

// A write to an environment file: a redirection (bash, sh, cmd, pwsh) or a command that
// writes to a file named by the variable (tee, Out-File, Add-Content, Set-Content).
const RE2& redirect_pattern() {
    static const RE2 re(R"re((?i)>{1,2}\s*["']?(?:\$\{?|\$env:|%)(github_env|github_path|github_output)\b)re");
    return re;
}
const RE2& command_pattern() {
    static const RE2 re(
        R"re((?i)\b(?:tee|tee-object|out-file|add-content|set-content)\b[^|;]*?["']?(?:\$\{?|\$env:)(github_env|github_path|github_output)\b)re");
    return re;
}
// The delimiter of a heredoc the line starts (cat <<EOF >> "$GITHUB_ENV"), or empty; a
// << inside quotes (echo "BODY<<EOF") is the environment file's own multi-line syntax.
std::string heredoc_delimiter(std::string_view line) {
    char quote = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        char c = line[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') { quote = c; continue; }
        if (c != '<' || line[i + 1] != '<' || (i + 2 < line.size() && line[i + 2] == '<')) continue;
        std::size_t at = i + 2;
        if (at < line.size() && line[at] == '-') ++at;
        while (at < line.size() && (line[at] == ' ' || line[at] == '"' || line[at] == '\'')) ++at;
        std::size_t start = at;
        while (at < line.size() && (std::isalnum(static_cast<unsigned char>(line[at])) != 0 || line[at] == '_')) ++at;
        return std::string(line.substr(start, at - start));
    }
    return {};
}
// Data read from a file, or printed by code of the checkout: what an untrusted checkout or
// artifact controls. $(date), $(pwd), $(git rev-parse ...) are not.
const RE2& file_data_pattern() {
    static const RE2 re(
        R"re(((?:^|[|;&`(]|\$\()\s*(?:cat|jq|head|tail|xargs|gc|(?i:get-content))\b|\$\(<|(?:^|[^<])<\s*["']?[\w./$]|\$\(\s*(?:\./|node\b|python3?\b|npm\b|npx\b|yarn\b|pnpm\b|make\b|bash\b|sh\b|ruby\b|go run\b|cargo\b|git (?:log|show|describe|for-each-ref)\b)))re");
    return re;
}
// A folder of the workspace, which an untrusted checkout fills.
const RE2& workspace_pattern() {
    static const RE2 re(R"re((?i)(\$\(pwd\)|\$pwd\b|\$\{?github_workspace\b|\$\{\{\s*github\.workspace\s*\}\}|\$env:github_workspace))re");
    return re;
}

// A shell variable assignment at the start of a line: NAME=..., export NAME=..., local NAME=...
const RE2& assignment_pattern() {
    static const RE2 re(R"re(^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=)re");
    return re;
}
// read [-r] NAME < file
const RE2& read_pattern() {
    static const RE2 re(R"re(^\s*read\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*<)re");
    return re;
}

// An outsider's text that can hold a line break: bodies, commit messages, whole objects.
bool multi_line(std::string_view path) {
    std::size_t dot = path.rfind('.');
    std::string_view last = dot == std::string_view::npos ? path : path.substr(dot + 1);
    if (last == "body" || last == "message") return true;
    // toJSON(github.event.pull_request): the whole object, bodies included.
    return last != "title" && last != "ref" && last != "head_ref" && last != "label" && last != "name" &&
           last != "email" && last != "head_branch" && last != "display_title" && last != "page_name" &&
           last != "default_branch" && last != "description";
}

// A heredoc, { } group or loop longer than this is read as its redirecting line alone, so
// a script of many unterminated blocks costs no more than a few passes.
constexpr std::size_t kMaxBlockLines = 64;

struct Tainted {
    std::string source;      // the context, or the step that brought the files
    std::string via;         // env.X, or empty
    bool lines = false;      // it can hold a line break
    bool files = false;      // files of an untrusted checkout or artifact
    bool random_delimiter = false;  // written as NAME<<$RANDOM_DELIMITER
};

// The environment file's multi-line syntax NAME<<DELIM with a delimiter that is not
// written in the script ($EOF, $(openssl rand -hex 8)).
bool random_delimiter(std::string_view data) {
    for (std::size_t at = data.find("<<"); at != std::string_view::npos; at = data.find("<<", at + 2)) {
        std::size_t i = at + 2;
        while (i < data.size() && (data[i] == ' ' || data[i] == '"' || data[i] == '\'')) ++i;
        std::size_t start = i;
        while (i < data.size() && data[i] != ' ' && data[i] != '"' && data[i] != '\'' && data[i] != '\n') ++i;
        if (contains(data.substr(start, i - start), "$")) return true;
    }
    return false;
}

// The shell, PowerShell and batch variables a text reads: $NAME, ${NAME}, $env:NAME, %NAME%.
std::vector<std::string_view> variables_read(std::string_view text) {
    std::vector<std::string_view> out;
    auto name_at = [&](std::size_t at) {
        std::size_t end = at;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) ++end;
        return text.substr(at, end - at);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '$') {
            std::size_t at = i + 1;
            if (at < text.size() && text[at] == '{') ++at;
            else if (text.substr(at, 4) == "env:" || text.substr(at, 4) == "Env:" || text.substr(at, 4) == "ENV:") at += 4;
            std::string_view name = name_at(at);
            if (!name.empty()) out.push_back(name);
        } else if (c == '%') {
            std::string_view name = name_at(i + 1);
            if (!name.empty() && i + 1 + name.size() < text.size() && text[i + 1 + name.size()] == '%') out.push_back(name);
        }
    }
    return out;
}

// Variable name -> its taint, or nullopt for a variable set from nothing an outsider controls.
using TaintedEnv = std::unordered_map<std::string, std::optional<Tainted>>;

// Variables of an env: map set from an outsider's context, added to (and shadowing) `into`.
void add_tainted_env(const GhWorkflow& wf, const Node* env, TaintedEnv& into) {
    if (env == nullptr || !env->is_map()) return;
    for (const Node& var : env->children) {
        const GhExpressions* exprs = var.is_scalar() ? wf.expressions_of(&var) : nullptr;
        std::optional<Tainted> best;
        if (exprs != nullptr) {
            for (const GhExpression& e : exprs->list) {
                for (const ContextRead& r : e.reads) {
                    if (context_taint(r.path) != Taint::outsider) continue;
                    Tainted t{r.path, "env." + var.key, multi_line(r.path), false};
                    if (!best || (t.lines && !best->lines)) best = t;
                }
            }
        }
        into[var.key] = best;
    }
}

class GithubEnvInjection final : public SingleRuleCheck {
public:
    GithubEnvInjection() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        std::string event;
        for (const GhTrigger& t : wf.triggers) {
            if (outsider_trigger(t.event)) { event = t.event; break; }
        }
        if (event.empty()) return;
        bool head_events = wf.has_trigger("pull_request_target") || wf.has_trigger("workflow_run");
        for (const GhJob& job : wf.jobs) {
            const GhStep* files = nullptr;
            if (head_events) {
                files = untrusted_head_checkout(job);
                if (files == nullptr) files = foreign_artifact_download(job);
            }
            bool after_files = false;
            bool guarded = job_guarded(job);
            TaintedEnv job_env;
            add_tainted_env(wf, wf.env, job_env);
            add_tainted_env(wf, job.env, job_env);
            for (const GhStep& step : job.steps) {
                if (&step == files) { after_files = true; continue; }
                if (step.run != nullptr) check_run(doc, sink, wf, job, step, job_env, after_files ? files : nullptr, event, guarded);
                if (uses_slug(parse_uses(step.uses_text())) == "actions/github-script") check_script(doc, sink, wf, job, step, event, guarded);
            }
        }
    }

private:
    // The most dangerous outsider context read by the expressions in [begin, end) of a value.
    static std::optional<Tainted> tainted_expression(const GhExpressions* exprs, std::size_t begin, std::size_t end) {
        if (exprs == nullptr) return std::nullopt;
        std::optional<Tainted> best;
        for (const GhExpression& e : exprs->list) {
            if (e.begin < begin || e.begin >= end) continue;
            for (const ContextRead& r : e.reads) {
                if (context_taint(r.path) != Taint::outsider) continue;
                Tainted t{r.path, "", multi_line(r.path), false};
                if (!best || (t.lines && !best->lines)) best = t;
            }
        }
        return best;
    }

    static void check_run(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const GhJob& job, const GhStep& step,
                          const TaintedEnv& job_env, const GhStep* files, const std::string& event, bool guarded) {
        const std::string& script = step.run->value;
        if (!icontains(script, "GITHUB_ENV") && !icontains(script, "GITHUB_PATH") && !icontains(script, "GITHUB_OUTPUT")) return;
        std::vector<ScriptLine> lines = script_lines(script);
        const GhExpressions* exprs = wf.expressions_of(step.run);
        TaintedEnv step_env;
        add_tainted_env(wf, step.env, step_env);
        Site site{step.run->span, child_path(step.path, "run")};
        bool artifact = files != nullptr && foreign_artifact_download(job) == files;
        // Shell variables the script itself set (PR=$(cat pr/number)), with their taint.
        TaintedEnv locals;
        // The most dangerous outsider data in `data` (written at [begin, end) of the script).
        auto taint_of = [&](std::string_view data, std::size_t begin, std::size_t end, bool path) {
            std::optional<Tainted> taint = tainted_expression(exprs, begin, end);
            for (std::string_view name : variables_read(data)) {
                std::string key(name);
                const std::optional<Tainted>* found = nullptr;
                // The script's own assignments shadow the step's env:, which shadows the job's.
                if (auto lt = locals.find(key); lt != locals.end()) found = &lt->second;
                else if (auto it = step_env.find(key); it != step_env.end()) found = &it->second;
                else if (auto jt = job_env.find(key); jt != job_env.end()) found = &jt->second;
                if (found == nullptr || !*found) continue;
                if (!taint || ((*found)->lines && !taint->lines)) taint = **found;
            }
            if (!taint && files != nullptr) {
                if (RE2::PartialMatch(data, file_data_pattern())) {
                    taint = Tainted{artifact ? "the artifacts of the triggering run" : "the untrusted checkout", "", true, true};
                } else if (!artifact && path && RE2::PartialMatch(data, workspace_pattern())) {
                    taint = Tainted{"a folder of the untrusted checkout", "", true, true};
                }
            }
            return taint;
        };
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ScriptLine& line = lines[i];
            std::string_view text = line.text;
            std::string target;
            if (!RE2::PartialMatch(text, redirect_pattern(), &target) && !RE2::PartialMatch(text, command_pattern(), &target)) {
                // NAME=value, export NAME=value, read -r NAME < file: remember what NAME holds.
                std::string name;
                bool read = false;
                if (RE2::PartialMatch(text, assignment_pattern(), &name) || (read = RE2::PartialMatch(text, read_pattern(), &name))) {
                    std::optional<Tainted> t = taint_of(text, line.begin, line.end, false);
                    if (t && t->via.empty()) t->via = "$" + name;
                    if (t && read) t->lines = false;  // read stops at the first line break
                    locals[name] = t;
                }
                continue;
            }
            std::string destination = iequals(target, "github_path")     ? "$GITHUB_PATH"
                                      : iequals(target, "github_output") ? "$GITHUB_OUTPUT"
                                                                         : "$GITHUB_ENV";
            // Outputs are read only through the step's id; a step without one has none to forge.
            if (destination == "$GITHUB_OUTPUT" && step.id.empty()) continue;
            // The data: the line itself, a heredoc's body when the line starts one, and the
            // body of a { ...; } group or a loop whose output the line redirects.
            std::string data(text);
            std::size_t begin = line.begin;
            std::size_t end = line.end;
            std::string delimiter = heredoc_delimiter(text);
            if (!delimiter.empty()) {
                std::size_t j = i + 1;
                for (; j < lines.size() && j < i + kMaxBlockLines && trim(lines[j].text) != delimiter; ++j) data += "\n" + lines[j].text;
                if (j < lines.size() && trim(lines[j].text) == delimiter) {
                    end = lines[j].end;
                    i = j;
                } else {
                    data = text;  // no closing delimiter: read the line alone
                }
            }
            std::string_view head = trim(text);
            if (head.starts_with("}") || head.starts_with("done")) {
                bool group = head.starts_with("}");
                for (std::size_t j = i; j-- > 0 && j + kMaxBlockLines > i;) {
                    std::string_view t = trim(lines[j].text);
                    data += "\n" + lines[j].text;
                    begin = lines[j].begin;
                    if (group ? (t == "{" || t.ends_with("{")) : (t.starts_with("while ") || t.starts_with("for "))) break;
                }
            }
            std::optional<Tainted> taint = taint_of(data, begin, end, destination == "$GITHUB_PATH");
            if (!taint) continue;
            // A line an outsider cannot break only sets the output the script names: data, not a forgery.
            if (destination == "$GITHUB_OUTPUT" && !taint->lines) continue;
            // NAME<<$DELIM with a delimiter chosen at run time keeps line breaks inside the value.
            taint->random_delimiter = random_delimiter(data);
            Hit hit;
            hit.span = line_span(doc, site, line);
            hit.node_path = site.node_path;
            report(doc, sink, job, std::move(hit), *taint, destination == "$GITHUB_OUTPUT" ? destination + " of step " + step.id : destination,
                   event, guarded);
        }
    }

    // actions/github-script: core.exportVariable() or core.addPath() in a script that
    // expands an outsider's context.
    static void check_script(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const GhJob& job, const GhStep& step,
                             const std::string& event, bool guarded) {
        const Node* script = step.with != nullptr ? step.with->find("script") : nullptr;
        if (script == nullptr || !script->is_scalar()) return;
        bool env = contains(script->value, "exportVariable");
        bool path = contains(script->value, "addPath");
        if (!env && !path) return;
        std::optional<Tainted> taint = tainted_expression(wf.expressions_of(script), 0, script->value.size());
        if (!taint) return;
        Hit hit;
        hit.span = script->span;
        hit.node_path = child_path(child_path(step.path, "with"), "script");
        report(doc, sink, job, std::move(hit), *taint, env ? "$GITHUB_ENV (core.exportVariable)" : "$GITHUB_PATH (core.addPath)", event, guarded);
    }

    static void report(const Document& doc, FindingSink& sink, const GhJob& job, Hit hit, const Tainted& taint,
                       const std::string& destination, const std::string& event, bool guarded) {
        std::string origin = taint.files ? (contains(taint.source, "folder") ? taint.source : "data read from " + taint.source)
                                         : taint.source;
        std::string what = taint.via.empty() ? origin
                           : taint.files     ? taint.via + " (" + origin + ")"
                                             : taint.via + " (set from " + origin + ")";
        hit.message = "job " + job.id + " runs on " + event + " and writes " + what + " to " + destination;
        if (guarded) {
            hit.message += "; the job checks who triggered it";
            hit.severity = Severity::low;
            hit.confidence = Confidence::medium;
        } else if (taint.random_delimiter) {
            hit.message += "; a random heredoc delimiter keeps its line breaks inside the value";
            hit.severity = Severity::low;
            hit.confidence = Confidence::medium;
        } else if (!taint.lines) {
            hit.message += contains(destination, "PATH") ? "; it cannot hold a line break, so it adds only the one directory it names to PATH"
                                                         : "; it cannot hold a line break, so it sets only the variable the script names";
            hit.severity = Severity::low;
            hit.confidence = Confidence::medium;
        } else if (contains(destination, "OUTPUT")) {
            // Outputs are data until a later step expands them into a script or an if:.
            hit.message += ": a line break in it adds or overwrites other outputs of the step, which later steps read";
            hit.severity = Severity::medium;
            hit.confidence = Confidence::medium;
        } else {
            hit.message += contains(destination, "PATH") ? ": it puts directories of the outsider's choosing first on PATH for the later steps"
                                                         : ": a line break in it sets any variable (BASH_ENV, LD_PRELOAD) for the later steps";
            hit.confidence = taint.files ? Confidence::medium : Confidence::high;
        }
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_github_env_injection() { return std::make_unique<GithubEnvInjection>(); }

} // namespace handoff
