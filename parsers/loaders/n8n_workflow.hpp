#pragma once
// A read-only view of the n8n workflows in one parsed export: nodes with their
// type, version and parameters, and connections resolved by node name. Shared by
// the n8n loader (facts) and the n8n checks (which also need the graph).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/tree.hpp"

namespace handoff {

struct N8nNode {
    const Node* node = nullptr;        // the node object in the tree
    const Node* parameters = nullptr;  // a map, or nullptr when absent or not a map
    std::string path;                  // nodes[3] or [0].nodes[3]
    std::string name;
    std::string type;                  // n8n-nodes-base.webhook
    std::string id;
    double version = 1;                // typeVersion; numeric or string in real files
    bool disabled = false;

    // The scalar text of a parameter reached by a chain of keys, or empty.
    [[nodiscard]] std::string_view param(std::initializer_list<std::string_view> chain) const;
    [[nodiscard]] const Node* param_node(std::initializer_list<std::string_view> chain) const;
    // Path of a member below this node: member_path({"parameters", "url"}).
    [[nodiscard]] std::string member_path(std::initializer_list<std::string_view> chain) const;
    // The type name without its package: "webhook" for n8n-nodes-base.webhook.
    [[nodiscard]] std::string_view short_type() const;
    [[nodiscard]] std::string_view package() const;
};

struct N8nConnection {
    std::size_t from = 0;  // index into N8nWorkflow::nodes
    std::size_t to = 0;
    std::string type;      // main, ai_tool, ai_languageModel, ...
    std::size_t output = 0;
};

struct N8nWorkflow {
    const Node* root = nullptr;
    std::string path;  // "" for a single-object export, "[2]" inside an array
    std::string name;
    bool active = false;  // active: true, or a published activeVersionId
    std::vector<N8nNode> nodes;
    std::vector<N8nConnection> connections;  // dangling ones dropped

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

// Every workflow in a tree: a single object with `nodes`, or an array of them.
std::vector<N8nWorkflow> read_n8n_workflows(const Node& root);

// Joins a base path and member keys the way NodePath prints them.
std::string join_path(std::string_view base, std::initializer_list<std::string_view> chain);
std::string join_index(std::string_view base, std::size_t index);

} // namespace handoff

namespace handoff {

// A member's whole source range: from its key to the end of its value.
Span member_span(const Node& member);
// Where `needle` (a part of the scalar's decoded value) is written inside the
// scalar's source; the whole scalar when escapes make it impossible to tell.
Span span_within(std::string_view bytes, const Node& scalar, std::string_view needle);
// base + a path relative to it ("url", "[2].value", "") as NodePath prints it.
std::string concat_path(std::string_view base, std::string_view relative);

} // namespace handoff

#include <functional>

namespace handoff {

// Calls back for every scalar under a node's parameters with its full node path.
using N8nParamVisitor = std::function<void(const Node& scalar, const std::string& path)>;
void walk_parameters(const N8nNode& node, const N8nParamVisitor& visit);

// Parameter keys whose value is program source rather than a plain value.
bool is_code_parameter(std::string_view key);

} // namespace handoff
