#include "parsers/loaders/n8n_credentials.hpp"

namespace handoff {

namespace {
bool any_value(const Node& data) {
    bool found = false;
    walk(data, [&](const Node& n, const NodePath&) {
        if (n.is_scalar() && n.type != ScalarType::null && !n.value.empty()) found = true;
        return !found;
    });
    return found;
}
} // namespace

std::vector<N8nCredentialEntry> read_n8n_credentials(const Node& root) {
    std::vector<N8nCredentialEntry> out;
    // --separate writes one object per file; the default is an array.
    std::vector<std::pair<const Node*, std::string>> items;
    if (root.is_seq()) {
        for (std::size_t i = 0; i < root.children.size(); ++i) items.emplace_back(&root.children[i], index_path("", i));
    } else if (root.is_map()) {
        items.emplace_back(&root, "");
    }
    for (const auto& [item, path] : items) {
        if (!item->is_map()) continue;
        const Node* data = item->find("data");
        if (data == nullptr || item->find("type") == nullptr) continue;
        N8nCredentialEntry c;
        c.entry = item;
        c.data = data;
        c.path = path;
        c.data_path = join_path(path, {"data"});
        c.id = std::string(item->text("id"));
        c.name = std::string(item->text("name"));
        c.type = std::string(item->text("type"));
        c.decrypted = data->is_map();
        c.has_values = c.decrypted && any_value(*data);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace handoff
