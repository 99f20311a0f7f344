#include "checks/support/github.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>
#include <string>

namespace handoff {

bool is_github_document(const Document& doc) { return doc.model_as<GhWorkflow>() != nullptr; }

bool is_github_workflow(const Document& doc) {
    const auto* wf = doc.model_as<GhWorkflow>();
    return wf != nullptr && !wf->is_action;
}

const GhWorkflow& github_view(const Document& doc) { return *doc.model_as<GhWorkflow>(); }

bool outsider_trigger(std::string_view event) {
    static constexpr std::array<std::string_view, 8> kEvents{
        "issues", "issue_comment", "pull_request_target", "discussion", "discussion_comment",
        "pull_request_review", "pull_request_review_comment", "workflow_run",
    };
    for (std::string_view e : kEvents) {
        if (e == event) return true;
    }
    return false;
}

bool guards_actor(std::string_view condition) {
    std::string c = lower(condition);
    static constexpr std::array<std::string_view, 8> kGuards{
        "author_association", "github.actor", "github.triggering_actor", "sender.login",
        "user.login", "github.repository_owner", "head.repo.full_name", "head.repo.fork",
    };
    for (std::string_view g : kGuards) {
        if (c.find(g) != std::string::npos) return true;
    }
    return false;
}

bool checks_permission(const GhStep& step) {
    std::string uses = lower(step.uses_text());
    if (uses.find("permission") != std::string::npos || uses.find("is-collaborator") != std::string::npos) return true;
    std::string body = lower(step.input("script"));
    if (step.run != nullptr) body += lower(step.run->value);
    return body.find("collaborators") != std::string::npos || body.find("getcollaboratorpermissionlevel") != std::string::npos ||
           body.find("author_association") != std::string::npos;
}

bool job_guarded(const GhJob& job) {
    if (job.condition != nullptr && guards_actor(job.condition->value)) return true;
    for (const GhStep& step : job.steps) {
        if (checks_permission(step)) return true;
    }
    return false;
}

std::string repo_root(std::string_view workflow_path) {
    std::size_t at = workflow_path.find(".github/workflows/");
    return at == std::string_view::npos ? std::string() : std::string(workflow_path.substr(0, at));
}

std::span<const std::string_view> code_inputs(std::string_view slug) {
    struct CodeAction {
        std::string_view slug;
        std::array<std::string_view, 2> inputs;
        std::size_t count;
    };
    // Actions whose inputs are evaluated: JavaScript, PowerShell, shell over SSH, jq/yq
    // programs, templates rendered with eval. Lower case, sorted by slug.
    static constexpr std::array<CodeAction, 16> kActions{{
        {"8398a7/action-slack", {"custom_payload", ""}, 1},
        {"actions/github-script", {"script", ""}, 1},
        {"addnab/docker-run-action", {"run", ""}, 1},
        {"amadevus/pwsh-script", {"script", ""}, 1},
        {"appleboy/ssh-action", {"script", "script_stop"}, 1},
        {"azure/cli", {"inlinescript", "inlineScript"}, 2},
        {"azure/powershell", {"inlinescript", "inlineScript"}, 2},
        {"cardinalby/js-eval-action", {"expression", ""}, 1},
        {"devorbitus/yq-action-output", {"cmd", ""}, 1},
        {"garygrossgarten/github-action-ssh", {"command", ""}, 1},
        {"gautamkrishnar/blog-post-workflow", {"item_exec", ""}, 1},
        {"jannekem/run-python-script-action", {"script", ""}, 1},
        {"mikefarah/yq", {"cmd", ""}, 1},
        {"nick-fields/retry", {"command", ""}, 1},
        {"sergeysova/jq-action", {"cmd", ""}, 1},
        {"wandalen/wretry.action", {"command", ""}, 1},
    }};
    for (const CodeAction& a : kActions) {
        if (a.slug == slug) return std::span<const std::string_view>(a.inputs.data(), a.count);
    }
    return {};
}

bool truthy_value(std::string_view value) { return iequals(trim(value), "true"); }
bool falsy_value(std::string_view value) { return iequals(trim(value), "false"); }

namespace {

// v4, v4.1.2, 4.1 -> 4; anything else -> -1.
int major_of(std::string_view ref) {
    ref = trim(ref);
    if (!ref.empty() && (ref.front() == 'v' || ref.front() == 'V')) ref.remove_prefix(1);
    int major = 0;
    std::size_t digits = 0;
    while (digits < ref.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(ref[digits])) != 0) {
        major = major * 10 + (ref[digits] - '0');
        ++digits;
    }
    if (digits == 0 || (digits < ref.size() && ref[digits] != '.')) return -1;
    return major;
}

// Contexts naming the untrusted head of a pull request or of the triggering run.
constexpr std::array<std::string_view, 9> kHeadRefs{
    "github.event.pull_request.head.sha",   "github.event.pull_request.head.ref",
    "github.head_ref",                      "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch", "refs/pull/",
    "github.event.pull_request.merge_commit_sha", "github.event.pull_request.head.repo.full_name",
    "github.event.workflow_run.head_repository.full_name",
};

bool names_untrusted_head(std::string_view text) {
    std::string t = lower(text);
    for (std::string_view ref : kHeadRefs) {
        if (contains(t, ref)) return true;
    }
    return (contains(t, "gh pr checkout") || contains(t, "pull/")) && contains(t, "number");
}

} // namespace

int uses_major_version(const Document& doc, const GhStep& step) {
    GhUses uses = parse_uses(step.uses_text());
    if (uses.kind != GhUses::Kind::repository) return -1;
    if (!is_full_sha(uses.ref)) return major_of(uses.ref);
    // A SHA pin: the version is usually in a comment after it (uses: x@abc123 # v4.2.1).
    std::string_view bytes = doc.bytes();
    std::size_t end = step.uses->span.end;
    if (end >= bytes.size()) return -1;
    std::string_view rest = bytes.substr(end, line_end(bytes, end, end + 200) - end);
    std::size_t hash = rest.find('#');
    if (hash == std::string_view::npos) return -1;
    rest = trim(rest.substr(hash + 1));
    if (rest.starts_with("tag=")) rest.remove_prefix(4);
    if (rest.starts_with("pin@")) rest.remove_prefix(4);
    return major_of(rest.substr(0, rest.find_first_of(" \t\r")));
}

const GhStep* untrusted_head_checkout(const GhJob& job) {
    for (const GhStep& step : job.steps) {
        std::string slug = uses_slug(parse_uses(step.uses_text()));
        if (slug == "actions/checkout" && (names_untrusted_head(step.input("ref")) || names_untrusted_head(step.input("repository")))) {
            return &step;
        }
        if (step.run != nullptr) {
            const std::string& run = step.run->value;
            bool git = contains(run, "git checkout") || contains(run, "git fetch") || contains(run, "git switch") ||
                       contains(run, "gh pr checkout");
            if (git && names_untrusted_head(run)) return &step;
        }
    }
    return nullptr;
}

const GhStep* foreign_artifact_download(const GhJob& job) {
    for (const GhStep& step : job.steps) {
        std::string slug = uses_slug(parse_uses(step.uses_text()));
        if (slug == "dawidd6/action-download-artifact") return &step;
        if (slug == "actions/download-artifact" && !step.input("run-id").empty()) return &step;
        if (slug == "actions/github-script" && contains(step.input("script"), "downloadArtifact")) return &step;
        if (step.run != nullptr && contains(step.run->value, "gh run download")) return &step;
    }
    return nullptr;
}

} // namespace handoff
