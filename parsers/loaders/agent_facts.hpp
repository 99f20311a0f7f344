#pragma once
// What the MCP-config, agent-settings and agent-tools loaders share: building sites
// and node paths, emitting variable references in the client's own syntax, and the
// two halves every agent file may hold (MCP servers, settings keys).
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "parsers/loaders/mcp_client.hpp"

namespace handoff {

// Capability ids agent loaders put in Grant::capability, read by the agent checks.
namespace capability {
inline constexpr std::string_view unpinned_package = "unpinned-package";
inline constexpr std::string_view remote_script = "remote-script";
inline constexpr std::string_view filesystem_root = "filesystem-root";
inline constexpr std::string_view container_privileged = "container-privileged";
inline constexpr std::string_view host_network = "host-network";
inline constexpr std::string_view host_pid = "host-pid";
inline constexpr std::string_view host_mount = "host-mount";
inline constexpr std::string_view docker_socket = "docker-socket";
inline constexpr std::string_view auto_approve = "auto-approve";        // scope: one tool, or "*"
inline constexpr std::string_view approval_bypass = "approval-bypass";  // scope: what no longer asks
inline constexpr std::string_view sandbox_disabled = "sandbox-disabled";
inline constexpr std::string_view shell = "shell";                      // scope: command prefix, "*" = any
inline constexpr std::string_view network_fetch = "network-fetch";      // scope: domain, "*" = any
inline constexpr std::string_view file_write = "file-write";            // scope: path pattern, "*" = any
inline constexpr std::string_view env_forward_all = "env-forward-all";
inline constexpr std::string_view tool_shell = "tool-shell";            // a tool definition that runs commands
inline constexpr std::string_view tool_fetch = "tool-fetch";            // a tool definition that fetches any URL
inline constexpr std::string_view code_exec_host = "code-exec-host";
inline constexpr std::string_view code_exec_sandboxed = "code-exec-sandboxed";  // model-written code, in a container
inline constexpr std::string_view private_data = "private-data";        // lethal trifecta: reads private data
inline constexpr std::string_view sends_data = "sends-data";            // lethal trifecta: can send data out
} // namespace capability

// Stores agent loaders use in SecretRef::store beyond the common "env".
inline constexpr std::string_view kStoreVscodeInput = "vscode-input";
inline constexpr std::string_view kStoreContinueSecret = "continue-secret";
// A secret slot left empty or holding a template value: the client must write it in.
inline constexpr std::string_view kStoreConfigPlaceholder = "config-placeholder";

// Endpoint kinds agent loaders emit.
inline constexpr std::string_view kEndpointMcpServer = "mcp-server";
inline constexpr std::string_view kEndpointMcpListener = "mcp-listener";
inline constexpr std::string_view kEndpointApiBaseUrl = "api-base-url";
inline constexpr std::string_view kEndpointHookUrl = "hook-url";
inline constexpr std::string_view kEndpointOpenApiServer = "openapi-server";
// One OpenAPI operation that opts out of the document's security (security: []).
inline constexpr std::string_view kEndpointOpenApiOperation = "openapi-operation";

std::string child_path(const std::string& base, std::string_view key);
std::string index_path(const std::string& base, std::size_t index);

// A URL fit for a fact or a message: no userinfo, query values replaced by "…".
std::string sanitize_url(std::string_view url);
// The auth a URL carries by itself: "basic" (userinfo), "token" (?key=, ?token=...), or "".
std::string url_auth(std::string_view url);

class AgentFacts {
public:
    AgentFacts(Document& doc, McpClient client) : doc_(doc), client_(client) {}

    [[nodiscard]] Document& doc() const { return doc_; }
    [[nodiscard]] McpClient client() const { return client_; }

    [[nodiscard]] static Site site(const Node& node, const std::string& path) { return {node.span, path}; }
    // The key of a map member (a server's name), or its value when it has no key.
    [[nodiscard]] static Site key_site(const Node& node, const std::string& path);
    // The part of a scalar's source that spells needle; the whole scalar when not found.
    [[nodiscard]] Site site_within(const Node& node, const std::string& path, std::string_view needle) const;

    // SecretRefs for every variable reference in a string scalar, in this client's syntax.
    void references(const Node& scalar, const std::string& path, const std::string& owner, bool shell_text = false);
    // A config-placeholder SecretRef when a secret slot (by name) holds an empty or template value.
    void placeholder(const Node& scalar, const std::string& path, const std::string& owner, std::string_view slot_name);
    // references() on every string scalar below node.
    void references_below(const Node& node, const std::string& path, const std::string& owner);

    void grant(std::string holder, std::string_view capability, std::string scope, Site where, std::string detail);
    void endpoint(Endpoint::Direction direction, std::string_view kind, std::string owner, std::string_view url,
                  std::string auth, bool active, Site where);
    void exec(std::string holder, std::string command, Site where, std::string_view kind);

private:
    Document& doc_;
    McpClient client_;
};

// The two halves an agent file may hold. Both loaders call both: a Claude Code
// settings.json may carry mcpServers, a Gemini settings.json always mixes them.
void load_mcp_servers(AgentFacts& facts, const Node& root);
void load_settings_keys(AgentFacts& facts, const Node& root);
// Detects the client and runs both halves.
void load_agent_file(Document& doc);

} // namespace handoff
