#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-lethal-trifecta", "One config combines untrusted content, private data and a way out",
    Family::unsafe_permission, Severity::medium, Confidence::low,
    "When one agent can read text an outsider wrote (web pages, e-mail, issues), read private data (files, "
    "databases, documents) and send data somewhere (HTTP, chat, e-mail), a single injected instruction can make "
    "it exfiltrate that data. Roles are guessed from server names and packages.",
    "Split the servers across separate agent profiles, or require approval for every tool of the server that "
    "sends data out; never auto-approve across all three."};

class McpLethalTrifecta final : public SingleRuleCheck {
public:
    McpLethalTrifecta() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        const AgentModel* model = agent_model(doc);
        if (model == nullptr || model->kind == AgentFileKind::tool_list) return;
        // One server holding all three legs (a GitHub server) is how it is meant to work; a mix of servers
        // is what lets one's input drive another's output.
        const Untrusted* reads = nullptr;
        const Grant* secret = nullptr;
        const Grant* out = nullptr;
        for (const Untrusted& u : doc.facts.untrusted) {
            for (const Grant& p : doc.facts.grants) {
                if (p.capability != capability::private_data) continue;
                for (const Grant& s : doc.facts.grants) {
                    if (s.capability != capability::sends_data) continue;
                    if (u.holder == p.holder && p.holder == s.holder) continue;
                    if (reads == nullptr) {
                        reads = &u;
                        secret = &p;
                        out = &s;
                    }
                }
            }
        }
        if (reads == nullptr) return;
        std::string message = "\"" + reads->holder + "\" reads " + reads->source + ", \"" + secret->holder +
                              "\" reads " + secret->scope + ", \"" + out->holder + "\" can send " + out->scope +
                              ": injected text can exfiltrate private data";
        sink.report(doc, kRule, agent_hit(doc, reads->site, std::move(message)));
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_lethal_trifecta() { return std::make_unique<McpLethalTrifecta>(); }
} // namespace handoff
