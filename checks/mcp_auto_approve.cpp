#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

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
// Compared word by word (snake_case, kebab-case and camelCase), so get_debug_output
// is not read as "put".
bool mutating_tool(std::string_view name) {
    static constexpr std::array kVerbs{
        "write", "create", "update", "delete", "remove", "execute", "exec", "run", "command", "shell", "send",
        "post", "push", "commit", "merge", "edit", "move", "rename", "deploy", "install", "publish", "upload",
        "insert", "drop", "transfer", "pay", "kill", "terminal", "apply", "put", "patch", "set", "modify",
        "evaluate", "eval", "click", "fill", "submit", "reply", "comment", "invite", "archive", "close",
        "add", "save", "replace", "truncate", "grant", "revoke", "approve", "trigger", "start", "stop", "restart",
        "launch", "navigate", "bash", "mutate", "tweet", "buy", "sell", "append",
    };
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 || (upper && !current.empty() &&
                                                                 std::islower(static_cast<unsigned char>(name[i - 1])) != 0)) {
            if (!current.empty()) words.push_back(current);
            current.clear();
            if (std::isalnum(static_cast<unsigned char>(c)) == 0) continue;
        }
        current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!current.empty()) words.push_back(current);
    for (const std::string& w : words) {
        for (std::string_view verb : kVerbs) {
            // "writes", "executes", "edited": a verb with an ending is still the verb.
            if (w == verb || (verb.size() >= 4 && w.starts_with(verb))) return true;
        }
    }
    return false;
}

class McpAutoApprove final : public SingleRuleCheck {
public:
    McpAutoApprove() : SingleRuleCheck(kRule) {}
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
