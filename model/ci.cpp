#include "model/ci.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace handoff {

namespace {

bool all_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Attacker-controlled contexts: what actionlint and zizmor treat as untrusted input.
// `*` stands for any one member (an array index).
constexpr std::array<std::string_view, 30> kOutsiderContexts{
    "github.event.issue.title",
    "github.event.issue.body",
    "github.event.pull_request.title",
    "github.event.pull_request.body",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.label",
    "github.event.pull_request.head.repo.default_branch",
    "github.event.pull_request.head.repo.description",
    "github.event.comment.body",
    "github.event.review.body",
    "github.event.review_comment.body",
    "github.event.discussion.title",
    "github.event.discussion.body",
    "github.event.pages.*.page_name",
    "github.event.commits.*.message",
    "github.event.commits.*.author.email",
    "github.event.commits.*.author.name",
    "github.event.head_commit.message",
    "github.event.head_commit.author.email",
    "github.event.head_commit.author.name",
    "github.event.head_commit.committer.email",
    "github.event.head_commit.committer.name",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.message",
    "github.event.workflow_run.head_commit.author.email",
    "github.event.workflow_run.head_commit.author.name",
    "github.event.workflow_run.display_title",
    "github.event.workflow_run.pull_requests.*.head.ref",
    "github.head_ref",
    "github.event.release.body",
};

std::vector<std::string_view> split_dots(std::string_view s) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t dot = s.find('.', start);
        if (dot == std::string_view::npos) dot = s.size();
        parts.push_back(s.substr(start, dot - start));
        start = dot + 1;
    }
    return parts;
}

bool segment_match(std::string_view pattern, std::string_view actual) {
    return pattern == "*" || actual == "*" || pattern == actual;
}

// The read matches the pattern, or reads a whole object that contains it
// (toJSON(github.event.issue) prints the title too).
bool taints(std::string_view read, std::string_view pattern) {
    auto r = split_dots(read);
    auto p = split_dots(pattern);
    if (r.size() > p.size()) {
        // github.event.issue.title.length-like reads are not a thing; a deeper read of a
        // tainted string is still the string.
        r.resize(p.size());
    }
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (!segment_match(p[i], r[i])) return false;
    }
    // A whole-object read must at least name the event payload.
    return r.size() == p.size() || r.size() >= 2;
}

// Fields of any event payload whose text the person who opened, pushed or commented
// writes: a title, body or message anywhere in github.event, the name and e-mail of
// a commit's author or committer, label names, branch names of a head. Logins, ids, SHAs
// and URLs are not listed: GitHub restricts their characters.
bool outsider_field(std::string_view path) {
    if (!context_starts_with(path, "github.event")) return false;
    auto parts = split_dots(path);
    // Written by the repository's maintainers or by apps, not by whoever triggered the run:
    // the repository, its organisation, the base branch, milestones, deployments, projects.
    static constexpr std::array<std::string_view, 14> kMaintained{
        "inputs", "client_payload", "repository", "organization", "enterprise", "installation", "base",
        "milestone", "deployment", "deployment_status", "registry_package", "package", "project", "team",
    };
    for (std::size_t i = 2; i < parts.size(); ++i) {
        if (std::find(kMaintained.begin(), kMaintained.end(), parts[i]) != kMaintained.end()) return false;
    }
    std::string_view last = parts.back();
    std::string_view prev = parts.size() >= 2 ? parts[parts.size() - 2] : std::string_view();
    std::string_view before = parts.size() >= 3 ? parts[parts.size() - 3] : std::string_view();
    static constexpr std::array<std::string_view, 10> kText{
        "title", "body", "message", "email", "description", "head_ref", "head_branch", "default_branch", "page_name",
        "display_title",
    };
    if (std::find(kText.begin(), kText.end(), last) != kText.end()) return true;
    if (last == "name") {
        return prev == "author" || prev == "committer" || prev == "label" || prev == "head_repository" ||
               (prev == "*" && before == "labels");
    }
    return (last == "ref" || last == "label") && prev == "head";
}

} // namespace

bool yields_boolean(std::string_view body) {
    std::string b = lower(trim(body));
    bool negated = !b.empty() && b.front() == '!';
    if (negated) b = std::string(trim(std::string_view(b).substr(1)));
    // Outside string literals: operators, and where the first call's parenthesis closes.
    bool ternary = false;
    bool compares = false;
    int depth = 0;
    std::size_t first_close = std::string::npos;
    for (std::size_t i = 0; i < b.size(); ++i) {
        char c = b[i];
        if (c == '\'') {
            std::size_t end = b.find('\'', i + 1);
            while (end != std::string::npos && end + 1 < b.size() && b[end + 1] == '\'') end = b.find('\'', end + 2);
            if (end == std::string::npos) return false;
            i = end;
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0 && first_close == std::string::npos) first_close = i;
        if (i + 1 < b.size() && ((c == '&' && b[i + 1] == '&') || (c == '|' && b[i + 1] == '|'))) ternary = true;
        if ((c == '=' || c == '!') && i + 1 < b.size() && b[i + 1] == '=') compares = true;
        if ((c == '<' || c == '>') && depth == 0) compares = true;
    }
    if (ternary) return false;
    if (compares) return true;
    for (std::string_view fn : {"contains(", "startswith(", "endswith("}) {
        if (b.starts_with(fn) && first_close == b.size() - 1) return true;
    }
    return negated;
}

