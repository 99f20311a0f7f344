#include "fix/workflow_fixes.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/text.hpp"
#include "core/tree.hpp"
#include "model/ci.hpp"

namespace handoff {

namespace {

// A variable name for an expression: ISSUE_TITLE for github.event.issue.title.
std::string variable_for(std::string_view body) {
    bool path = !body.empty() && std::all_of(body.begin(), body.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '-';
    });
    if (!path) return "UNTRUSTED_VALUE";
    std::size_t last = body.rfind('.');
    std::size_t before = last == std::string_view::npos || last == 0 ? std::string_view::npos : body.rfind('.', last - 1);
    std::string name = env_name(before == std::string_view::npos ? body : body.substr(before + 1));
    return name.empty() || name.starts_with("GITHUB_") ? "UNTRUSTED_" + name : name;
}

// How the script text before the expression on its line is quoted: 0 bare, '"' or '\''.
// The scan starts at the line's start, or after the YAML quote that opens the scalar.
char quoting_at(std::string_view bytes, std::uint32_t at, Span scalar) {
    std::size_t start = bytes.rfind('\n', at == 0 ? 0 : at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (scalar.begin >= start && scalar.begin < at) {
        start = scalar.begin + ((bytes[scalar.begin] == '\'' || bytes[scalar.begin] == '"') ? 1 : 0);
    }
    char open = 0;
    for (std::size_t i = start; i < at; ++i) {
        char c = bytes[i];
        if (open == 0 && (c == '"' || c == '\'')) {
            open = c;
        } else if (open == c && !(c == '"' && i > start && bytes[i - 1] == '\\')) {
            open = 0;
        }
    }
    return open;
}

struct StepPlan {
    const GhStep* step = nullptr;
    std::vector<std::pair<std::string, std::string>> add;  // (VAR, expression body) to add to env:
};

// The env: lines for a step: appended to its block env:, or a new env: block before its
// run: key (after the run: value when run: opens the list item).
bool env_insertion(std::string_view bytes, const StepPlan& plan, std::string_view eol, SpanEdit& out) {
    const GhStep& step = *plan.step;
    auto lines = [&](std::size_t indent) {
        std::string text;
        for (const auto& [var, body] : plan.add) {
            text += std::string(indent, ' ') + var + ": ${{ " + body + " }}" + std::string(eol);
        }
        return text;
    };
    if (step.env != nullptr) {
        if (step.env->children.empty() || bytes[step.env->span.begin] == '{') return false;  // flow style: leave it
        const Node& last = step.env->children.back();
        std::uint32_t indent = last.key_span.begin - line_start_of(bytes, last.key_span.begin);
        std::uint32_t at = next_line(bytes, last.span.end == 0 ? last.key_span.end : last.span.end - 1);
        out = {at, at, lines(indent)};
        return true;
    }
    if (step.run == nullptr) return false;
    std::uint32_t key = step.run->key_span.begin;
    std::uint32_t start = line_start_of(bytes, key);
    std::string_view prefix = bytes.substr(start, key - start);
    std::uint32_t indent = key - start;
    std::string block = std::string(indent, ' ') + "env:" + std::string(eol) + lines(indent + 2);
    if (prefix.find_first_not_of(' ') == std::string_view::npos) {
        out = {start, start, block};
        return true;
    }
    // `- run: ...` opens the item: the env: block goes after the run: value.
    std::uint32_t end = step.run->span.end;
    std::uint32_t at = end > 0 && bytes[end - 1] == '\n' ? end : next_line(bytes, end == 0 ? 0 : end - 1);
    if (at == bytes.size() && !bytes.empty() && bytes.back() != '\n') block = std::string(eol) + block;
    out = {at, at, block};
    return true;
}

} // namespace

WorkflowFixes injection_fixes(const Document& doc, const std::vector<const Finding*>& findings) {
    WorkflowFixes out;
    const auto* wf = doc.model_as<GhWorkflow>();
    std::string_view bytes = doc.bytes();
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::map<const GhStep*, StepPlan> steps;
    for (const Finding* f : findings) {
        auto reject = [&](std::string why) { out.manual.emplace_back(f, std::move(why)); };
        if (wf == nullptr) {
            reject("the workflow could not be read as one");
            continue;
        }
        const GhJob* job = nullptr;
        const GhStep* step = nullptr;
        for (const GhJob& j : wf->jobs) {
            for (const GhStep& s : j.steps) {
                if (child_path(s.path, "run") == f->location.node_path) {
                    job = &j;
                    step = &s;
                }
            }
        }
        if (step == nullptr || step->run == nullptr) {
            reject("only run: scripts are rewritten; pass the value to this input through env: by hand");
            continue;
        }
        std::uint32_t begin = offset_of(*doc.file, f->location.line, f->location.column);
        std::uint32_t end = offset_of(*doc.file, f->location.end_line, f->location.end_column);
        std::string_view expr = begin < end && end <= bytes.size() ? bytes.substr(begin, end - begin) : std::string_view();
        if (!expr.starts_with("${{") || !expr.ends_with("}}")) {
            reject("the expression's place in the script is unclear");
            continue;
        }
        std::string body(trim(expr.substr(3, expr.size() - 5)));
        char quote = quoting_at(bytes, begin, step->run->span);
        if (quote == '\'') {
            reject("the expression is inside single quotes, where the shell expands no variable");
            continue;
        }
        StepPlan& plan = steps[step];
        plan.step = step;
        std::string var;
        if (body.starts_with("env.") && body.find_first_of(" ()|&=!") == std::string::npos) {
            var = body.substr(4);  // already a variable: read it from the shell
        } else {
            // Reuse the step's own variable for this expression, else add one.
            for (const Node* scope : {step->env}) {
                if (scope == nullptr) continue;
                for (const Node& v : scope->children) {
                    if (v.is_scalar() && trim(v.value) == "${{ " + body + " }}") var = v.key;
                }
            }
            for (const auto& [name, added] : plan.add) {
                if (added == body) var = name;
            }
            if (var.empty()) {
                std::string wanted = variable_for(body);
                var = wanted;
                for (int n = 2;; ++n) {
                    bool taken = (step->env != nullptr && step->env->find(var) != nullptr) ||
                                 std::any_of(plan.add.begin(), plan.add.end(), [&](const auto& a) { return a.first == var; });
                    if (!taken) break;
                    var = wanted + "_" + std::to_string(n);
                }
                plan.add.emplace_back(var, body);
            }
        }
        std::string shell = effective_shell(*wf, *job, *step);
        bool pwsh = shell == "pwsh" || shell == "powershell";
        std::string read = pwsh ? "$env:" + var : "${" + var + "}";
        if (quote == 0 && !pwsh) read = "\"" + read + "\"";
        out.edits.push_back({begin, end, read});
        out.fixed.push_back(f);
    }
    for (const auto& entry : steps) {
        const GhStep* step = entry.first;  // not a structured binding: lambdas below capture it
        const StepPlan& plan = entry.second;
        if (plan.add.empty()) continue;
        SpanEdit insert;
        if (!env_insertion(bytes, plan, eol, insert)) {
            // Without the env: lines the rewritten script would read empty variables.
            std::erase_if(out.edits, [&](const SpanEdit& e) {
                return e.begin >= step->run->span.begin && e.end <= step->run->span.end;
            });
            std::vector<const Finding*> kept;
            for (const Finding* f : out.fixed) {
                if (f->location.node_path == child_path(step->path, "run")) {
                    out.manual.emplace_back(f, "the step's env: is written in flow style; move the value into it by hand");
                } else {
                    kept.push_back(f);
                }
            }
            out.fixed = std::move(kept);
            continue;
        }
        out.edits.push_back(std::move(insert));
        out.added.push_back(child_path(step->path, "env"));
    }
    return out;
}

WorkflowFixes checkout_fixes(const Document& doc, const std::vector<const Finding*>& findings) {
    WorkflowFixes out;
    const auto* wf = doc.model_as<GhWorkflow>();
    std::string_view bytes = doc.bytes();
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    for (const Finding* f : findings) {
        auto reject = [&](std::string why) { out.manual.emplace_back(f, std::move(why)); };
        if (wf == nullptr) {
            reject("the workflow could not be read as one");
            continue;
        }
        const GhJob* job = nullptr;
        const GhStep* step = nullptr;
        for (const GhJob& j : wf->jobs) {
            for (const GhStep& s : j.steps) {
                if (f->location.node_path == s.path || f->location.node_path.starts_with(s.path + ".")) {
                    job = &j;
                    step = &s;
                }
            }
        }
        if (step == nullptr || step->uses == nullptr) {
            reject("the checkout step could not be found again");
            continue;
        }
        if (step->with != nullptr && step->with->find("persist-credentials") != nullptr) {
            reject("persist-credentials is written already: set it to false if no later step pushes with git");
            continue;
        }
        bool later = false;
        bool pushes = false;
        for (const GhStep& s : job->steps) {
            if (&s == step) later = true;
            else if (later) pushes = pushes || step_pushes_with_git(s);
        }
        if (pushes) {
            reject("a later step pushes with git and needs the credential: keep it, or give that step its own token");
            continue;
        }
        std::string line = "persist-credentials: false" + std::string(eol);
        if (step->with != nullptr) {
            if (step->with->children.empty() || bytes[step->with->span.begin] == '{') {
                reject("the step's with: is written in flow style; add persist-credentials: false by hand");
                continue;
            }
            const Node& last = step->with->children.back();
            std::uint32_t indent = last.key_span.begin - line_start_of(bytes, last.key_span.begin);
            std::uint32_t at = next_line(bytes, last.span.end == 0 ? last.key_span.end : last.span.end - 1);
            out.edits.push_back({at, at, std::string(indent, ' ') + line});
        } else {
            std::uint32_t key = step->uses->key_span.begin;
            std::uint32_t indent = key - line_start_of(bytes, key);
            std::uint32_t at = next_line(bytes, step->uses->span.end == 0 ? key : step->uses->span.end - 1);
            std::string block = std::string(indent, ' ') + "with:" + std::string(eol) + std::string(indent + 2, ' ') + line;
            if (at == bytes.size() && !bytes.empty() && bytes.back() != '\n') block = std::string(eol) + block;
            out.edits.push_back({at, at, block});
        }
        out.added.push_back(child_path(step->path, "with"));
        out.fixed.push_back(f);
    }
    return out;
}

namespace {

// Why a job may need more of its GITHUB_TOKEN than contents: read, or empty. Actions are
// read by an allow list: many take `token: ${{ github.token }}` by default and write with
// it (assigning issues, commenting, releasing), so an action not listed is a reason.
std::string writes_with_token(const GhJob& job) {
    // Actions that use the token at most to read the repository (or not at all); the OIDC
    // ones need id-token, which job_uses_scope grants.
    static constexpr std::array<std::string_view, 26> kReadOnly{
        "actions/checkout", "actions/setup-node", "actions/setup-python", "actions/setup-java", "actions/setup-go",
        "actions/setup-dotnet", "actions/cache", "actions/upload-artifact", "actions/download-artifact",
        "actions/upload-pages-artifact", "actions/deploy-pages", "docker/setup-buildx-action", "docker/setup-qemu-action",
        "docker/metadata-action", "ruby/setup-ruby", "dtolnay/rust-toolchain", "swatinem/rust-cache",
        "pnpm/action-setup", "oven-sh/setup-bun", "astral-sh/setup-uv", "aws-actions/configure-aws-credentials",
        "azure/login", "google-github-actions/auth", "hashicorp/vault-action", "pypa/gh-action-pypi-publish",
        "sigstore/cosign-installer",
    };
    if (job.uses != nullptr) return "calls a reusable workflow, which may need more";
    for (const GhStep& step : job.steps) {
        GhUses uses = parse_uses(step.uses_text());
        if (step.uses != nullptr && uses.kind == GhUses::Kind::local) {
            return "uses the local action " + std::string(step.uses_text()) + ", which fix does not read";
        }
        if (step.uses != nullptr && uses.kind == GhUses::Kind::repository) {
            std::string slug = uses_slug(uses);
            if (std::find(kReadOnly.begin(), kReadOnly.end(), slug) == kReadOnly.end()) {
                return "uses " + slug + ", which may write with the token";
            }
        }
        if (step_pushes_with_git(step)) return "pushes with git";
        std::string run = step.run != nullptr ? lower(step.run->value) : std::string();
        for (std::string_view gh : {"gh pr ", "gh release ", "gh issue ", "gh api ", "gh label ", "gh workflow ", "gh run "}) {
            if (contains(run, gh)) return "runs " + std::string(trim(gh));
        }
        auto token = [](const Node* n) {
            bool found = false;
            if (n != nullptr) {
                walk(*n, [&](const Node& v, const NodePath&) {
                    found = found || (v.is_scalar() && (contains(v.value, "secrets.GITHUB_TOKEN") || contains(v.value, "github.token")));
                    return !found;
                });
            }
            return found;
        };
        if (token(step.run) || token(step.with) || token(step.env)) return "passes the GITHUB_TOKEN to a step";
    }
    if (job.env != nullptr) {
        bool found = false;
        walk(*job.env, [&](const Node& v, const NodePath&) {
            found = found || (v.is_scalar() && (contains(v.value, "secrets.GITHUB_TOKEN") || contains(v.value, "github.token")));
            return !found;
        });
        if (found) return "passes the GITHUB_TOKEN to its steps";
    }
    return {};
}

} // namespace

WorkflowFixes permissions_fixes(const Document& doc, const std::vector<const Finding*>& findings) {
    WorkflowFixes out;
    const auto* wf = doc.model_as<GhWorkflow>();
    std::string_view bytes = doc.bytes();
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    for (const Finding* f : findings) {
        auto reject = [&](std::string why) { out.manual.emplace_back(f, std::move(why)); };
        if (f->location.node_path != "jobs") continue;  // blanket grants and shared write scopes: a person decides
        if (wf == nullptr || wf->permissions != nullptr || wf->root == nullptr || !wf->root->is_map()) {
            reject("the workflow could not be read as one");
            continue;
        }
        const Node* jobs = wf->root->find("jobs");
        if (jobs == nullptr || !jobs->is_map() || jobs->children.empty() || jobs->key_span.empty() ||
            line_start_of(bytes, jobs->key_span.begin) != jobs->key_span.begin) {
            reject("jobs: is not written as a block at the top level; add permissions: contents: read by hand");
            continue;
        }
        // Jobs that need more than contents: read, and the scopes each visibly uses.
        std::vector<std::string> writers;
        std::vector<std::pair<const GhJob*, std::vector<std::string>>> grants;
        for (const GhJob& job : wf->jobs) {
            if (job.permissions != nullptr) continue;
            if (std::string why = writes_with_token(job); !why.empty()) {
                writers.push_back(job.id + " (" + why + ")");
                continue;
            }
            std::vector<std::string> scopes;
            for (std::string_view scope : {"id-token", "pages"}) {
                if (job_uses_scope(job, scope)) scopes.emplace_back(scope);
            }
            if (!scopes.empty()) grants.emplace_back(&job, scopes);
        }
        if (!writers.empty()) {
            std::string names;
            for (const std::string& w : writers) names += (names.empty() ? "" : ", ") + w;
            reject("job " + names + " seems to write with the GITHUB_TOKEN: add permissions: contents: read at the top "
                   "and give that job the write scopes it uses by hand");
            continue;
        }
        // The indentation unit: how far the first job sits in.
        const Node& first_job = jobs->children.front();
        std::uint32_t job_line = line_start_of(bytes, first_job.key_span.begin);
        std::uint32_t unit = first_job.key_span.begin - job_line;
        if (unit == 0 || bytes.substr(job_line, unit).find_first_not_of(' ') != std::string_view::npos) {
            reject("the jobs are not indented as a block; add permissions: contents: read by hand");
            continue;
        }
        std::string pad(unit, ' ');
        // Before jobs:, and before the comment lines that belong to it.
        std::uint32_t at = jobs->key_span.begin;
        while (at > 0) {
            std::uint32_t prev = line_start_of(bytes, at - 1);
            std::string_view line = bytes.substr(prev, at - prev);
            if (!line.starts_with("#")) break;
            at = prev;
        }
        std::string block = "permissions:" + std::string(eol) + pad + "contents: read" + std::string(eol);
        std::uint32_t before = at == 0 ? 0 : line_start_of(bytes, at - 1);
        bool spaced = at > 0 && trim(bytes.substr(before, at - before), " \t\r\n").empty();
        if (spaced) block += eol;  // keep the file's blank line between top-level blocks
        std::vector<SpanEdit> edits{{at, at, block}};
        std::vector<std::string> added{"permissions"};
        bool ok = true;
        for (const auto& [job, scopes] : grants) {
            const Node* member = job->node;
            if (member == nullptr || !member->is_map() || member->children.empty()) {
                ok = false;
                break;
            }
            std::uint32_t key = member->children.front().key_span.begin;
            std::uint32_t start = line_start_of(bytes, key);
            std::string indent(bytes.substr(start, key - start));
            if (indent.find_first_not_of(' ') != std::string::npos || indent.empty()) {
                ok = false;
                break;
            }
            std::string lines = indent + "permissions:" + std::string(eol) + indent + pad + "contents: read" + std::string(eol);
            for (const std::string& s : scopes) lines += indent + pad + s + ": write" + std::string(eol);
            edits.push_back({start, start, lines});
            added.push_back(child_path(job->path, "permissions"));
        }
        if (!ok) {
            reject("a job is written in a way fix does not edit; add its permissions: by hand");
            continue;
        }
        out.edits.insert(out.edits.end(), edits.begin(), edits.end());
        out.added.insert(out.added.end(), added.begin(), added.end());
        out.fixed.push_back(f);
        std::string note = doc.path() + ": the GITHUB_TOKEN now gets contents: read";
        for (const auto& [job, scopes] : grants) {
            note += "; job " + job->id + " also";
            for (std::size_t i = 0; i < scopes.size(); ++i) note += (i == 0 ? " " : ", ") + scopes[i] + ": write";
        }
        out.notes.push_back(note);
        break;  // one block per workflow
    }
    return out;
}

} // namespace handoff
