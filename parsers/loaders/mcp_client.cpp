#include "parsers/loaders/mcp_client.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>

namespace handoff {

namespace {

// True when path is exactly tail or ends with "/" + tail.
bool path_is(std::string_view path, std::string_view tail) {
    if (path == tail) return true;
    return path.size() > tail.size() && path.ends_with(tail) && path[path.size() - tail.size() - 1] == '/';
}

bool has_segment(std::string_view path, std::string_view segment) {
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == segment) return true;
        start = end + 1;
    }
    return false;
}

std::string_view file_name(std::string_view path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

McpClient client_from_path(std::string_view original) {
    std::string path = lower(original);
    std::string_view name = file_name(path);
    if (name == "claude_desktop_config.json") return McpClient::claude_desktop;
    if (name == ".mcp.json" || name == ".claude.json" || name == "managed-mcp.json" ||
        name == "managed-settings.json")
        return McpClient::claude_code;
    if (has_segment(path, ".claude") && name.starts_with("settings") && name.ends_with(".json"))
        return McpClient::claude_code;
    if (path_is(path, ".cursor/mcp.json")) return McpClient::cursor;
    if (path_is(path, ".vscode/mcp.json") || path_is(path, "code/user/mcp.json") ||
        path_is(path, ".vscode/settings.json") || path_is(path, "code/user/settings.json"))
        return McpClient::vscode;
    if (name == "mcp_config.json") {
        return has_segment(path, "antigravity") ? McpClient::antigravity : McpClient::windsurf;
    }
    if (name == "cline_mcp_settings.json") return McpClient::cline;
    if (path_is(path, ".roo/mcp.json") || has_segment(path, "rooveterinaryinc.roo-cline")) return McpClient::roo;
    if (path_is(path, ".kilocode/mcp.json")) return McpClient::kilo;
    if (has_segment(path, ".gemini") || has_segment(path, "gemini-cli")) {
        if (name.ends_with(".json")) return McpClient::gemini;
    }
    if (has_segment(path, ".codex") || name == "codex.toml" || name.ends_with(".config.toml")) {
        if (name.ends_with(".toml")) return McpClient::codex;
    }
    if (has_segment(path, ".continue")) return McpClient::continue_dev;
    if ((has_segment(path, ".zed") || has_segment(path, "zed")) && name == "settings.json") return McpClient::zed;
    if (path_is(path, ".kiro/settings/mcp.json")) return McpClient::kiro;
    if (path_is(path, ".amazonq/mcp.json") || (has_segment(path, "amazonq") && name.ends_with(".json")))
        return McpClient::amazonq;
    if (name == "opencode.json" || name == "opencode.jsonc") return McpClient::opencode;
    if (path_is(path, ".copilot/mcp-config.json")) return McpClient::copilot_cli;
    return McpClient::unknown;
}

bool any_server_has(const Node* servers, std::string_view member) {
    if (servers == nullptr || !servers->is_map()) return false;
    for (const Node& server : servers->children) {
        if (server.find(member) != nullptr) return true;
    }
    return false;
}

bool any_server_type(const Node* servers, std::string_view type) {
    if (servers == nullptr || !servers->is_map()) return false;
    for (const Node& server : servers->children) {
        if (server.text("type") == type) return true;
    }
    return false;
}

McpClient client_from_content(const Node& root) {
    if (!root.is_map()) return McpClient::unknown;
    // TOML-only keys: the parser gives no syntax tag here, but these names are Codex's.
    if (root.find("mcp_servers") != nullptr || root.find("approval_policy") != nullptr ||
        root.find("sandbox_mode") != nullptr || root.find("shell_environment_policy") != nullptr)
        return McpClient::codex;
    if (root.find("context_servers") != nullptr) return McpClient::zed;
    if (const Node* mcp = root.find("mcp"); mcp != nullptr && mcp->is_map()) {
        if (mcp->find("servers") != nullptr) return McpClient::vscode;
        if (any_server_type(mcp, "local") || any_server_type(mcp, "remote")) return McpClient::opencode;
    }
    if (root.find("servers") != nullptr && (root.find("inputs") != nullptr || root.find("mcpServers") == nullptr))
        return McpClient::vscode;
    for (const Node& member : root.children) {
        if (member.key.starts_with("chat.")) return McpClient::vscode;
    }
    const Node* servers = root.find("mcpServers");
    if (servers != nullptr && servers->is_seq()) return McpClient::continue_dev;
    if (const Node* projects = root.find("projects"); projects != nullptr && projects->is_map()) {
        for (const Node& project : projects->children) {
            if (project.find("mcpServers") != nullptr) return McpClient::claude_code;
        }
    }
    if (any_server_has(servers, "serverUrl")) return McpClient::windsurf;
    if (any_server_has(servers, "httpUrl") || any_server_has(servers, "trust") ||
        any_server_has(servers, "includeTools") || any_server_has(servers, "excludeTools"))
        return McpClient::gemini;
    if (any_server_has(servers, "alwaysAllow")) return McpClient::roo;
    if (any_server_has(servers, "autoApprove") || any_server_has(servers, "disabled")) return McpClient::cline;
    if (any_server_has(servers, "headersHelper") || any_server_type(servers, "ws")) return McpClient::claude_code;
    if (root.find("permissions") != nullptr || root.find("hooks") != nullptr ||
        root.find("enableAllProjectMcpServers") != nullptr || root.find("apiKeyHelper") != nullptr)
        return McpClient::claude_code;
    if (root.find("preferences") != nullptr || root.find("globalShortcut") != nullptr) return McpClient::claude_desktop;
    // A bare {"mcpServers": {...}} is Claude Desktop's shape, copied by most clients.
    if (servers != nullptr) return McpClient::claude_desktop;
    return McpClient::unknown;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_identifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])) != 0) return false;
    for (char c : s) {
        if (!is_name_char(c)) return false;
    }
    return true;
}

} // namespace