bool context_starts_with(std::string_view path, std::string_view prefix) {
    return path.substr(0, prefix.size()) == prefix && (path.size() == prefix.size() || path[prefix.size()] == '.');
}

Taint context_taint(std::string_view path) {
    if (context_starts_with(path, "github")) {
        for (std::string_view pattern : kOutsiderContexts) {
            if (taints(path, pattern)) return Taint::outsider;
        }
        if (outsider_field(path)) return Taint::outsider;
        if (context_starts_with(path, "github.event.inputs") && path != "github.event.inputs") return Taint::caller;
        return Taint::none;
    }
    if (context_starts_with(path, "inputs") && path != "inputs") return Taint::caller;
    return Taint::none;
}

std::string_view GhStep::uses_text() const { return uses != nullptr ? std::string_view(uses->value) : std::string_view(); }

std::string_view GhStep::input(std::string_view key) const {
    return with != nullptr ? with->text(key) : std::string_view();
}

bool GhWorkflow::has_trigger(std::string_view event) const { return trigger(event) != nullptr; }

const GhTrigger* GhWorkflow::trigger(std::string_view event) const {
    for (const GhTrigger& t : triggers) {
        if (t.event == event) return &t;
    }
    return nullptr;
}

bool GhWorkflow::only_called() const {
    return !triggers.empty() && std::all_of(triggers.begin(), triggers.end(),
                                            [](const GhTrigger& t) { return t.event == "workflow_call"; });
}

const Node* effective_permissions(const GhWorkflow& wf, const GhJob& job) {
    return job.permissions != nullptr ? job.permissions : wf.permissions;
}

std::vector<GhScope> permission_scopes(const Node* permissions) {
    std::vector<GhScope> out;
    if (permissions == nullptr) return out;
    if (permissions->is_scalar()) {
        std::string v = lower(permissions->value);
        if (v == "write-all") out.push_back({"all", "write", permissions});
        if (v == "read-all") out.push_back({"all", "read", permissions});
        return out;
    }
    if (!permissions->is_map()) return out;
    for (const Node& scope : permissions->children) {
        if (scope.is_scalar()) out.push_back({scope.key, lower(scope.value), &scope});
    }
    return out;
}

bool grants_write(const Node* permissions) {
    auto scopes = permission_scopes(permissions);
    return std::any_of(scopes.begin(), scopes.end(), [](const GhScope& s) { return s.level == "write"; });
}

std::vector<const Node*> env_in_scope(const GhWorkflow& wf, const GhJob& job, const GhStep* step) {
    std::vector<const Node*> out;
    for (const Node* env : {wf.env, job.env, step != nullptr ? step->env : nullptr}) {
        if (env == nullptr) continue;
        for (const Node& var : env->children) out.push_back(&var);
    }
    return out;
}

GhUses parse_uses(std::string_view uses) {
    GhUses out;
    while (!uses.empty() && std::isspace(static_cast<unsigned char>(uses.back())) != 0) uses.remove_suffix(1);
    while (!uses.empty() && std::isspace(static_cast<unsigned char>(uses.front())) != 0) uses.remove_prefix(1);
    if (uses.empty()) return out;
    // ./path and ../path are relative to the checkout; $/path is the self-repository
    // form (the same repository at the same commit).
    if (uses.substr(0, 2) == "./" || uses.substr(0, 3) == "../" || uses.substr(0, 2) == "$/") {
        out.kind = GhUses::Kind::local;
        out.path = std::string(uses.substr(uses.front() == '.' && uses[1] == '/' ? 2 : (uses.front() == '$' ? 2 : 0)));
        return out;
    }
    if (uses.substr(0, 9) == "docker://") {
        out.kind = GhUses::Kind::docker;
        out.image = std::string(uses.substr(9));
        std::size_t at = out.image.find('@');
        std::size_t colon = out.image.rfind(':');
        std::size_t slash = out.image.rfind('/');
        if (at != std::string::npos) {
            out.ref = out.image.substr(at + 1);
        } else if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
            out.ref = out.image.substr(colon + 1);
        }
        return out;
    }
    std::size_t at = uses.find('@');
    std::string_view name = uses.substr(0, at);
    if (at != std::string_view::npos) out.ref = std::string(uses.substr(at + 1));
    std::size_t slash = name.find('/');
    if (slash == std::string_view::npos || slash == 0) return out;
    out.owner = lower(name.substr(0, slash));
    std::string_view rest = name.substr(slash + 1);
    std::size_t slash2 = rest.find('/');
    out.repo = lower(rest.substr(0, slash2));
    if (slash2 != std::string_view::npos) out.path = std::string(rest.substr(slash2 + 1));
    if (out.repo.empty()) return out;
    out.kind = GhUses::Kind::repository;
    return out;
}

