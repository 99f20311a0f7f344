// Agent settings of Claude Code (.claude/settings*.json), VS Code (chat.tools.*),
// Codex (config.toml) and Gemini CLI (.gemini/settings.json): what the agent may do
// without asking, which commands run on its behalf (hooks, helpers), and its env.
#include <cctype>

#include "parsers/loaders/agent_facts.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/permission_rules.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

bool is_true(const Node* n) { return n != nullptr && n->is_scalar() && lower(n->value) == "true"; }

// VS Code and Gemini write "chat.tools.autoApprove" as one key; others nest it.
struct Found {
    const Node* node = nullptr;
    std::string path;
};

Found lookup(const Node& root, std::string_view dotted) {
    if (const Node* flat = root.find(dotted); flat != nullptr) return {flat, child_path("", dotted)};
    const Node* n = &root;
    std::string path;
    std::size_t start = 0;
    while (start <= dotted.size()) {
        std::size_t dot = dotted.find('.', start);
        std::string_view part = dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        n = n->find(part);
        if (n == nullptr) return {};
        path = child_path(path, part);
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return {n, path};
}

class SettingsLoader {
public:
    SettingsLoader(AgentFacts& facts, const Node& root) : facts_(facts), root_(root) {}

    void load() {
        if (!root_.is_map()) return;
        // Claude Code's permission keys mean nothing to the Gemini CLI (a copied
        // enableAllProjectMcpServers there approves nothing).
        if (facts_.client() != McpClient::gemini) {
            claude_permissions();
            claude_switches();
        }
        claude_env();
        helpers();
        hooks();
        sandbox();
        gemini();
        vscode();
        codex(root_, "");
        if (const Node* profiles = root_.find("profiles"); profiles != nullptr && profiles->is_map()) {
            for (const Node& p : profiles->children) codex(p, child_path("profiles", p.key));
        }
    }

private:
    AgentFacts& facts_;
    const Node& root_;

    void bypass(const Node& at, const std::string& path, std::string scope, std::string detail) {
        facts_.grant("", capability::approval_bypass, std::move(scope), AgentFacts::site(at, path),
                     std::move(detail));
    }

    void allow_rules(const Found& allow, const std::vector<PermissionRule>& denies) {
        if (allow.node == nullptr || !allow.node->is_seq()) return;
        for (std::size_t i = 0; i < allow.node->children.size(); ++i) {
            const Node& item = allow.node->children[i];
            if (!item.is_scalar()) continue;
            PermissionRule rule = parse_permission_rule(item.value);
            bool denied = std::any_of(denies.begin(), denies.end(),
                                      [&](const PermissionRule& d) { return denied_by(rule, d); });
            if (denied) continue;
            std::optional<BroadGrant> broad = broad_allow(rule);
            if (!broad) continue;
            // The rule text may hold a captured command line with a key: describe, don't quote.
            // Broad scopes are "*" or "program [-c] *": names and flags only, never a captured value.
            std::string detail = rule.tool + "(" + broad->scope + ")";
            facts_.grant("", broad->capability, broad->scope, AgentFacts::site(item, index_path(allow.path, i)),
                         detail + ": " + broad->why);
        }
    }

    static std::vector<PermissionRule> rules_of(const Found& list) {
        std::vector<PermissionRule> out;
        if (list.node == nullptr || !list.node->is_seq()) return out;
        for (const Node& item : list.node->children) {
            if (item.is_scalar()) out.push_back(parse_permission_rule(item.value));
        }
        return out;
    }

    void claude_permissions() {
        Found allow = lookup(root_, "permissions.allow");
        allow_rules(allow, rules_of(lookup(root_, "permissions.deny")));
        for (std::string_view key : {"permissions.defaultMode", "defaultMode"}) {
            Found mode = lookup(root_, key);
            if (mode.node != nullptr && mode.node->is_scalar() && mode.node->value == "bypassPermissions") {
                bypass(*mode.node, mode.path, "every tool", "defaultMode: bypassPermissions");
            }
        }
    }

    void claude_switches() {
        if (Found f = lookup(root_, "skipDangerousModePermissionPrompt"); is_true(f.node)) {
            bypass(*f.node, f.path, "the bypass-mode warning", "skipDangerousModePermissionPrompt: true");
        }
        if (Found f = lookup(root_, "enableAllProjectMcpServers"); is_true(f.node)) {
            bypass(*f.node, f.path, "every project MCP server", "enableAllProjectMcpServers: true");
        }
    }

    void claude_env() {
        const Node* env = root_.find("env");
        if (env == nullptr || !env->is_map()) return;
        for (const Node& v : env->children) {
            if (!v.is_scalar()) continue;
            std::string path = child_path("env", v.key);
            facts_.placeholder(v, path, "settings", v.key);
            std::string key = lower(v.key);
            bool url_slot = key.ends_with("_url") || key.ends_with("_endpoint") || key.ends_with("_base");
            if (url_slot && (v.value.starts_with("http://") || v.value.starts_with("https://"))) {
                facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::api_base_url, v.key, v.value, "unknown", true,
                                AgentFacts::site(v, path));
            }
        }
    }

    void helpers() {
        for (std::string_view key : {"apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper",
                                     "statusLine.command"}) {
            Found f = lookup(root_, key);
            if (f.node == nullptr || !f.node->is_scalar() || f.node->value.empty()) continue;
            facts_.exec(std::string(key), f.node->value, AgentFacts::site(*f.node, f.path),
                        key == "statusLine.command" ? "status-line" : "credential-helper");
        }
    }

    void hook(const Node& h, const std::string& path, const std::string& holder) {
        if (!h.is_map()) return;
        if (const Node* cmd = h.find("command"); cmd != nullptr && cmd->is_scalar()) {
            facts_.exec(holder, cmd->value, AgentFacts::site(*cmd, child_path(path, "command")), "hook");
        }
        if (const Node* url = h.find("url"); url != nullptr && url->is_scalar()) {
            std::string auth = h.find("headers") != nullptr ? "header" : "none";
            facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::hook_url, holder, url->value, auth, true,
                            AgentFacts::site(*url, child_path(path, "url")));
        }
    }

    void hooks() {
        const Node* all = root_.find("hooks");
        if (all == nullptr || !all->is_map()) return;
        for (const Node& event : all->children) {
            if (!event.is_seq()) continue;
            std::string event_path = child_path("hooks", event.key);
            for (std::size_t i = 0; i < event.children.size(); ++i) {
                const Node& group = event.children[i];
                std::string group_path = index_path(event_path, i);
                std::string holder = "hooks." + event.key;
                hook(group, group_path, holder);  // legacy {matcher, command}
                const Node* inner = group.find("hooks");
                if (inner == nullptr || !inner->is_seq()) continue;
                for (std::size_t j = 0; j < inner->children.size(); ++j) {
                    hook(inner->children[j], index_path(child_path(group_path, "hooks"), j), holder);
                }
            }
        }
    }

    void sandbox() {
        Found domains = lookup(root_, "sandbox.network.allowedDomains");
        if (domains.node == nullptr || !domains.node->is_seq()) return;
        for (std::size_t i = 0; i < domains.node->children.size(); ++i) {
            const Node& d = domains.node->children[i];
            if (d.is_scalar() && d.value == "*") {
                facts_.grant("", capability::network_fetch, "*", AgentFacts::site(d, index_path(domains.path, i)),
                             "sandbox.network.allowedDomains: [\"*\"]: lets sandboxed commands reach any host");
            }
        }
    }

    void gemini() {
        // tools.allowed / allowedTools skip the confirmation; coreTools / tools.core only choose which
        // built-in tools exist, so they approve nothing.
        for (std::string_view key : {"tools.allowed", "allowedTools"}) {
            Found list = lookup(root_, key);
            if (list.node == nullptr || !list.node->is_seq()) continue;
            allow_rules(list, rules_of(lookup(root_, "tools.exclude")));
        }
        for (std::string_view key : {"autoAccept", "tools.autoAccept"}) {
            if (Found f = lookup(root_, key); is_true(f.node)) {
                bypass(*f.node, f.path, "tools the CLI deems safe", std::string(key) + ": true");
            }
        }
        for (std::string_view key : {"general.defaultApprovalMode", "defaultApprovalMode"}) {
            Found f = lookup(root_, key);
            if (f.node != nullptr && f.node->is_scalar() && lower(f.node->value) == "yolo") {
                bypass(*f.node, f.path, "every tool", std::string(key) + ": yolo");
            }
        }
    }

    void vscode() {
        for (std::string_view key : {"chat.tools.autoApprove", "chat.tools.global.autoApprove"}) {
            if (Found f = lookup(root_, key); is_true(f.node)) {
                bypass(*f.node, f.path, "every tool call", std::string(key) + ": true");
            }
        }
        Found terminal = lookup(root_, "chat.tools.terminal.autoApprove");
        if (terminal.node != nullptr && terminal.node->is_map()) {
            for (const Node& rule : terminal.node->children) {
                bool approved = is_true(&rule) || (rule.is_map() && is_true(rule.find("approve")));
                if (approved && (rule.key == "/.*/" || rule.key == "/.+/" || rule.key == "*" || rule.key == "/^.*$/")) {
                    facts_.grant("", capability::shell, "*",
                                 AgentFacts::key_site(rule, child_path(terminal.path, rule.key)),
                                 "chat.tools.terminal.autoApprove " + rule.key + ": runs every terminal command unasked");
                }
            }
        }
        Found urls = lookup(root_, "chat.tools.urls.autoApprove");
        if (urls.node != nullptr && urls.node->is_map()) {
            for (const Node& rule : urls.node->children) {
                if ((rule.key == "*" || rule.key == "https://*" || rule.key == "http://*") &&
                    (is_true(&rule) || rule.is_map())) {
                    facts_.grant("", capability::network_fetch, "*",
                                 AgentFacts::key_site(rule, child_path(urls.path, rule.key)),
                                 "chat.tools.urls.autoApprove " + rule.key + ": fetches any URL unasked");
                }
            }
        }
    }

    void codex(const Node& table, const std::string& base) {
        if (!table.is_map()) return;
        if (const Node* p = table.find("approval_policy"); p != nullptr && p->is_scalar() && p->value == "never") {
            bypass(*p, child_path(base, "approval_policy"), "every command", "approval_policy = \"never\"");
        }
        if (const Node* m = table.find("sandbox_mode"); m != nullptr && m->is_scalar() && m->value == "danger-full-access") {
            facts_.grant("", capability::sandbox_disabled, "danger-full-access",
                         AgentFacts::site(*m, child_path(base, "sandbox_mode")), "sandbox_mode = \"danger-full-access\"");
        }
        const Node* policy = table.find("shell_environment_policy");
        if (policy == nullptr || !policy->is_map()) return;
        std::string ppath = child_path(base, "shell_environment_policy");
        if (const Node* inherit = policy->find("inherit"); inherit != nullptr && inherit->value == "all") {
            facts_.grant("", capability::env_forward_all, "all", AgentFacts::site(*inherit, child_path(ppath, "inherit")),
                         "shell_environment_policy.inherit = \"all\"");
        }
        if (const Node* ignore = policy->find("ignore_default_excludes"); is_true(ignore)) {
            facts_.grant("", capability::env_forward_all, "*KEY*, *SECRET*, *TOKEN*",
                         AgentFacts::site(*ignore, child_path(ppath, "ignore_default_excludes")),
                         "shell_environment_policy.ignore_default_excludes = true");
        }
    }
};

} // namespace

void load_settings_keys(AgentFacts& facts, const Node& root) { SettingsLoader(facts, root).load(); }

void load_agent_settings(Document& doc) { load_agent_file(doc, AgentFileKind::agent_settings); }

} // namespace handoff
