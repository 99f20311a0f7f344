#include "checks/registry.hpp"

#include <algorithm>

namespace handoff {

const std::vector<std::unique_ptr<Check>>& all_checks() {
    static const std::vector<std::unique_ptr<Check>> checks = [] {
        std::vector<std::unique_ptr<Check>> list;
        list.push_back(make_agent_approval_bypass());
        list.push_back(make_agent_broad_allow_rule());
        list.push_back(make_agent_env_forwarding());
        list.push_back(make_agent_network_helper());
        list.push_back(make_agent_tool_arbitrary_exec());
        list.push_back(make_ai_agent_exposure());
        list.push_back(make_automation_code_execution());
        list.push_back(make_automation_inline_secret());
        list.push_back(make_cache_poisoning());
        list.push_back(make_checkout_persists_credentials());
        list.push_back(make_ci_container_password());
        list.push_back(make_curl_pipe_shell());
        list.push_back(make_dangerous_trigger());
        list.push_back(make_dify_undeclared_env());
        list.push_back(make_dify_webhook_trigger());
        list.push_back(make_dotenv_not_ignored());
        list.push_back(make_embedded_token());
        list.push_back(make_excessive_permissions());
        list.push_back(make_flowise_open_chatflow());
        list.push_back(make_github_env_injection());
        list.push_back(make_gitlab_job_token_leak());
        list.push_back(make_gitlab_mr_fork_secrets());
        list.push_back(make_gitlab_remote_include());
        list.push_back(make_gitlab_script_injection());
        list.push_back(make_gitlab_secret_variable_in_file());
        list.push_back(make_gitlab_trigger_token());
        list.push_back(make_gitlab_unpinned_image());
        list.push_back(make_insecure_commands());
        list.push_back(make_jenkins_trigger_token());
        list.push_back(make_langflow_open_flow());
        list.push_back(make_make_custom_webhook());
        list.push_back(make_mcp_auto_approve());
        list.push_back(make_mcp_host_access());
        list.push_back(make_mcp_lethal_trifecta());
        list.push_back(make_mcp_listens_on_all_interfaces());
        list.push_back(make_mcp_placeholder_secret());
        list.push_back(make_mcp_plaintext_http());
        list.push_back(make_mcp_remote_no_auth());
        list.push_back(make_mcp_secret_input_unmasked());
        list.push_back(make_mcp_undeclared_input());
        list.push_back(make_mcp_undocumented_variable());
        list.push_back(make_mcp_unexpanded_variable());
        list.push_back(make_mcp_unpinned_package());
        list.push_back(make_n8n_agent_tool_exposure());
        list.push_back(make_n8n_caller_policy_any());
        list.push_back(make_n8n_code_execution());
        list.push_back(make_n8n_command_execution());
        list.push_back(make_n8n_community_node());
        list.push_back(make_n8n_credentials_export());
        list.push_back(make_n8n_file_access());
        list.push_back(make_n8n_instance_api());
        list.push_back(make_n8n_mcp_client_plaintext());
        list.push_back(make_n8n_missing_credential());
        list.push_back(make_n8n_open_trigger());
        list.push_back(make_n8n_outbound_request());
        list.push_back(make_n8n_pinned_data());
        list.push_back(make_n8n_sql_query());
        list.push_back(make_n8n_tls_verification_off());
        list.push_back(make_n8n_undocumented_env());
        list.push_back(make_n8n_unknown_credential());
        list.push_back(make_n8n_webhook_no_auth());
        list.push_back(make_node_red_http_in());
        list.push_back(make_node_red_plain_credentials());
        list.push_back(make_openapi_no_security());
        list.push_back(make_overprovisioned_secrets());
        list.push_back(make_placeholder_secret_value());
        list.push_back(make_reusable_workflow_secrets());
        list.push_back(make_secret_in_log());
        list.push_back(make_secrets_inherit());
        list.push_back(make_secrets_outside_environment());
        list.push_back(make_shared_literal_key());
        list.push_back(make_spoofable_bot_condition());
        list.push_back(make_template_injection());
        list.push_back(make_tracked_ignored_secret_file());
        list.push_back(make_unpinned_action());
        list.push_back(make_unredacted_secret());
        return list;
    }();
    return checks;
}

std::vector<RuleInfo> all_rules() {
    std::vector<RuleInfo> rules;
    for (const auto& check : all_checks()) {
        for (const RuleInfo& rule : check->rules()) rules.push_back(rule);
    }
    std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    return rules;
}

const RuleInfo* find_rule(std::string_view id) {
    for (const auto& check : all_checks()) {
        for (const RuleInfo& rule : check->rules()) {
            if (rule.id == id) return &rule;
        }
    }
    return nullptr;
}

} // namespace handoff
