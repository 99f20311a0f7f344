#pragma once
// Claude Code permission rules ("Bash(npm run test:*)", "WebFetch(domain:x.com)",
// "mcp__github__create_issue") and Gemini CLI tool rules ("run_shell_command(git)"),
// read into what they actually allow.
#include <optional>
#include <string>
#include <string_view>

namespace handoff {

struct PermissionRule {
    std::string tool;       // Bash, WebFetch, Edit, mcp__server__tool, run_shell_command
    std::string specifier;  // inside the parentheses, legacy ":*" rewritten as " *"; "*" when absent
};

PermissionRule parse_permission_rule(std::string_view text);

// What an allow rule grants when it is broad enough to matter: capability
// (shell, network-fetch, file-write), scope ("*" or the command prefix) and why.
struct BroadGrant {
    std::string capability;
    std::string scope;
    std::string why;
};
std::optional<BroadGrant> broad_allow(const PermissionRule& rule);

// True when deny covers allow: the same tool with no specifier, or the same rule.
bool denied_by(const PermissionRule& allow, const PermissionRule& deny);

} // namespace handoff
