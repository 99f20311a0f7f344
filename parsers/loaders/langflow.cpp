// Langflow flow exports -> facts. Every component keeps its fields in
// data.node.template.<field>{value, password, load_from_db}: a field loaded from the
// database names a global variable (a reference); a password field without it holds the
// secret itself. Group components nest a whole flow under data.node.flow.
#include <string>

#include "core/secret_names.hpp"
#include "parsers/loaders/automation_platforms.hpp"
#include "core/tree.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "parsers/loaders/url_text.hpp"

namespace handoff {

namespace {

constexpr int kMaxNesting = 16;

bool is_true(const Node* n) { return n != nullptr && n->is_scalar() && n->value == "true"; }

// Components that run Python handed to them at run time, whatever their own code says.
bool runs_given_code(std::string_view type) {
    return type == "PythonREPLTool" || type == "PythonREPLComponent" || type == "PythonCodeStructuredTool" ||
           type == "PythonFunction" || type == "PythonREPL";
}

std::string component_label(const Node& data, const Node* node) {
    std::string_view label = node != nullptr ? node->text("display_name") : std::string_view();
    if (label.empty()) label = data.text("type");
    if (label.empty()) label = data.text("id");
    return "'" + std::string(label) + "'";
}

void load_field(Document& doc, const Node& field, const std::string& path, const std::string& owner) {
    const Node* value = field.find("value");
    if (value == nullptr || !value->is_string() || value->value.empty()) return;
    Site site{value->span, join_path(path, {"value"})};
    if (is_true(field.find("load_from_db"))) {
        SecretRef ref;
        ref.name = value->value;
        ref.store = std::string(store::langflow_variable);
        ref.owner = owner;
        ref.provider = provider_from_name(value->value);
        ref.site = site;
        doc.facts.secret_refs.push_back(std::move(ref));
    } else if (is_true(field.find("password")) && !is_unfilled_value(value->value)) {
        SecretDecl d;
        d.name = owner.substr(1, owner.size() - 2) + "." + std::string(field.key);
        d.store = std::string(store::langflow_field);
        d.has_value = true;
        d.site = site;
        doc.facts.secret_decls.push_back(std::move(d));
    }
}

void load_nodes(Document& doc, const Node& nodes, const std::string& base, int depth);

void load_component(Document& doc, const Node& data, const std::string& data_path, int depth) {
    const Node* node = data.find("node");
    std::string owner = component_label(data, node);
    std::string_view type = data.text("type");
    std::string node_path = join_path(data_path, {"node"});
    const Node* tmpl = node != nullptr ? node->find("template") : nullptr;
    std::string tmpl_path = join_path(node_path, {"template"});
    if (tmpl != nullptr && tmpl->is_map()) {
        for (const Node& field : tmpl->children) {
            if (field.is_map()) load_field(doc, field, join_path(tmpl_path, {field.key}), owner);
        }
    }
    const Node* type_node = data.find("type");
    Site type_site = type_node != nullptr ? Site{member_span(*type_node), join_path(data_path, {"type"})}
                                          : Site{data.span, data_path};
    if (type == "Webhook") {
        Endpoint e;
        e.kind = endpoint_kind::langflow_webhook;
        e.owner = owner;
        e.url = "/api/v1/webhook/<flow>";
        e.auth = "none";
        e.active = true;
        e.site = type_site;
        doc.facts.endpoints.push_back(e);
        doc.facts.untrusted.push_back({"webhook-request", owner, type_site, owner});
    }
    // Every component carries its Python source in template.code; only edited or custom
    // components run code the flow's author wrote.
    const Node* code = tmpl != nullptr ? tmpl->get({"code", "value"}) : nullptr;
    bool custom = type == "CustomComponent" || (node != nullptr && is_true(node->find("edited")));
    if (code != nullptr && code->is_string() && !code->value.empty() && custom) {
        Site site{code->span, join_path(tmpl_path, {"code", "value"})};
        doc.facts.execs.push_back({owner, code->value, site, "langflow-component"});
        doc.facts.grants.push_back({owner, "code", "Python", site, "custom component code"});
    } else if (runs_given_code(type)) {
        doc.facts.grants.push_back({owner, "code", "Python", type_site, std::string(type)});
    }
    if (type == "APIRequest" && tmpl != nullptr) {
        for (std::string_view field : {"url_input", "urls", "url"}) {
            const Node* v = tmpl->get({field, "value"});
            if (v == nullptr) continue;
            const Node* first = v->is_seq() && !v->children.empty() ? &v->children[0] : v;
            Endpoint e;
            e.direction = Endpoint::Direction::outbound;
            e.kind = "http-request";
            e.owner = owner;
            e.url = first->is_scalar() ? safe_url_text(first->value) : std::string();
            e.auth = "unknown";
            e.site = {v->span, join_path(join_path(tmpl_path, {field}), {"value"})};
            doc.facts.grants.push_back({owner, "network", e.url, e.site});
            doc.facts.endpoints.push_back(std::move(e));
            break;
        }
    }
    if (node != nullptr && depth < kMaxNesting) {
        if (const Node* inner = node->get({"flow", "data", "nodes"}); inner != nullptr) {
            load_nodes(doc, *inner, join_path(node_path, {"flow", "data", "nodes"}), depth + 1);
        }
    }
}

void load_nodes(Document& doc, const Node& nodes, const std::string& base, int depth) {
    if (!nodes.is_seq()) return;
    for (std::size_t i = 0; i < nodes.children.size(); ++i) {
        const Node* data = nodes.children[i].find("data");
        if (data != nullptr && data->is_map()) load_component(doc, *data, join_path(index_path(base, i), {"data"}), depth);
    }
}

} // namespace

void load_langflow(Document& doc) {
    if (!doc.tree || !doc.tree->is_map()) return;
    const Node& root = *doc.tree;
    std::string flow_ref(root.text("endpoint_name").empty() ? root.text("id") : root.text("endpoint_name"));
    if (const Node* nodes = root.get({"data", "nodes"}); nodes != nullptr) load_nodes(doc, *nodes, "data.nodes", 0);
    for (Endpoint& e : doc.facts.endpoints) {
        if (e.kind == endpoint_kind::langflow_webhook && !flow_ref.empty()) e.url = "/api/v1/webhook/" + flow_ref;
    }
    // A public flow runs for anyone, without a Langflow API key.
    if (const Node* access = root.find("access_type"); access != nullptr && access->value == "PUBLIC") {
        Endpoint e;
        e.kind = endpoint_kind::langflow_public_flow;
        e.owner = "'" + std::string(root.text("name")) + "'";
        e.url = "/api/v1/run/" + flow_ref;
        e.auth = "none";
        e.active = true;
        e.site = {member_span(*access), "access_type"};
        doc.facts.untrusted.push_back({"chat-message", e.owner, e.site, e.owner});
        doc.facts.endpoints.push_back(std::move(e));
    }
}

} // namespace handoff
