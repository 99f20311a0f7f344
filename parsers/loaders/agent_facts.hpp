#pragma once
// What the MCP-config, agent-settings and agent-tools loaders share: building sites
// and node paths, emitting variable references in the client's own syntax, and the
// two halves every agent file may hold (MCP servers, settings keys).
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/vocabulary.hpp"
#include "model/agent.hpp"
#include "parsers/loaders/mcp_client.hpp"

namespace handoff {

// A URL fit for a fact or a message: no userinfo, query values replaced by "…".
std::string sanitize_url(std::string_view url);
// The auth a URL carries by itself: "basic" (userinfo), "token" (?key=, ?token=...), or "".
std::string url_auth(std::string_view url);

// Builds an agent file's facts and its model: constructing one puts a fresh AgentModel
// of this kind and client on the document, which the loaders fill as they read.
class AgentFacts {
public:
    AgentFacts(Document& doc, AgentFileKind kind, McpClient client);

    [[nodiscard]] Document& doc() const { return doc_; }
    [[nodiscard]] AgentModel& model() const { return model_; }
    [[nodiscard]] McpClient client() const { return model_.client; }

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
    AgentModel& model_;
};

// The two halves an agent file may hold. Both loaders call both: a Claude Code
// settings.json may carry mcpServers, a Gemini settings.json always mixes them.
void load_mcp_servers(AgentFacts& facts, const Node& root);
void load_settings_keys(AgentFacts& facts, const Node& root);
// Detects the client and runs both halves.
void load_agent_file(Document& doc, AgentFileKind kind);

} // namespace handoff
