#include "checks/registry.hpp"

namespace handoff {
namespace {
class DotenvNotIgnored final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{{"dotenv-not-ignored", ".env file with values is not git-ignored",
                                                  Family::embedded_token, Severity::high, Confidence::high, "", ""}};
        return rules;
    }
};
} // namespace
std::unique_ptr<Check> make_dotenv_not_ignored() { return std::make_unique<DotenvNotIgnored>(); }
} // namespace handoff
