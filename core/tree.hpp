#pragma once
// The common tree every syntax parser produces: maps, sequences and scalars,
// each node knowing where it was written.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/location.hpp"

namespace handoff {

enum class NodeKind : std::uint8_t { null, scalar, map, seq };

// What a scalar was written as. Parsers that cannot tell (dotenv, XML text) use string.
enum class ScalarType : std::uint8_t { string, number, boolean, null };

struct Node {
    NodeKind kind = NodeKind::null;
    ScalarType type = ScalarType::string;

    // Map members carry their key; sequence items and the root leave it empty.
    std::string key;
    Span key_span;

    // Scalars: the decoded value (JSON escapes resolved, YAML block scalars folded,
    // XML entities expanded).
    std::string value;
    // Where the node's value is written. For a quoted scalar this includes the quotes;
    // for a map or sequence it is the whole collection (or its first line where the
    // parser cannot tell the end).
    Span span;

    // Map members (in source order, duplicates kept) or sequence items.
    std::vector<Node> children;

    [[nodiscard]] bool is_map() const { return kind == NodeKind::map; }
    [[nodiscard]] bool is_seq() const { return kind == NodeKind::seq; }
    [[nodiscard]] bool is_scalar() const { return kind == NodeKind::scalar; }
    [[nodiscard]] bool is_string() const { return kind == NodeKind::scalar && type == ScalarType::string; }

    // First map member with this key, or nullptr. Never inserts.
    [[nodiscard]] const Node* find(std::string_view member) const;
    // The scalar value of a member, or empty when absent or not a scalar.
    [[nodiscard]] std::string_view text(std::string_view member) const;
    // Follows a dotted chain of member keys: get({"on", "workflow_call"}).
    [[nodiscard]] const Node* get(std::initializer_list<std::string_view> chain) const;
};

// One step of a node path: a map key or a sequence index.
using PathStep = std::variant<std::string_view, std::size_t>;

// The path from the root to a node, printed as jobs.build.steps[2].env.API_KEY.
class NodePath {
public:
    void push(PathStep step) { steps_.push_back(step); }
    void pop() { steps_.pop_back(); }
    [[nodiscard]] const std::vector<PathStep>& steps() const { return steps_; }
    [[nodiscard]] std::size_t depth() const { return steps_.size(); }
    // The innermost map key on the path (skipping indices), or empty.
    [[nodiscard]] std::string_view last_key() const;
    [[nodiscard]] std::string str() const;

private:
    std::vector<PathStep> steps_;
};

// Prints one key as a path step: plain identifiers join with '.', others are quoted ["a b"].
void append_path_key(std::string& out, std::string_view key, bool first);

// Building node paths by hand, for loaders and checks that know where they are:
// child_path("jobs", "build") == "jobs.build"; index_path("jobs.build.steps", 2) == "jobs.build.steps[2]".
std::string child_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);
// Several keys at once: join_path("nodes[3]", {"parameters", "url"}) == "nodes[3].parameters.url".
std::string join_path(std::string_view base, std::initializer_list<std::string_view> chain);
// base + a path relative to it ("url", "[2].value", "") as NodePath prints it.
std::string concat_path(std::string_view base, std::string_view relative);
// A member's whole source range: from its key to the end of its value.
Span member_span(const Node& member);

// The span of needle inside the source of a scalar written at `scalar`, searching from
// the absolute offset `from` on, so that something found in a scalar's decoded value
// points at the exact bytes where it is written. When the source does not hold the text
// verbatim (escapes, folding) the scalar's whole span is returned.
Span span_of_text(std::string_view bytes, Span scalar, std::string_view needle, std::uint32_t from = 0);

// Depth-first, pre-order walk. The callback gets each node and its path; returning
// false skips that node's children.
using NodeVisitor = std::function<bool(const Node&, const NodePath&)>;
void walk(const Node& root, const NodeVisitor& visit);

// For each offset, the node path of the innermost node whose value or key span holds it
// (empty when none does). One walk for all offsets: a file's cost stays linear in its
// tree and its tokens.
std::vector<std::string> paths_at(const Node& root, const std::vector<std::uint32_t>& offsets);

} // namespace handoff
