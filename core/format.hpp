#pragma once
// The formats handoff recognises, by stable id.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace handoff {

// jsonl: one JSON value per line (agent transcripts, prompt histories), parsed line by line.
enum class Syntax : std::uint8_t { yaml, json, xml, toml, dotenv, jsonl, text };

enum class Format : std::uint8_t {
    github_workflow,
    github_action,
    gitlab_ci,
    jenkins_job,
    n8n_workflow,
    n8n_credentials,
    make_blueprint,
    node_red_flows,
    flowise_flow,
    langflow_flow,
    dify_app,
    mcp_config,
    agent_settings,
    agent_tools,
    dotenv,
    maven_settings,
    nuget_config,
    // Records a person wrote or a run printed: every finding names its message or step.
    claude_session,
    claude_history,
    codex_session,
    codex_history,
    chatgpt_export,
    github_actions_log,
    gitlab_job_log,
    log,
    // Generic fallbacks: parsed, scanned for tokens, no format loader.
    yaml,
    json,
    xml,
    toml,
    text,
};

std::string_view format_id(Format format);
std::optional<Format> format_from_id(std::string_view id);
std::string_view syntax_id(Syntax syntax);
// Every format, in declaration order.
const std::vector<Format>& all_formats();

} // namespace handoff
