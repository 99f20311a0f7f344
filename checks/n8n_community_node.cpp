// Community node packages the client must install (and trust).
#include <map>

#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-community-node", "n8n workflow uses a community node package", Family::unsafe_permission,
    Severity::info, Confidence::high,
    "Community nodes are npm packages that run with n8n's full rights on the host; the client must "
    "install the same package and trust its author.",
    "List the package and version in the hand-over notes; check its maintainer, licence and download "
    "count; pin the version."};

class N8nCommunityNode final : public SingleRuleCheck {
public:
    N8nCommunityNode() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            std::map<std::string, std::pair<const N8nNode*, std::size_t>> packages;
            for (const N8nNode& n : wf.nodes) {
                std::string_view package = n.community_package();
                if (package.empty()) continue;
                auto& entry = packages[std::string(package)];
                if (entry.first == nullptr) entry.first = &n;
                ++entry.second;
            }
            for (const auto& [package, entry] : packages) {
                std::string msg = "Workflow uses community package '" + package + "' (" +
                                  std::to_string(entry.second) + " node(s), first " + quoted(entry.first->name) +
                                  "): the client must install it";
                sink.report(doc, kRule, n8n_type_hit(*entry.first, msg));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_community_node() { return std::make_unique<N8nCommunityNode>(); }
} // namespace handoff
