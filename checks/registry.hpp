#pragma once
// The one explicit list of checks. Adding a check: write checks/<id>.cpp with a
// make_<id>() factory, declare it here, add it to all_checks() in registry.cpp.
#include <memory>
#include <vector>

#include "core/check.hpp"

namespace handoff {

std::unique_ptr<Check> make_agent_approval_bypass();
std::unique_ptr<Check> make_agent_broad_allow_rule();
std::unique_ptr<Check> make_agent_env_forwarding();
std::unique_ptr<Check> make_agent_network_helper();
std::unique_ptr<Check> make_agent_tool_arbitrary_exec();
std::unique_ptr<Check> make_ai_agent_exposure();
std::unique_ptr<Check> make_automation_code_execution();
std::unique_ptr<Check> make_automation_inline_secret();
std::unique_ptr<Check> make_cache_poisoning();
std::unique_ptr<Check> make_checkout_persists_credentials();
std::unique_ptr<Check> make_ci_container_password();
std::unique_ptr<Check> make_curl_pipe_shell();
std::unique_ptr<Check> make_dangerous_trigger();
std::unique_ptr<Check> make_dify_undeclared_env();
std::unique_ptr<Check> make_dify_webhook_trigger();
std::unique_ptr<Check> make_dotenv_not_ignored();
std::unique_ptr<Check> make_embedded_token();
std::unique_ptr<Check> make_excessive_permissions();
std::unique_ptr<Check> make_flowise_open_chatflow();
std::unique_ptr<Check> make_github_env_injection();
std::unique_ptr<Check> make_gitlab_job_token_leak();
std::unique_ptr<Check> make_gitlab_mr_fork_secrets();
std::unique_ptr<Check> make_gitlab_remote_include();
std::unique_ptr<Check> make_gitlab_script_injection();
std::unique_ptr<Check> make_gitlab_secret_variable_in_file();
std::unique_ptr<Check> make_gitlab_trigger_token();
std::unique_ptr<Check> make_gitlab_unpinned_image();
std::unique_ptr<Check> make_insecure_commands();
std::unique_ptr<Check> make_jenkins_trigger_token();
std::unique_ptr<Check> make_langflow_open_flow();
std::unique_ptr<Check> make_make_custom_webhook();
std::unique_ptr<Check> make_mcp_auto_approve();
std::unique_ptr<Check> make_mcp_host_access();
std::unique_ptr<Check> make_mcp_lethal_trifecta();
std::unique_ptr<Check> make_mcp_listens_on_all_interfaces();
std::unique_ptr<Check> make_mcp_placeholder_secret();
std::unique_ptr<Check> make_mcp_plaintext_http();
std::unique_ptr<Check> make_mcp_remote_no_auth();
std::unique_ptr<Check> make_mcp_secret_input_unmasked();
std::unique_ptr<Check> make_mcp_undeclared_input();
std::unique_ptr<Check> make_mcp_undocumented_variable();
std::unique_ptr<Check> make_mcp_unexpanded_variable();
std::unique_ptr<Check> make_mcp_unpinned_package();
std::unique_ptr<Check> make_n8n_agent_tool_exposure();
std::unique_ptr<Check> make_n8n_caller_policy_any();
std::unique_ptr<Check> make_n8n_code_execution();
std::unique_ptr<Check> make_n8n_command_execution();
std::unique_ptr<Check> make_n8n_community_node();
std::unique_ptr<Check> make_n8n_credentials_export();
std::unique_ptr<Check> make_n8n_file_access();
std::unique_ptr<Check> make_n8n_instance_api();
std::unique_ptr<Check> make_n8n_mcp_client_plaintext();
std::unique_ptr<Check> make_n8n_missing_credential();
std::unique_ptr<Check> make_n8n_open_trigger();
std::unique_ptr<Check> make_n8n_outbound_request();
std::unique_ptr<Check> make_n8n_pinned_data();
std::unique_ptr<Check> make_n8n_sql_query();
std::unique_ptr<Check> make_n8n_tls_verification_off();
std::unique_ptr<Check> make_n8n_undocumented_env();
std::unique_ptr<Check> make_n8n_unknown_credential();
std::unique_ptr<Check> make_n8n_webhook_no_auth();
std::unique_ptr<Check> make_node_red_http_in();
std::unique_ptr<Check> make_node_red_plain_credentials();
std::unique_ptr<Check> make_openapi_no_security();
std::unique_ptr<Check> make_overprovisioned_secrets();
std::unique_ptr<Check> make_placeholder_secret_value();
std::unique_ptr<Check> make_reusable_workflow_secrets();
std::unique_ptr<Check> make_secret_in_log();
std::unique_ptr<Check> make_secrets_inherit();
std::unique_ptr<Check> make_secrets_outside_environment();
std::unique_ptr<Check> make_shared_literal_key();
std::unique_ptr<Check> make_spoofable_bot_condition();
std::unique_ptr<Check> make_template_injection();
std::unique_ptr<Check> make_tracked_ignored_secret_file();
std::unique_ptr<Check> make_unpinned_action();
std::unique_ptr<Check> make_unredacted_secret();

// Every check, in a fixed order.
const std::vector<std::unique_ptr<Check>>& all_checks();
// Every rule of every check, sorted by id.
std::vector<RuleInfo> all_rules();
// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

} // namespace handoff