bool is_full_sha(std::string_view ref) { return (ref.size() == 40 || ref.size() == 64) && all_hex(ref); }

std::string uses_slug(const GhUses& uses) {
    if (uses.kind != GhUses::Kind::repository) return {};
    return uses.owner + "/" + uses.repo;
}

const GhExpressions* GhWorkflow::expressions_of(const Node* scalar) const {
    auto it = expression_index.find(scalar);
    return it == expression_index.end() ? nullptr : &expressions[it->second];
}

const GhExpressions* GhWorkflow::expressions_at(std::string_view node_path) const {
    for (const GhExpressions& e : expressions) {
        if (e.node_path == node_path) return &e;
    }
    return nullptr;
}

namespace {
// Actions that push with the credential actions/checkout persisted.
constexpr std::string_view kPushingActions[] = {
    "stefanzweifel/git-auto-commit-action", "endbug/add-and-commit",    "changesets/action",
    "actions-js/push",                      "devops-infra/action-commit-push", "ad-m/github-push-action",
    "peter-evans/create-pull-request",      "gr2m/create-or-update-pull-request-action",
    "jamesives/github-pages-deploy-action", "peaceiris/actions-gh-pages",
};

// Commands that push with git, and so use the persisted credential on purpose.
constexpr std::string_view kPushingCommands[] = {
    "git push", "gh-deploy", "mike deploy", "lerna publish", "lerna version", "gh-pages -d",
    "release-it", "semantic-release", "git subtree push", "cargo release", "mvn release:",
};

} // namespace

bool step_pushes_with_git(const GhStep& step) {
    std::string slug = uses_slug(parse_uses(step.uses_text()));
    for (std::string_view a : kPushingActions) {
        if (slug == a) return true;
    }
    if (step.run == nullptr) return false;
    std::string run = lower(step.run->value);
    for (std::string_view c : kPushingCommands) {
        if (contains(run, c)) return true;
    }
    return false;
}

bool job_uses_scope(const GhJob& job, std::string_view scope) {
    static constexpr std::array<std::string_view, 9> kOidc{
        "aws-actions/configure-aws-credentials", "azure/login", "google-github-actions/auth",
        "hashicorp/vault-action", "pypa/gh-action-pypi-publish", "actions/attest-build-provenance",
        "actions/attest", "sigstore/cosign-installer", "actions/deploy-pages",
    };
    for (const GhStep& step : job.steps) {
        std::string slug = uses_slug(parse_uses(step.uses_text()));
        if (scope == "pages" && slug == "actions/deploy-pages") return true;
        if (scope == "id-token") {
            if (std::find(kOidc.begin(), kOidc.end(), slug) != kOidc.end()) return true;
            if (step.run != nullptr && contains(step.run->value, "ACTIONS_ID_TOKEN_REQUEST")) return true;
        }
    }
    return false;
}

std::string effective_shell(const GhWorkflow& wf, const GhJob& job, const GhStep& step) {
    std::string_view shell = step.shell;
    if (shell.empty() && job.node != nullptr && job.node->is_map()) {
        const Node* s = job.node->get({"defaults", "run", "shell"});
        if (s != nullptr) shell = s->value;
    }
    if (shell.empty() && wf.root != nullptr && !wf.is_action) {
        const Node* s = wf.root->get({"defaults", "run", "shell"});
        if (s != nullptr) shell = s->value;
    }
    if (!shell.empty()) {
        std::string s = lower(trim(shell));
        // bash -e {0}, /usr/bin/bash, C:\\...\\pwsh.exe -> bash, pwsh
        s = s.substr(0, s.find(' '));
        std::size_t slash = s.find_last_of("/\\");
        if (slash != std::string::npos) s = s.substr(slash + 1);
        if (s.ends_with(".exe")) s.resize(s.size() - 4);
        return s;
    }
    if (job.runs_on != nullptr) {
        std::string runner = job.runs_on->is_scalar() ? lower(job.runs_on->value) : std::string();
        if (job.runs_on->is_seq()) {
            for (const Node& label : job.runs_on->children) runner += lower(label.value) + " ";
        }
        if (contains(runner, "windows")) return "pwsh";
    }
    return "bash";
}

} // namespace handoff
