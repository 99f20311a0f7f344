// Node-RED flows_cred.json written without encryption (credentialSecret: false).
#include "checks/registry.hpp"

namespace handoff {
namespace {

bool credentials_file(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return base.ends_with("_cred.json");
}

bool has_scalar_value(const Node& n) {
    bool found = false;
    walk(n, [&](const Node& c, const NodePath&) {
        found = found || (c.is_scalar() && !c.value.empty() && c.type != ScalarType::null);
        return !found;
    });
    return found;
}

constexpr RuleInfo kRule{
    "node-red-plain-credentials", "Node-RED credentials file in plain text", Family::embedded_token,
    Severity::critical, Confidence::high,
    "Node-RED encrypts flows_cred.json unless credentialSecret is false; this one holds the nodes' "
    "passwords and tokens as plain JSON.",
    "Set credentialSecret in settings.js, let Node-RED re-encrypt the file, rotate the credentials, and "
    "keep the key out of the bundle."};

class NodeRedPlainCredentials final : public SingleRuleCheck {
public:
    NodeRedPlainCredentials() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!doc.tree || !doc.tree->is_map() || !credentials_file(doc.path())) return;
        std::size_t plain = 0;
        const Node* first = nullptr;
        for (const Node& entry : doc.tree->children) {
            if (entry.key == "$" || !entry.is_map() || !has_scalar_value(entry)) continue;
            if (first == nullptr) first = &entry;
            ++plain;
        }
        if (first == nullptr) return;
        Hit hit;
        hit.span = first->key_span.empty() ? first->span : first->key_span;
        append_path_key(hit.node_path, first->key, true);
        hit.message = "Node-RED credentials for " + std::to_string(plain) + " node(s) are stored unencrypted";
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace
std::unique_ptr<Check> make_node_red_plain_credentials() { return std::make_unique<NodeRedPlainCredentials>(); }
} // namespace handoff
