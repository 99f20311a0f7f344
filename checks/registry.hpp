#pragma once
// The one explicit list of checks. Adding a check: write checks/<id>.cpp with a
// make_<id>() factory, declare it here, add it to all_checks() in registry.cpp.
#include <memory>
#include <vector>

#include "core/check.hpp"

namespace handoff {

std::unique_ptr<Check> make_dotenv_not_ignored();
std::unique_ptr<Check> make_embedded_token();

// Every check, in a fixed order.
const std::vector<std::unique_ptr<Check>>& all_checks();
// Every rule of every check, sorted by id.
std::vector<RuleInfo> all_rules();
// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

} // namespace handoff
