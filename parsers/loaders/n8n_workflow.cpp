#include "parsers/loaders/n8n_workflow.hpp"

#include <charconv>

#include "parsers/loaders/n8n_node_types.hpp"
#include "parsers/loaders/n8n_triggers.hpp"

namespace handoff {

namespace {

double parse_version(const Node* n) {
    if (n == nullptr || !n->is_scalar()) return 1;
    double v = 1;
    const std::string& s = n->value;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() ? v : 1;
}

bool truthy(const Node* n) { return n != nullptr && n->is_scalar() && n->value == "true"; }

bool published(const Node& root) {
    if (truthy(root.find("active"))) return true;
    const Node* version = root.find("activeVersionId");
    return version != nullptr && version->is_string() && !version->value.empty();
}

void read_connections(N8nWorkflow& wf) {
    const Node* conns = wf.root->find("connections");
    if (conns == nullptr || !conns->is_map()) return;
    auto index_of_name = [&](std::string_view name) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < wf.nodes.size(); ++i) {
            if (wf.nodes[i].name == name) return static_cast<std::ptrdiff_t>(i);
        }
        return -1;
    };
    for (const Node& source : conns->children) {
        std::ptrdiff_t from = index_of_name(source.key);
        if (from < 0 || !source.is_map()) continue;
        for (const Node& by_type : source.children) {
            if (!by_type.is_seq()) continue;
            for (std::size_t output = 0; output < by_type.children.size(); ++output) {
                const Node& targets = by_type.children[output];
                if (!targets.is_seq()) continue;
                for (const Node& target : targets.children) {
                    std::ptrdiff_t to = index_of_name(target.text("node"));
                    if (to < 0) continue;
                    wf.connections.push_back({static_cast<std::size_t>(from), static_cast<std::size_t>(to),
                                              by_type.key, output});
                }
            }
        }
    }
}

N8nWorkflow read_workflow(const Node& root, std::string path) {
    N8nWorkflow wf;
    wf.root = &root;
    wf.path = std::move(path);
    wf.name = std::string(root.text("name"));
    wf.active = published(root);
    const Node* nodes = root.find("nodes");
    if (nodes != nullptr && nodes->is_seq()) {
        std::string nodes_path = wf.member_path({"nodes"});
        for (std::size_t i = 0; i < nodes->children.size(); ++i) {
            const Node& item = nodes->children[i];
            if (!item.is_map()) continue;
            N8nNode n;
            n.node = &item;
            n.path = index_path(nodes_path, i);
            n.name = std::string(item.text("name"));
            n.type = std::string(item.text("type"));
            n.id = std::string(item.text("id"));
            n.version = parse_version(item.find("typeVersion"));
            n.disabled = truthy(item.find("disabled"));
            n.info = n8n_type_info(n.type);
            const Node* params = item.find("parameters");
            if (params != nullptr && params->is_map()) n.parameters = params;
            wf.nodes.push_back(std::move(n));
        }
    }
    read_connections(wf);
    wf.triggers = n8n_inbound_triggers(wf);
    return wf;
}

bool looks_like_workflow(const Node& n) {
    const Node* nodes = n.find("nodes");
    return n.is_map() && nodes != nullptr && nodes->is_seq();
}

} // namespace

std::vector<N8nWorkflow> read_n8n_workflows(const Node& root) {
    std::vector<N8nWorkflow> out;
    if (looks_like_workflow(root)) {
        out.push_back(read_workflow(root, ""));
    } else if (root.is_seq()) {
        for (std::size_t i = 0; i < root.children.size(); ++i) {
            if (looks_like_workflow(root.children[i])) out.push_back(read_workflow(root.children[i], index_path("", i)));
        }
    }
    return out;
}

} // namespace handoff
