#include "checks/registry.hpp"

#include <algorithm>

namespace handoff {

const std::vector<std::unique_ptr<Check>>& all_checks() {
    static const std::vector<std::unique_ptr<Check>> checks = [] {
        std::vector<std::unique_ptr<Check>> list;
        list.push_back(make_dotenv_not_ignored());
        list.push_back(make_automation_open_trigger());
        list.push_back(make_n8n_agent_tool_exposure());
        list.push_back(make_n8n_caller_policy_any());
        list.push_back(make_n8n_code_execution());
        list.push_back(make_n8n_command_execution());
        list.push_back(make_n8n_community_node());
        list.push_back(make_n8n_credentials_export());
        list.push_back(make_n8n_file_access());
        list.push_back(make_n8n_instance_api());
        list.push_back(make_n8n_missing_credential());
        list.push_back(make_n8n_open_trigger());
        list.push_back(make_n8n_outbound_request());
        list.push_back(make_n8n_pinned_data());
        list.push_back(make_n8n_sql_query());
        list.push_back(make_n8n_tls_verification_off());
        list.push_back(make_n8n_undocumented_env());
        list.push_back(make_n8n_unknown_credential());
        list.push_back(make_n8n_webhook_no_auth());
        list.push_back(make_node_red_plain_credentials());
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
