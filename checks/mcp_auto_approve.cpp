#include <array>
#include <cctype>
#include <map>
#include <utility>
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

std::vector<std::string> tool_words(std::string_view name);

// get_pull_request_comments, list_commits, search_issues: the first word says the tool
// reads, whatever the noun after it (a "comment", a "commit") would suggest.
bool read_only_tool(std::string_view name) {
    static constexpr std::array kReadVerbs{"get", "list", "read", "search", "describe", "find", "query",
                                           "view", "show", "lookup", "inspect", "count", "browse", "resolve"};
    std::vector<std::string> words = tool_words(name);
    if (words.empty()) return false;
    for (std::string_view verb : kReadVerbs) {
        if (words.front() == verb) return true;
    }
    return false;
}

// Tool names that change something or reach out. Compared word by word, so
// get_debug_output is not read as "put".
bool mutating_tool(std::string_view name) {
    static constexpr std::array kVerbs{
        "write", "create", "update", "delete", "remove", "execute", "exec", "run", "command", "shell", "send",
        "post", "push", "commit", "merge", "edit", "move", "rename", "deploy", "install", "publish", "upload",
        "insert", "drop", "transfer", "pay", "kill", "terminal", "apply", "put", "patch", "set", "modify",
        "evaluate", "eval", "click", "fill", "submit", "reply", "comment", "invite", "archive", "close",
        "add", "save", "replace", "truncate", "grant", "revoke", "approve", "trigger", "start", "stop", "restart",
        "launch", "navigate", "bash", "mutate", "tweet", "buy", "sell", "append",
    };
    for (const std::string& w : tool_words(name)) {
        for (std::string_view verb : kVerbs) {
            // "writes", "executes", "edited": a verb with an ending is still the verb.
            if (w == verb || (verb.size() >= 4 && w.starts_with(verb))) return true;
        }
    }
    return false;
}

// The words of a tool name: snake_case, kebab-case and camelCase, lower case.
std::vector<std::string> tool_words(std::string_view name) {
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
    return words;
}

class McpAutoApprove final : public SingleRuleCheck {
public:
    McpAutoApprove() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        // One finding per list (a server's autoApprove or alwaysAllow), at its first tool that
        // acts, naming them all: the advice is the same for every entry.
        std::vector<std::pair<std::string, std::string>> order;           // (holder, list) as met
        std::map<std::pair<std::string, std::string>, std::vector<const Grant*>> acting;
        for (const Grant& g : doc.facts.grants) {
            if (g.capability != capability::auto_approve) continue;
            if (g.scope == "*") {
                Hit hit = agent_hit(doc, g.site, g.detail + " approves every tool of " + holder_label(doc, g.holder), g.scope);
                hit.severity = Severity::high;
                sink.report(doc, kRule, std::move(hit));
                continue;
            }
            if (read_only_tool(g.scope) || !mutating_tool(g.scope)) continue;
            auto key = std::make_pair(g.holder, g.detail);
            if (acting.find(key) == acting.end()) order.push_back(key);
            acting[key].push_back(&g);
        }
        for (const auto& key : order) {
            const std::vector<const Grant*>& tools = acting[key];
            std::string names;
            for (std::size_t i = 0; i < tools.size() && i < 6; ++i) names += (i ? ", " : "") + tools[i]->scope;
            if (tools.size() > 6) names += " and " + std::to_string(tools.size() - 6) + " more";
            std::string message = holder_label(doc, key.first) + ": " + key.second + " lists " + names +
                                  (tools.size() == 1 ? ", which changes or sends something"
                                                     : ", which change or send something");
            sink.report(doc, kRule, agent_hit(doc, tools.front()->site, std::move(message), tools.front()->scope));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_auto_approve() { return std::make_unique<McpAutoApprove>(); }
} // namespace handoff
