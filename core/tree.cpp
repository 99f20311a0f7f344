#include "core/tree.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace handoff {

const Node* Node::find(std::string_view member) const {
    if (kind != NodeKind::map) return nullptr;
    for (const Node& child : children) {
        if (child.key == member) return &child;
    }
    return nullptr;
}

std::string_view Node::text(std::string_view member) const {
    const Node* n = find(member);
    return n != nullptr && n->is_scalar() ? std::string_view(n->value) : std::string_view();
}

const Node* Node::get(std::initializer_list<std::string_view> chain) const {
    const Node* n = this;
    for (std::string_view step : chain) {
        n = n->find(step);
        if (n == nullptr) return nullptr;
    }
    return n;
}

std::string_view NodePath::last_key() const {
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it) {
        if (const auto* key = std::get_if<std::string_view>(&*it)) return *key;
    }
    return {};
}

static bool plain_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key) {
        auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '_' || c == '-' || c == '$' || c == '@' || c == '#')) return false;
    }
    return true;
}

void append_path_key(std::string& out, std::string_view key, bool first) {
    if (plain_key(key)) {
        if (!first) out += '.';
        out += key;
        return;
    }
    out += "[\"";
    for (char c : key) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    out += "\"]";
}

std::string NodePath::str() const {
    std::string out;
    bool first = true;
    for (const PathStep& step : steps_) {
        if (const auto* key = std::get_if<std::string_view>(&step)) {
            append_path_key(out, *key, first);
        } else {
            out += '[';
            out += std::to_string(std::get<std::size_t>(step));
            out += ']';
        }
        first = false;
    }
    return out;
}

namespace {
// Iterative so that a hostile, deeply nested tree cannot exhaust the stack.
struct Frame {
    const Node* node;
    std::size_t next_child;
    bool pushed_step;
};
} // namespace

void walk(const Node& root, const NodeVisitor& visit) {
    NodePath path;
    std::vector<Frame> stack;
    if (!visit(root, path)) return;
    stack.push_back({&root, 0, false});
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.next_child >= top.node->children.size()) {
            bool pushed = top.pushed_step;
            stack.pop_back();
            if (pushed) path.pop();
            continue;
        }
        std::size_t index = top.next_child++;
        const Node& child = top.node->children[index];
        if (top.node->kind == NodeKind::map) {
            path.push(std::string_view(child.key));
        } else {
            path.push(index);
        }
        if (visit(child, path)) {
            stack.push_back({&child, 0, true});
        } else {
            path.pop();
        }
    }
}

std::vector<std::string> paths_at(const Node& root, const std::vector<std::uint32_t>& offsets) {
    // Offsets sorted, with where each came from; each node claims the offsets inside its
    // spans, so a later (deeper) node overwrites its ancestors' claim.
    std::vector<std::pair<std::uint32_t, std::size_t>> sorted;
    for (std::size_t i = 0; i < offsets.size(); ++i) sorted.emplace_back(offsets[i], i);
    std::sort(sorted.begin(), sorted.end());
    std::vector<const Node*> owner(offsets.size(), nullptr);
    auto claim = [&](const Node& node, Span span) {
        auto it = std::lower_bound(sorted.begin(), sorted.end(), std::pair{span.begin, std::size_t{0}});
        for (; it != sorted.end() && it->first < span.end; ++it) owner[it->second] = &node;
    };
    walk(root, [&](const Node& node, const NodePath&) {
        claim(node, node.span);
        claim(node, node.key_span);
        return true;  // collections' spans may be approximate, so always descend
    });
    // Paths are printed only for the nodes that kept a claim.
    std::unordered_map<const Node*, std::string> printed;
    for (const Node* node : owner) {
        if (node != nullptr) printed.emplace(node, std::string());
    }
    walk(root, [&](const Node& node, const NodePath& path) {
        if (auto it = printed.find(&node); it != printed.end()) it->second = path.str();
        return true;
    });
    std::vector<std::string> out(offsets.size());
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (owner[i] != nullptr) out[i] = printed[owner[i]];
    }
    return out;
}

std::string child_path(std::string_view parent, std::string_view key) {
    std::string out(parent);
    append_path_key(out, key, parent.empty());
    return out;
}

std::string index_path(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string join_path(std::string_view base, std::initializer_list<std::string_view> chain) {
    std::string out(base);
    for (std::string_view key : chain) append_path_key(out, key, out.empty());
    return out;
}

std::string concat_path(std::string_view base, std::string_view relative) {
    std::string out(base);
    if (relative.empty()) return out;
    if (!out.empty() && relative.front() != '[') out += '.';
    out += relative;
    return out;
}

Span member_span(const Node& member) {
    if (!member.key_span.empty() && member.key_span.begin < member.span.end) {
        return {member.key_span.begin, member.span.end};
    }
    return member.span;
}

Span span_of_text(std::string_view bytes, Span scalar, std::string_view needle, std::uint32_t from) {
    if (needle.empty()) return scalar;
    std::size_t begin = std::max(scalar.begin, from);
    std::size_t end = std::min<std::size_t>(scalar.end, bytes.size());
    if (begin >= end) return scalar;
    std::size_t at = bytes.substr(begin, end - begin).find(needle);
    if (at == std::string_view::npos) return scalar;
    auto b = static_cast<std::uint32_t>(begin + at);
    return {b, static_cast<std::uint32_t>(b + needle.size())};
}

} // namespace handoff