ClientGuess detect_client(std::string_view path, const Node& root) {
    McpClient by_path = client_from_path(path);
    if (by_path != McpClient::unknown) return {by_path, true};
    return {client_from_content(root), false};
}

bool is_builtin_variable(std::string_view name) {
    static constexpr std::array kBuiltins{
        "workspaceFolder", "workspaceFolderBasename", "workspaceRoot", "userHome", "pathSeparator", "/", "cwd",
        "file", "fileDirname", "relativeFile", "extensionPath", "CLAUDE_PLUGIN_ROOT", "CLAUDE_PLUGIN_DATA",
        "CLAUDE_PROJECT_DIR", "HOME", "USER", "USERNAME", "PATH", "PWD", "TMPDIR", "TEMP", "TMP", "APPDATA",
        "LOCALAPPDATA", "USERPROFILE", "SHELL", "LANG", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
        "PYTHONPATH", "NODE_PATH", "VIRTUAL_ENV",
    };
    for (std::string_view b : kBuiltins) {
        if (name == b) return true;
    }
    return false;
}

std::vector<VarRef> find_var_refs(std::string_view text, bool want_bare) {
    std::vector<VarRef> refs;
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '$' && i + 2 < text.size() && text[i + 1] == '{' && text[i + 2] == '{') {
            std::size_t close = text.find("}}", i + 3);
            if (close == std::string_view::npos) break;
            std::string_view inner = trim(text.substr(i + 3, close - i - 3), " \t");
            VarRef ref;
            ref.syntax = RefSyntax::secrets;
            ref.offset = i;
            ref.length = close + 2 - i;
            std::size_t dot = inner.find('.');
            ref.name = std::string(dot == std::string_view::npos ? inner : inner.substr(dot + 1));
            refs.push_back(std::move(ref));
            i = close + 2;
            continue;
        }
        if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
            std::size_t close = text.find('}', i + 2);
            if (close == std::string_view::npos) break;
            std::string_view inner = text.substr(i + 2, close - i - 2);
            VarRef ref;
            ref.offset = i;
            ref.length = close + 1 - i;
            if (inner.starts_with("input:")) {
                ref.syntax = RefSyntax::input;
                ref.name = std::string(trim(inner.substr(6), " \t"));
            } else if (inner.starts_with("env:")) {
                ref.syntax = RefSyntax::env_prefixed;
                ref.name = std::string(trim(inner.substr(4), " \t"));
                ref.builtin = is_builtin_variable(ref.name);
                if (!is_identifier(ref.name)) ref.syntax = RefSyntax::malformed;
            } else {
                std::size_t dash = inner.find(":-");
                std::size_t plain_dash = inner.find('-');
                std::string_view name = inner;
                if (dash != std::string_view::npos) {
                    name = inner.substr(0, dash);
                    ref.has_default = true;
                } else if (plain_dash != std::string_view::npos && is_identifier(inner.substr(0, plain_dash))) {
                    name = inner.substr(0, plain_dash);
                    ref.has_default = true;
                }
                ref.name = std::string(name);
                ref.builtin = is_builtin_variable(ref.name);
                ref.syntax = is_identifier(name) || ref.builtin ? RefSyntax::braced : RefSyntax::malformed;
            }
            refs.push_back(std::move(ref));
            i = close + 1;
            continue;
        }
        if (c == '{' && text.substr(i).starts_with("{env:")) {
            std::size_t close = text.find('}', i + 5);
            if (close != std::string_view::npos && is_identifier(text.substr(i + 5, close - i - 5))) {
                VarRef ref;
                ref.syntax = RefSyntax::opencode_env;
                ref.name = std::string(text.substr(i + 5, close - i - 5));
                ref.offset = i;
                ref.length = close + 1 - i;
                refs.push_back(std::move(ref));
                i = close + 1;
                continue;
            }
        }
        if (c == '$' && want_bare && i + 1 < text.size() &&
            (std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0 || text[i + 1] == '_')) {
            std::size_t end = i + 1;
            while (end < text.size() && is_name_char(text[end])) ++end;
            VarRef ref;
            ref.syntax = RefSyntax::bare;
            ref.name = std::string(text.substr(i + 1, end - i - 1));
            ref.builtin = is_builtin_variable(ref.name);
            ref.offset = i;
            ref.length = end - i;
            refs.push_back(std::move(ref));
            i = end;
            continue;
        }
        ++i;
    }
    return refs;
}

