#include "core/format.hpp"

#include <array>
#include <utility>

namespace handoff {

namespace {
constexpr std::array<std::pair<Format, std::string_view>, 30> kIds{{
    {Format::github_workflow, "github-workflow"},
    {Format::github_action, "github-action"},
    {Format::gitlab_ci, "gitlab-ci"},
    {Format::jenkins_job, "jenkins-job"},
    {Format::n8n_workflow, "n8n-workflow"},
    {Format::n8n_credentials, "n8n-credentials"},
    {Format::make_blueprint, "make-blueprint"},
    {Format::node_red_flows, "node-red-flows"},
    {Format::flowise_flow, "flowise-flow"},
    {Format::langflow_flow, "langflow-flow"},
    {Format::dify_app, "dify-app"},
    {Format::mcp_config, "mcp-config"},
    {Format::agent_settings, "agent-settings"},
    {Format::agent_tools, "agent-tools"},
    {Format::dotenv, "dotenv"},
    {Format::maven_settings, "maven-settings"},
    {Format::nuget_config, "nuget-config"},
    {Format::claude_session, "claude-code-session"},
    {Format::claude_history, "claude-code-history"},
    {Format::codex_session, "codex-session"},
    {Format::codex_history, "codex-history"},
    {Format::chatgpt_export, "chatgpt-export"},
    {Format::github_actions_log, "github-actions-log"},
    {Format::gitlab_job_log, "gitlab-job-log"},
    {Format::log, "log"},
    {Format::yaml, "yaml"},
    {Format::json, "json"},
    {Format::xml, "xml"},
    {Format::toml, "toml"},
    {Format::text, "text"},
}};
} // namespace

std::string_view format_id(Format format) {
    for (const auto& [f, id] : kIds) {
        if (f == format) return id;
    }
    return "text";
}

std::optional<Format> format_from_id(std::string_view id) {
    for (const auto& [f, name] : kIds) {
        if (name == id) return f;
    }
    return std::nullopt;
}

std::string_view syntax_id(Syntax syntax) {
    switch (syntax) {
    case Syntax::yaml: return "yaml";
    case Syntax::json: return "json";
    case Syntax::xml: return "xml";
    case Syntax::toml: return "toml";
    case Syntax::dotenv: return "dotenv";
    case Syntax::jsonl: return "jsonl";
    case Syntax::text: return "text";
    }
    return "text";
}

const std::vector<Format>& all_formats() {
    static const std::vector<Format> formats = [] {
        std::vector<Format> out;
        for (const auto& entry : kIds) out.push_back(entry.first);
        return out;
    }();
    return formats;
}

} // namespace handoff
