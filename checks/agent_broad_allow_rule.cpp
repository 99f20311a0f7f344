#include <algorithm>
#include <string>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-broad-allow-rule", "Agent allowed to run any command or fetch any URL without asking",
    Family::unsafe_permission, Severity::high, Confidence::high,
    "An allow rule such as Bash, Bash(*), Bash(curl:*), Bash(python -c:*) or bare WebFetch lets the agent act "
    "without a prompt; one prompt injection from a web page, issue or file is then enough to run code or send "
    "data anywhere.",
    "Allow only the exact commands the project needs (Bash(npm run test:*), WebFetch(domain:docs.example.com)); "
    "move broad rules to ask, and add deny rules for network and interpreter commands."};

// One finding per allow list: the list is one decision, and seventeen findings for it
// bury the rest of the report. The finding sits on the worst entry and names the others.
class AgentBroadAllowRule final : public SingleRuleCheck {
public:
    AgentBroadAllowRule() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        struct List {
            std::string path;
            std::vector<const Grant*> entries;
        };
        std::vector<List> lists;
        for (const Grant& g : doc.facts.grants) {
            bool shell = g.capability == capability::shell;
            if (!shell && g.capability != capability::network_fetch && g.capability != capability::file_write) continue;
            const std::string& at = g.site.node_path;
            std::size_t bracket = at.ends_with(']') ? at.rfind('[') : std::string::npos;
            std::string list = bracket == std::string::npos ? at : at.substr(0, bracket);
            auto it = std::find_if(lists.begin(), lists.end(), [&](const List& l) { return l.path == list; });
            if (it == lists.end()) it = lists.insert(lists.end(), List{list, {}});
            it->entries.push_back(&g);
        }
        for (const List& list : lists) report(doc, sink, list.entries);
    }

private:
    static void report(const Document& doc, FindingSink& sink, const std::vector<const Grant*>& entries) {
        // Shell grants first: they are the worst, and the finding sits on the first of them.
        std::vector<const Grant*> order = entries;
        std::stable_partition(order.begin(), order.end(),
                              [](const Grant* g) { return g->capability == capability::shell; });
        const Grant& worst = *order.front();
        constexpr std::size_t kNamed = 3;
        std::string message = order.size() == 1 ? "allow rule " + worst.detail : "allow rules ";
        if (order.size() > 1) {
            for (std::size_t i = 0; i < order.size() && i < kNamed; ++i) {
                if (i > 0) message += "; ";
                message += order[i]->detail;
            }
            if (order.size() > kNamed) message += "; and " + std::to_string(order.size() - kNamed) + " more";
        }
        Hit hit = agent_hit(doc, worst.site, std::move(message), worst.detail.substr(0, worst.detail.find(':')));
        if (worst.capability != capability::shell) hit.severity = Severity::medium;
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace
std::unique_ptr<Check> make_agent_broad_allow_rule() { return std::make_unique<AgentBroadAllowRule>(); }
} // namespace handoff
