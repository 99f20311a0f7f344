// Make.com blueprints and Node-RED flows -> facts; Flowise, Langflow and Dify have
// their own files (automation_platforms.hpp).
#include <functional>

#include "core/vocabulary.hpp"
#include "parsers/loaders/automation_platforms.hpp"
#include "parsers/loaders/loader.hpp"
#include "core/tree.hpp"
#include "parsers/loaders/url_text.hpp"

namespace handoff {

namespace {

Site member_site(const Node& parent, std::string_view member, const std::string& parent_path) {
    const Node* m = parent.find(member);
    if (m != nullptr) return {member_span(*m), join_path(parent_path, {member})};
    return {parent.span, parent_path};
}

// ---- Node-RED -------------------------------------------------------------------

std::string node_red_label(const Node& n) {
    std::string_view name = n.text("name");
    return "'" + std::string(name.empty() ? n.text("id") : name) + "'";
}

void load_node_red(Document& doc) {
    const Node& root = *doc.tree;
    if (!root.is_seq()) return;
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        const Node& n = root.children[i];
        if (!n.is_map()) continue;
        std::string path = index_path("", i);
        std::string_view type = n.text("type");
        std::string label = node_red_label(n);
        Site site = member_site(n, "type", path);
        if (type == "http in" || type == "websocket in" || type == "tcp in") {
            Endpoint e;
            e.kind = type == "http in" ? std::string(endpoint_kind::node_red_http_in) : (type == "websocket in" ? "websocket-in" : "tcp-in");
            e.owner = label;
            e.url = safe_url_text(n.text(type == "tcp in" ? "port" : (type == "http in" ? "url" : "path")));
            e.auth = "none";
            e.active = n.text("d") != "true";
            e.site = site;
            doc.facts.endpoints.push_back(e);
            doc.facts.untrusted.push_back({"webhook-request", label, site, label});
        } else if (type == "http request") {
            Endpoint e;
            e.direction = Endpoint::Direction::outbound;
            e.kind = "http-request";
            e.owner = label;
            e.url = safe_url_text(n.text("url"));
            std::string_view auth = n.text("authType");
            e.auth = auth.empty() ? "none" : std::string(auth);
            e.site = member_site(n, "url", path);
            doc.facts.grants.push_back({label, "network", e.url, e.site});
            doc.facts.endpoints.push_back(std::move(e));
        } else if (type == "exec") {
            Site cmd = member_site(n, "command", path);
            doc.facts.execs.push_back({label, std::string(n.text("command")), cmd});
            doc.facts.grants.push_back({label, "shell", "node-red host", cmd});
        } else if (type == "function") {
            Site func = member_site(n, "func", path);
            doc.facts.execs.push_back({label, std::string(n.text("func")), func, "node-red-function"});
            doc.facts.grants.push_back({label, "code", "JavaScript", func});
        } else if (type == "file" || type == "file in") {
            doc.facts.grants.push_back({label, "filesystem", std::string(n.text("filename")), site});
        }
    }
}

// ---- Make -----------------------------------------------------------------------

std::string_view restore_label(const Node& module, std::string_view parameter) {
    const Node* label = module.get({"metadata", "restore", "parameters"});
    if (label == nullptr) return {};
    label = label->find(parameter);
    return label != nullptr ? label->text("label") : std::string_view();
}

std::string make_owner(const Node& module) {
    return "module " + std::string(module.text("id")) + " (" + std::string(module.text("module")) + ")";
}

bool keychain_parameter(std::string_view key) {
    return key == "__IMTKEY__" || key.ends_with("Keychain") || key == "__IMTCONN__";
}

void load_make_module(Document& doc, const Node& module, const std::string& path) {
    std::string_view name = module.text("module");
    std::string owner = make_owner(module);
    Site site = member_site(module, "module", path);
    if (name == "gateway:CustomWebHook" || name == "gateway:CustomMailHook") {
        Endpoint e;
        e.kind = name == "gateway:CustomWebHook" ? endpoint_kind::make_webhook : endpoint_kind::make_mailhook;
        std::string_view label = restore_label(module, "hook");
        e.owner = label.empty() ? owner : "'" + std::string(label) + "'";
        e.url = std::string(module.get({"parameters", "hook"}) != nullptr ? module.get({"parameters", "hook"})->value : "");
        e.auth = "none";
        e.site = site;
        doc.facts.endpoints.push_back(e);
        doc.facts.untrusted.push_back({"webhook-request", owner, site, owner});
    }
    if (name.starts_with("http:")) {
        const Node* url = module.get({"mapper", "url"});
        Endpoint e;
        e.direction = Endpoint::Direction::outbound;
        e.kind = "http-request";
        e.owner = owner;
        e.url = url != nullptr ? safe_url_text(url->value) : std::string();
        e.auth = "unknown";
        e.site = url != nullptr ? Site{member_span(*url), join_path(path, {"mapper", "url"})} : site;
        doc.facts.grants.push_back({owner, "network", e.url, e.site});
        doc.facts.endpoints.push_back(std::move(e));
    }
    const Node* params = module.find("parameters");
    if (params != nullptr && params->is_map()) {
        std::string params_path = join_path(path, {"parameters"});
        for (const Node& p : params->children) {
            if (!keychain_parameter(p.key) || !p.is_scalar()) continue;
            SecretRef ref;
            bool connection = p.key == "__IMTCONN__";
            ref.store = connection ? store::make_connection : store::make_keychain;
            std::string_view label = restore_label(module, p.key);
            ref.name = label.empty() ? (connection ? "connection " : "keychain ") + p.value : std::string(label);
            ref.provider = std::string(name.substr(0, name.find(':')));
            ref.owner = owner;
            ref.site = {member_span(p), join_path(params_path, {p.key})};
            doc.facts.secret_refs.push_back(std::move(ref));
        }
    }
}

void load_make_flow(Document& doc, const Node& flow, const std::string& path, int depth) {
    if (!flow.is_seq() || depth > 64) return;
    for (std::size_t i = 0; i < flow.children.size(); ++i) {
        const Node& module = flow.children[i];
        if (!module.is_map()) continue;
        std::string module_path = index_path(path, i);
        load_make_module(doc, module, module_path);
        if (const Node* routes = module.find("routes"); routes != nullptr && routes->is_seq()) {
            for (std::size_t r = 0; r < routes->children.size(); ++r) {
                const Node* sub = routes->children[r].find("flow");
                if (sub != nullptr) {
                    load_make_flow(doc, *sub, join_path(index_path(join_path(module_path, {"routes"}), r), {"flow"}),
                                   depth + 1);
                }
            }
        }
        if (const Node* onerror = module.find("onerror"); onerror != nullptr) {
            load_make_flow(doc, *onerror, join_path(module_path, {"onerror"}), depth + 1);
        }
    }
}

} // namespace

void load_automation(Document& doc) {
    if (!doc.tree) return;
    if (doc.format == Format::node_red_flows) {
        doc.facts.platform = platform::node_red;
        load_node_red(doc);
    } else if (doc.format == Format::make_blueprint) {
        doc.facts.platform = platform::make;
        if (const Node* flow = doc.tree->find("flow"); flow != nullptr) load_make_flow(doc, *flow, "flow", 0);
    } else if (doc.format == Format::flowise_flow) {
        doc.facts.platform = platform::flowise;
        load_flowise(doc);
    } else if (doc.format == Format::langflow_flow) {
        doc.facts.platform = platform::langflow;
        load_langflow(doc);
    } else if (doc.format == Format::dify_app) {
        doc.facts.platform = platform::dify;
        load_dify(doc);
    }
}

} // namespace handoff
