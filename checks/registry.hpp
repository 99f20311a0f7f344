#pragma once
// The one explicit list of checks. Adding a check: write checks/<id>.cpp with a
// make_<id>() factory, declare it here, add it to all_checks() in registry.cpp.
#include <memory>
#include <vector>

#include "core/check.hpp"

namespace handoff {

std::unique_ptr<Check> make_dotenv_not_ignored();
std::unique_ptr<Check> make_ai_agent_exposure();
std::unique_ptr<Check> make_curl_pipe_shell();
std::unique_ptr<Check> make_dangerous_trigger();
std::unique_ptr<Check> make_excessive_permissions();
std::unique_ptr<Check> make_gitlab_trigger_token();
std::unique_ptr<Check> make_jenkins_trigger_token();
std::unique_ptr<Check> make_overprovisioned_secrets();
std::unique_ptr<Check> make_placeholder_secret_value();
std::unique_ptr<Check> make_reusable_workflow_secrets();
std::unique_ptr<Check> make_secret_in_log();
std::unique_ptr<Check> make_secrets_inherit();
std::unique_ptr<Check> make_template_injection();
std::unique_ptr<Check> make_unpinned_action();

// Every check, in a fixed order.
const std::vector<std::unique_ptr<Check>>& all_checks();
// Every rule of every check, sorted by id.
std::vector<RuleInfo> all_rules();
// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

} // namespace handoff
