#include "checks/support/github.hpp"
#include "core/text.hpp"

#include <array>
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

} // namespace handoff
