#include <array>
#include <cctype>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "parsers/loaders/agent_facts.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-auto-approve", "MCP tool that writes, sends or executes is auto-approved", Family::unsafe_permission,
    Severity::medium, Confidence::medium,
    "autoApprove (Cline) and alwaysAllow (Roo, Kilo) run the listed tools without asking. For tools that only "
    "read that is a convenience; for tools that write files, run commands or send messages, one injected "
    "instruction is enough to act.",
    "Keep auto-approval to read-only tools (search, get, list, read); let the user confirm the rest."};

// Tool names that change something or reach out; read-only names are left alone.
bool mutating_tool(std::string_view name) {
    std::string n(name);
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::array kVerbs{
        "write", "create", "update", "delete", "remove", "execute", "exec", "run", "command", "shell", "send",
        "post", "push", "commit", "merge", "edit", "move", "rename", "deploy", "install", "publish", "upload",
        "insert", "drop", "transfer", "pay", "kill", "terminal", "apply", "put", "patch", "set_", "modify",
        "evaluate", "eval", "click", "type", "fill", "submit", "reply", "comment", "invite", "archive", "close",
        "add_", "save", "replace", "truncate", "grant", "revoke", "approve", "trigger", "start", "stop", "restart",
    };
    for (std::string_view verb : kVerbs) {
        if (n.find(verb) != std::string::npos) return true;
    }
    return false;
}

class McpAutoApprove final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{kRule};
        return rules;
    }
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            if (g.capability != capability::auto_approve) continue;
            bool all = g.scope == "*";
            if (!all && !mutating_tool(g.scope)) continue;
            std::string message = all ? g.detail + " approves every tool of " + holder_label(doc, g.holder)
                                      : holder_label(doc, g.holder) + ": " + g.detail + " lists " + g.scope +
                                            ", which changes or sends something";
            Hit hit = agent_hit(doc, g.site, std::move(message), g.scope);
            if (all) hit.severity = Severity::high;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_auto_approve() { return std::make_unique<McpAutoApprove>(); }
} // namespace handoff
