#include "checks/registry.hpp"

#include <algorithm>

namespace handoff {

const std::vector<std::unique_ptr<Check>>& all_checks() {
    static const std::vector<std::unique_ptr<Check>> checks = [] {
        std::vector<std::unique_ptr<Check>> list;
        list.push_back(make_dotenv_not_ignored());
        list.push_back(make_embedded_token());
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
