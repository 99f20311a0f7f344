#include "model/automation.hpp"

#include <deque>

namespace handoff {

const Node* N8nNode::param_node(std::initializer_list<std::string_view> chain) const {
    const Node* n = parameters;
    for (std::string_view key : chain) {
        if (n == nullptr) return nullptr;
        n = n->find(key);
    }
    return n;
}

std::string_view N8nNode::param(std::initializer_list<std::string_view> chain) const {
    const Node* n = param_node(chain);
    return n != nullptr && n->is_scalar() ? std::string_view(n->value) : std::string_view();
}

std::string N8nNode::member_path(std::initializer_list<std::string_view> chain) const {
    return join_path(path, chain);
}

std::string_view N8nNode::short_type() const {
    std::string_view t = type;
    std::size_t dot = t.rfind('.');
    return dot == std::string_view::npos ? t : t.substr(dot + 1);
}

std::string_view N8nNode::package() const {
    std::string_view t = type;
    std::size_t dot = t.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : t.substr(0, dot);
}

std::string_view N8nNode::community_package() const { return info.official ? std::string_view() : package(); }

const N8nNode* N8nWorkflow::by_name(std::string_view wanted) const {
    for (const N8nNode& n : nodes) {
        if (n.name == wanted) return &n;
    }
    return nullptr;
}

std::size_t N8nWorkflow::index_of(const N8nNode& node) const {
    return static_cast<std::size_t>(&node - nodes.data());
}

std::vector<std::size_t> N8nWorkflow::targets(std::size_t from, std::string_view type,
                                              std::ptrdiff_t output) const {
    std::vector<std::size_t> out;
    for (const N8nConnection& c : connections) {
        if (c.from != from || c.type != type) continue;
        if (output >= 0 && c.output != static_cast<std::size_t>(output)) continue;
        out.push_back(c.to);
    }
    return out;
}

std::vector<std::size_t> N8nWorkflow::sources(std::size_t to, std::string_view type) const {
    std::vector<std::size_t> out;
    for (const N8nConnection& c : connections) {
        if (c.to == to && c.type == type) out.push_back(c.from);
    }
    return out;
}

std::vector<bool> N8nWorkflow::downstream(std::size_t from) const {
    std::vector<bool> seen(nodes.size(), false);
    std::deque<std::size_t> queue{from};
    while (!queue.empty()) {
        std::size_t at = queue.front();
        queue.pop_front();
        for (const N8nConnection& c : connections) {
            if (c.from != at || c.type != "main" || seen[c.to]) continue;
            seen[c.to] = true;
            queue.push_back(c.to);
        }
    }
    if (from < seen.size()) seen[from] = false;
    return seen;
}

std::string N8nWorkflow::member_path(std::initializer_list<std::string_view> chain) const {
    return join_path(path, chain);
}

void walk_parameters(const N8nNode& node, const N8nParamVisitor& visit) {
    if (node.parameters == nullptr) return;
    std::string base = node.member_path({"parameters"});
    walk(*node.parameters, [&](const Node& n, const NodePath& path) {
        if (n.is_scalar()) visit(n, concat_path(base, path.str()));
        return true;
    });
}

bool is_code_parameter(std::string_view key) {
    return key == "jsCode" || key == "pythonCode" || key == "functionCode" || key == "code";
}

} // namespace handoff
