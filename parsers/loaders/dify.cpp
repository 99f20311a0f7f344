// Dify DSL (kind: app) -> facts: secret environment variables and their {{#env.NAME#}}
// uses, HTTP request nodes and their authorization, code nodes, webhook triggers.
#include <map>
#include <string>

#include "core/vocabulary.hpp"
#include "parsers/loaders/automation_platforms.hpp"
#include "core/tree.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "parsers/loaders/url_text.hpp"

namespace handoff {

namespace {

// value_type by environment variable name.
using EnvTypes = std::map<std::string, std::string, std::less<>>;

EnvTypes load_environment(Document& doc, const Node& vars, const std::string& base) {
    EnvTypes types;
    if (!vars.is_seq()) return types;
    for (std::size_t i = 0; i < vars.children.size(); ++i) {
        const Node& v = vars.children[i];
        std::string name(v.text("name"));
        if (!v.is_map() || name.empty()) continue;
        std::string type(v.text("value_type"));
        types.emplace(name, type);
        if (type != "secret") continue;
        const Node* value = v.find("value");
        std::string path = index_path(base, i);
        SecretDecl d;
        d.name = name;
        d.store = std::string(store::dify_env);
        d.has_value = value != nullptr && value->is_scalar() && !is_unfilled_value(value->value);
        d.required = true;
        d.provider = provider_from_name(name);
        d.site = value != nullptr ? Site{value->span, join_path(path, {"value"})} : Site{v.span, path};
        doc.facts.secret_decls.push_back(std::move(d));
    }
    return types;
}

// {{#env.NAME#}} in one scalar: a reference unless NAME is a declared plain (string or
// number) variable.
void add_env_refs(Document& doc, const Node& scalar, const std::string& path, const std::string& owner,
                  const EnvTypes& env) {
    static constexpr std::string_view kOpen = "{{#env.";
    std::string_view text = scalar.value;
    for (std::size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at + 1)) {
        std::size_t begin = at + kOpen.size();
        std::size_t end = text.find("#}}", begin);
        if (end == std::string_view::npos || end == begin || end - begin > 128) continue;
        std::string name(text.substr(begin, end - begin));
        auto declared = env.find(name);
        if (declared != env.end() && declared->second != "secret") continue;
        SecretRef ref;
        ref.name = name;
        ref.store = std::string(store::dify_env);
        ref.owner = owner;
        ref.provider = provider_from_name(name);
        ref.site = {span_of_text(doc.bytes(), scalar.span, text.substr(at, end + 3 - at)), path};
        doc.facts.secret_refs.push_back(std::move(ref));
    }
}

std::string node_label(const Node& data) {
    std::string_view title = data.text("title");
    return "'" + std::string(title.empty() ? data.text("type") : title) + "'";
}

void load_http_request(Document& doc, const Node& data, const std::string& path, const std::string& owner) {
    const Node* url = data.find("url");
    const Node* auth = data.find("authorization");
    Endpoint e;
    e.direction = Endpoint::Direction::outbound;
    e.kind = "http-request";
    e.owner = owner;
    e.url = url != nullptr ? safe_url_text(url->value) : std::string();
    std::string_view auth_type = auth != nullptr ? auth->text("type") : std::string_view();
    e.auth = auth_type.empty() || auth_type == "no-auth" ? "none" : std::string(auth_type);
    if (auth_type == "api-key" && auth != nullptr) {
        const Node* config = auth->find("config");
        std::string_view scheme = config != nullptr ? config->text("type") : std::string_view();
        if (!scheme.empty()) e.auth = std::string(scheme);
        const Node* key = auth->get({"config", "api_key"});
        if (key != nullptr && key->is_scalar() && !is_unfilled_value(key->value)) {
            SecretDecl d;
            d.name = owner.substr(1, owner.size() - 2) + ".authorization.api_key";
            d.store = std::string(store::dify_http_auth);
            d.has_value = true;
            d.site = {key->span, join_path(path, {"authorization", "config", "api_key"})};
            doc.facts.secret_decls.push_back(std::move(d));
        }
    }
    e.site = url != nullptr ? Site{member_span(*url), join_path(path, {"url"})} : Site{data.span, path};
    doc.facts.grants.push_back({owner, "network", e.url, e.site});
    doc.facts.endpoints.push_back(std::move(e));
}

void load_node(Document& doc, const Node& data, const std::string& path, const EnvTypes& env) {
    std::string owner = node_label(data);
    std::string_view type = data.text("type");
    walk(data, [&](const Node& n, const NodePath& rel) {
        if (n.is_string()) add_env_refs(doc, n, concat_path(path, rel.str()), owner, env);
        return true;
    });
    const Node* type_node = data.find("type");
    Site type_site = type_node != nullptr ? Site{member_span(*type_node), join_path(path, {"type"})} : Site{data.span, path};
    if (type == "http-request") {
        load_http_request(doc, data, path, owner);
    } else if (type == "code") {
        const Node* code = data.find("code");
        Site site = code != nullptr ? Site{member_span(*code), join_path(path, {"code"})} : type_site;
        std::string language(data.text("code_language"));
        doc.facts.execs.push_back({owner, code != nullptr ? code->value : std::string(), site, "dify-code"});
        doc.facts.grants.push_back({owner, "code", language == "javascript" ? "JavaScript" : "Python", site, "code node"});
    } else if (type == "trigger-webhook") {
        Endpoint e;
        e.kind = endpoint_kind::dify_webhook;
        e.owner = owner;
        e.url = std::string(data.text("webhook_url"));
        e.auth = "none";
        e.active = true;
        e.site = type_site;
        doc.facts.endpoints.push_back(e);
        doc.facts.untrusted.push_back({"webhook-request", owner, type_site, owner});
    }
}

// dependencies: plugins the client installs before importing the DSL.
void load_dependencies(Document& doc, const Node& deps) {
    for (std::size_t i = 0; i < deps.children.size(); ++i) {
        const Node& dep = deps.children[i];
        const Node* value = dep.find("value");
        if (value == nullptr || !value->is_map()) continue;
        for (const Node& id : value->children) {
            if (!id.is_scalar() || id.value.empty() || !id.key.ends_with("unique_identifier")) continue;
            std::string path = join_path(join_path(index_path("dependencies", i), {"value"}), {id.key});
            doc.facts.requirements.push_back({id.value, std::string(store::dify_plugin), "app", {member_span(id), path}});
        }
    }
}

} // namespace

void load_dify(Document& doc) {
    if (!doc.tree || !doc.tree->is_map()) return;
    if (const Node* deps = doc.tree->find("dependencies"); deps != nullptr && deps->is_seq()) load_dependencies(doc, *deps);
    const Node* workflow = doc.tree->find("workflow");
    if (workflow == nullptr || !workflow->is_map()) return;
    EnvTypes env;
    if (const Node* vars = workflow->find("environment_variables"); vars != nullptr) {
        env = load_environment(doc, *vars, "workflow.environment_variables");
    }
    const Node* nodes = workflow->get({"graph", "nodes"});
    if (nodes == nullptr || !nodes->is_seq()) return;
    for (std::size_t i = 0; i < nodes->children.size(); ++i) {
        const Node* data = nodes->children[i].find("data");
        if (data != nullptr && data->is_map()) {
            load_node(doc, *data, join_path(index_path("workflow.graph.nodes", i), {"data"}), env);
        }
    }
}

} // namespace handoff