Expansion client_expands(McpClient client, RefSyntax syntax) {
    if (syntax == RefSyntax::malformed) return Expansion::no;
    switch (client) {
    case McpClient::claude_desktop:
    case McpClient::cline:
    case McpClient::codex:
        // None of these interpolate anything in their server definitions.
        return Expansion::no;
    case McpClient::claude_code:
        // .mcp.json is also read by VS Code (Copilot), which knows ${input:x} and ${env:X}.
        if (syntax == RefSyntax::braced) return Expansion::yes;
        if (syntax == RefSyntax::bare || syntax == RefSyntax::secrets) return Expansion::no;
        return Expansion::unknown;
    case McpClient::vscode:
        if (syntax == RefSyntax::env_prefixed || syntax == RefSyntax::input) return Expansion::yes;
        if (syntax == RefSyntax::braced || syntax == RefSyntax::bare || syntax == RefSyntax::secrets) return Expansion::no;
        return Expansion::unknown;
    case McpClient::gemini:
        if (syntax == RefSyntax::braced || syntax == RefSyntax::bare) return Expansion::yes;
        if (syntax == RefSyntax::input || syntax == RefSyntax::env_prefixed) return Expansion::no;
        return Expansion::unknown;
    case McpClient::cursor:
    case McpClient::windsurf:
    case McpClient::roo:
    case McpClient::kilo:
        if (syntax == RefSyntax::env_prefixed) return Expansion::yes;
        if (syntax == RefSyntax::input) return Expansion::no;
        return Expansion::unknown;
    case McpClient::continue_dev:
        return syntax == RefSyntax::secrets ? Expansion::yes : Expansion::unknown;
    case McpClient::opencode:
        return syntax == RefSyntax::opencode_env ? Expansion::yes : Expansion::unknown;
    default:
        return Expansion::unknown;
    }
}

std::string env_destination(McpClient client) {
    switch (client) {
    case McpClient::claude_code:
        return "environment variable of the shell that starts Claude Code (.mcp.json expands ${VAR})";
    case McpClient::vscode: return "environment variable of VS Code's process (${env:VAR})";
    case McpClient::cursor: return "environment variable of Cursor's process (${env:VAR})";
    case McpClient::windsurf: return "environment variable of Windsurf's process (${env:VAR})";
    case McpClient::gemini: return "environment variable of the shell that starts Gemini CLI (or its .env file)";
    case McpClient::codex: return "environment variable of the shell that starts Codex (forwarded by name)";
    case McpClient::continue_dev: return "Continue secret (Hub secrets or ~/.continue/.env)";
    case McpClient::opencode: return "environment variable of the shell that starts opencode ({env:VAR})";
    default: return "environment variable on the client's machine";
    }
}

} // namespace handoff
