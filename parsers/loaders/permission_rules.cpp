#include "parsers/loaders/permission_rules.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace handoff {

namespace {

bool is_shell_tool(std::string_view tool) {
    return tool == "Bash" || tool == "PowerShell" || tool == "run_shell_command" || tool == "ShellTool" ||
           tool == "shell";
}

// Programs that reach the network, run arbitrary code, or escalate: a wildcard
// after them is as good as a blanket shell grant.
constexpr std::array kRiskyPrograms{
    "curl", "wget", "nc", "ncat", "netcat", "socat", "telnet", "ssh", "scp", "sftp", "rsync", "ftp",
    "python", "python3", "node", "deno", "bun", "ruby", "perl", "php", "bash", "sh", "zsh", "pwsh",
    "powershell", "npx", "bunx", "uvx", "pnpx", "eval", "exec", "env", "printenv", "xargs", "sudo", "su",
    "docker", "podman", "kubectl", "rm", "chmod", "chown", "aws", "gcloud", "az", "source", "osascript",
};

constexpr std::array kNetworkPrograms{"curl", "wget", "nc", "ncat", "netcat", "socat", "telnet",
                                      "ssh", "scp", "sftp", "rsync", "ftp"};

bool in(std::string_view word, const auto& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

} // namespace

PermissionRule parse_permission_rule(std::string_view text) {
    text = trim(text, " \t");
    PermissionRule rule;
    std::size_t open = text.find('(');
    if (open == std::string_view::npos || !text.ends_with(')')) {
        rule.tool = std::string(text);
        rule.specifier = "*";
        return rule;
    }
    rule.tool = std::string(trim(text.substr(0, open), " \t"));
    std::string spec(trim(text.substr(open + 1, text.size() - open - 2), " \t"));
    // Legacy suffix "cmd:*" means "cmd *"; only at the end.
    if (spec.size() >= 2 && spec.ends_with(":*")) spec = spec.substr(0, spec.size() - 2) + " *";
    if (spec.empty()) spec = "*";
    rule.specifier = spec;
    return rule;
}

std::optional<BroadGrant> broad_allow(const PermissionRule& rule) {
    const std::string& spec = rule.specifier;
    if (is_shell_tool(rule.tool)) {
        if (spec == "*" || spec == " *" || spec == "**") {
            return BroadGrant{"shell", "*", "allows every shell command"};
        }
        std::string_view s = trim(spec, " \t");
        std::string_view first = s.substr(0, s.find(' '));
        if (std::size_t star = first.find('*'); star != std::string_view::npos) {
            // "pytest*" stays with pytest; "*", "py*" or "n*" reach an interpreter or curl.
            std::string_view prefix = first.substr(0, star);
            if (std::size_t dir = prefix.find_last_of("/\\"); dir != std::string_view::npos) prefix.remove_prefix(dir + 1);
            bool reaches_risky = prefix.empty() || std::any_of(kRiskyPrograms.begin(), kRiskyPrograms.end(),
                                                                [&](std::string_view p) { return p.starts_with(prefix); });
            if (!reaches_risky) return std::nullopt;
            return BroadGrant{"shell", std::string(s),
                              prefix.empty() ? "allows any program (wildcard in the command name)"
                                             : "allows any program whose name starts with " + std::string(prefix) +
                                                   ", interpreters or network tools included"};
        }
        std::size_t slash = first.find_last_of('/');
        std::string_view program = slash == std::string_view::npos ? first : first.substr(slash + 1);
        if (!in(program, kRiskyPrograms)) return std::nullopt;
        std::string_view rest = trim(s.substr(first.size()), " \t");
        // "curl *", "python -c *", "sudo *": the wildcard reaches everything the program can do.
        bool open_ended = rest == "*" || rest == "-c *" || rest == "-e *" || rest == "-lc *";
        if (!open_ended) return std::nullopt;
        std::string why = "lets the agent run arbitrary code";
        if (in(program, kNetworkPrograms)) why = "lets the agent send anything to any host";
        if (program == "rm" || program == "chmod" || program == "chown") why = "lets the agent delete or open up any file";
        if (program == "env" || program == "printenv") why = "lets the agent read every environment variable, keys included";
        return BroadGrant{"shell", std::string(s), why};
    }
    if (rule.tool == "WebFetch") {
        if (spec == "*" || spec == "domain:*") return BroadGrant{"network-fetch", "*", "allows fetching any URL"};
        return std::nullopt;
    }
    if (rule.tool == "Write" || rule.tool == "Edit" || rule.tool == "MultiEdit" || rule.tool == "NotebookEdit") {
        if (spec == "*" || spec == "/**" || spec == "//**" || spec == "~/**" || spec == "**") {
            return BroadGrant{"file-write", spec, "allows writing any file, outside the project too"};
        }
    }
    return std::nullopt;
}

bool denied_by(const PermissionRule& allow, const PermissionRule& deny) {
    if (allow.tool != deny.tool) return false;
    return deny.specifier == "*" || deny.specifier == allow.specifier;
}

} // namespace handoff
