#pragma once
// Format loaders: read a parsed tree and emit facts (core/facts.hpp). One loader per
// format family; each lives in its own file. A loader must not throw for any tree a
// parser can produce; the pipeline still guards it.
#include "core/document.hpp"

namespace handoff {

void load_github_actions(Document& doc);   // github-workflow, github-action
void load_gitlab_ci(Document& doc);
void load_jenkins_job(Document& doc);
void load_n8n(Document& doc);              // n8n-workflow, n8n-credentials
void load_automation(Document& doc);       // make-blueprint, node-red-flows, flowise, langflow, dify
void load_mcp_config(Document& doc);
void load_agent_settings(Document& doc);
void load_agent_tools(Document& doc);
void load_dotenv(Document& doc);
void load_maven_settings(Document& doc);
void load_nuget_config(Document& doc);
// Claude Code and Codex sessions and histories, ChatGPT exports: the Transcript model.
void load_transcript(Document& doc);
// GitHub Actions and GitLab job logs, other *.log files: the CiLog model, from the bytes.
void load_ci_log(Document& doc);

// Runs the loader for doc.format, if it has one.
void load_facts(Document& doc);

} // namespace handoff
