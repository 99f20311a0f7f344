#include "parsers/loaders/loader.hpp"

namespace handoff {

void load_facts(Document& doc) {
    // A log has no tree: its loader reads the bytes.
    switch (doc.format) {
    case Format::github_actions_log:
    case Format::gitlab_job_log:
    case Format::log: load_ci_log(doc); return;
    default: break;
    }
    if (!doc.tree) return;
    switch (doc.format) {
    case Format::github_workflow:
    case Format::github_action: load_github_actions(doc); break;
    case Format::gitlab_ci: load_gitlab_ci(doc); break;
    case Format::jenkins_job: load_jenkins_job(doc); break;
    case Format::n8n_workflow:
    case Format::n8n_credentials: load_n8n(doc); break;
    case Format::make_blueprint:
    case Format::node_red_flows:
    case Format::flowise_flow:
    case Format::langflow_flow:
    case Format::dify_app: load_automation(doc); break;
    case Format::mcp_config: load_mcp_config(doc); break;
    case Format::agent_settings: load_agent_settings(doc); break;
    case Format::agent_tools: load_agent_tools(doc); break;
    case Format::dotenv: load_dotenv(doc); break;
    case Format::maven_settings: load_maven_settings(doc); break;
    case Format::nuget_config: load_nuget_config(doc); break;
    case Format::claude_session:
    case Format::claude_history:
    case Format::codex_session:
    case Format::codex_history:
    case Format::chatgpt_export: load_transcript(doc); break;
    case Format::github_actions_log:
    case Format::gitlab_job_log:
    case Format::log: break;
    case Format::yaml:
    case Format::json:
    case Format::xml:
    case Format::toml:
    case Format::text: break;
    }
}

} // namespace handoff
