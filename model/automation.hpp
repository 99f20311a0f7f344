#pragma once
// The typed model of n8n exports, built once by the n8n loader (parsers/loaders/n8n*.cpp)
// and read by the n8n checks through Document::model_as<>(): workflows with their nodes
// (type information already resolved), connections and inbound triggers, and the entries
// of a credentials export. Plain data plus small pure queries; it points into the
// document's tree, so the pipeline releases it with the tree.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/tree.hpp"

namespace handoff {

// What a node type does, as far as the checks care.
enum class N8nRole : std::uint8_t {
    other,
    webhook,          // n8n-nodes-base.webhook
    form_trigger,     // n8n-nodes-base.formTrigger
    chat_trigger,     // @n8n/n8n-nodes-langchain.chatTrigger
    mcp_trigger,      // @n8n/n8n-nodes-langchain.mcpTrigger
    wait,             // n8n-nodes-base.wait (may resume on a webhook or form)
    command,          // executeCommand, ssh
    code,             // code, function, functionItem, LangChain code, toolCode, aiTransform
    http,             // httpRequest, httpRequestTool, toolHttpRequest
    mcp_client,       // mcpClientTool, mcpClient
    file,             // file system and file transfer nodes
    sql,              // postgres, mySql, ... (n8n audit's SQL_NODE_TYPES)
    instance_api,     // n8n-nodes-base.n8n
    agent,            // @n8n/n8n-nodes-langchain.agent
};

// What handoff knows about a node's type; the loader resolves it from its tables.
struct N8nTypeInfo {
    N8nRole role = N8nRole::other;
    bool official = false;         // n8n-nodes-base or @n8n/n8n-nodes-langchain
    bool audit_risky = false;      // in n8n audit's OFFICIAL_RISKY_NODE_TYPES
    bool audit_filesystem = false; // in n8n audit's FILESYSTEM_INTERACTION_NODE_TYPES
    bool audit_validator = false;  // counts as a payload validator for n8n audit's webhook check
    bool audit_sql = false;        // in n8n audit's SQL_NODE_TYPES
    bool audit_sql_params = false; // in SQL_NODE_TYPES_WITH_QUERY_PARAMS
    bool needs_credential = false; // an app node that cannot run without a credential
    bool app_trigger = false;      // a third-party trigger that receives webhooks
    bool passes_items = false;     // forwards its input items, maybe reshaped (Set, IF, Merge, Code, ...):
                                   // what it outputs is still what fed it, not an API's response
    bool generates_text = false;   // an AI model node: its output is generated, not captured from a person
};

struct N8nNode {
    const Node* node = nullptr;        // the node object in the tree
    const Node* parameters = nullptr;  // a map, or nullptr when absent or not a map
    std::string path;                  // nodes[3] or [0].nodes[3]
    std::string name;
    std::string type;                  // n8n-nodes-base.webhook
    std::string id;
    double version = 1;                // typeVersion; numeric or string in real files
    bool disabled = false;
    N8nTypeInfo info;                  // resolved from type by the loader

    // The scalar text of a parameter reached by a chain of keys, or empty.
    [[nodiscard]] std::string_view param(std::initializer_list<std::string_view> chain) const;
    [[nodiscard]] const Node* param_node(std::initializer_list<std::string_view> chain) const;
    // Path of a member below this node: member_path({"parameters", "url"}).
    [[nodiscard]] std::string member_path(std::initializer_list<std::string_view> chain) const;
    // The type name without its package: "webhook" for n8n-nodes-base.webhook.
    [[nodiscard]] std::string_view short_type() const;
    [[nodiscard]] std::string_view package() const;
    // "n8n-nodes-mcp" for "n8n-nodes-mcp.mcpClientTool"; empty for official packages.
    [[nodiscard]] std::string_view community_package() const;
};

struct N8nConnection {
    std::size_t from = 0;  // index into N8nWorkflow::nodes
    std::size_t to = 0;
    std::string type;      // main, ai_tool, ai_languageModel, ...
    std::size_t output = 0;
};

// A way outsiders reach a workflow: webhook, form, public chat and MCP triggers, Wait
// nodes resuming on a webhook or form, third-party app triggers and mail triggers. The
// loader applies the defaults an export omits (a Webhook without `authentication` has none).
struct N8nTrigger {
    std::size_t node = 0;            // index into the workflow's nodes
    std::string kind;                // webhook, form, chat, mcp-server, webhook-resume, form-resume, app-webhook, email
    std::string auth;                // none, basic, header, jwt, token, oauth, n8n-user, unknown
    std::string raw_auth;            // the value as written, empty when omitted
    const Node* auth_member = nullptr;  // the authentication parameter, when written
    bool endpoint = true;            // an HTTP endpoint of the n8n instance (not email)
};

struct N8nWorkflow {
    const Node* root = nullptr;
    std::string path;  // "" for a single-object export, "[2]" inside an array
    std::string name;
    bool active = false;  // active: true, or a published activeVersionId
    std::vector<N8nNode> nodes;
    std::vector<N8nConnection> connections;  // dangling ones dropped
    std::vector<N8nTrigger> triggers;        // in node order

    [[nodiscard]] const N8nNode* by_name(std::string_view name) const;
    [[nodiscard]] std::size_t index_of(const N8nNode& node) const;
    // Nodes fed by `from` through connections of this type (every output, or one).
    [[nodiscard]] std::vector<std::size_t> targets(std::size_t from, std::string_view type,
                                                   std::ptrdiff_t output = -1) const;
    // Nodes that feed `to` through connections of this type.
    [[nodiscard]] std::vector<std::size_t> sources(std::size_t to, std::string_view type) const;
    // Every node reachable from `from` over main connections (not including it).
    [[nodiscard]] std::vector<bool> downstream(std::size_t from) const;
    // Path of a top-level member of the workflow: member_path("settings").
    [[nodiscard]] std::string member_path(std::initializer_list<std::string_view> chain) const;
};

// An n8n workflow export: a single workflow object, or an array of them.
struct N8nWorkflowExport final : Model {
    std::vector<N8nWorkflow> workflows;
};

// One entry of an `n8n export:credentials` file: {id, name, type, data}, `data` a plain
// object with --decrypted, otherwise an encrypted string.
struct N8nCredentialEntry {
    const Node* entry = nullptr;
    const Node* data = nullptr;  // never null
    std::string path;            // [0]
    std::string data_path;       // [0].data
    std::string id;
    std::string name;
    std::string type;
    bool decrypted = false;      // data is an object
    bool has_values = false;     // ... holding at least one non-empty scalar
};

// An n8n credentials export.
struct N8nCredentialExport final : Model {
    std::vector<N8nCredentialEntry> entries;
};

// True when an n8n parameter value is an expression (starts with '=').
inline bool is_n8n_expression(std::string_view value) { return !value.empty() && value.front() == '='; }

// Parameter keys whose value is program source rather than a plain value.
bool is_code_parameter(std::string_view key);

// Calls back for every scalar under a node's parameters with its full node path.
using N8nParamVisitor = std::function<void(const Node& scalar, const std::string& path)>;
void walk_parameters(const N8nNode& node, const N8nParamVisitor& visit);

} // namespace handoff
