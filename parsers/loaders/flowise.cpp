// Flowise chatflow/agentflow exports -> facts. A single flow is {nodes, edges}; "Export
// All" holds ChatFlow[]/AgentFlow[] entries whose flowData is the flow as a JSON string,
// parsed here and mapped back onto that string's bytes in the file.
#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/secret_names.hpp"
#include "parsers/loaders/automation_platforms.hpp"
#include "core/tree.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "parsers/loaders/url_text.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

// Inputs that hold a program Flowise runs (Custom JS Function, If/Else Function, agentflow
// v2 Custom Function, custom tools' func).
bool is_code_input(std::string_view key) {
    return key == "javascriptFunction" || key == "customFunctionJavascriptFunction" || key == "ifFunction" ||
           key == "elseFunction" || key == "func" || key == "code" || key == "pythonCode";
}

// A key-named input's value that could be a key: not a number, a sentence or a URL
// ("tokenLimit": "2000", "passwordHint": "ask the admin").
bool key_shaped(std::string_view value) {
    if (value.size() < 12 || value.find("://") != std::string_view::npos) return false;
    bool digits_only = true;
    for (char c : value) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0) return false;
        digits_only = digits_only && std::isdigit(static_cast<unsigned char>(c)) != 0;
    }
    return !digits_only && !is_unfilled_value(value);
}

bool is_url_input(std::string_view key) { return key == "url" || key == "httpUrl" || key == "basePath"; }

std::string node_label(const Node& data) {
    std::string_view label = data.text("label");
    if (label.empty()) label = data.text("id");
    return "'" + std::string(label) + "'";
}

// The credential type a node asks for: inputParams[{type: credential, credentialNames: [x]}].
std::string credential_type(const Node& data) {
    const Node* params = data.find("inputParams");
    if (params == nullptr || !params->is_seq()) return {};
    for (const Node& p : params->children) {
        if (p.text("type") != "credential") continue;
        const Node* names = p.find("credentialNames");
        if (names != nullptr && names->is_seq() && !names->children.empty()) return names->children[0].value;
    }
    return {};
}

// $vars.NAME inside an input's text (Flowise variables in prompts, headers, code).
void add_variable_refs(Document& doc, const Node& scalar, const std::string& path, const std::string& owner) {
    std::string_view text = scalar.value;
    for (std::size_t at = text.find("$vars."); at != std::string_view::npos; at = text.find("$vars.", at + 1)) {
        std::size_t begin = at + 6;
        std::size_t end = begin;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) ++end;
        if (end == begin) continue;
        SecretRef ref;
        ref.name = std::string(text.substr(begin, end - begin));
        ref.store = std::string(store::flowise_variable);
        ref.owner = owner;
        ref.site = {span_of_text(doc.bytes(), scalar.span, text.substr(at, end - at)), path};
        doc.facts.secret_refs.push_back(std::move(ref));
    }
}

void load_inputs(Document& doc, const Node& inputs, const std::string& inputs_path, const std::string& owner) {
    walk(inputs, [&](const Node& n, const NodePath& rel) {
        if (!n.is_scalar()) return true;
        std::string path = concat_path(inputs_path, rel.str());
        std::string_view key = rel.last_key();
        Site site{member_span(n), path};
        if (key == "FLOWISE_CREDENTIAL_ID" && !n.value.empty()) {
            doc.facts.secret_refs.push_back({n.value, std::string(store::flowise_credential), owner, "", site});
            return true;
        }
        if (!n.is_string() || n.value.empty()) return true;
        add_variable_refs(doc, n, path, owner);
        if (is_code_input(key)) {
            doc.facts.execs.push_back({owner, n.value, site, "flowise-function"});
            doc.facts.grants.push_back({owner, "code", "JavaScript", site, std::string(key)});
        } else if (is_url_input(key)) {
            Endpoint e;
            e.direction = Endpoint::Direction::outbound;
            e.kind = "http-request";
            e.owner = owner;
            e.url = safe_url_text(n.value);
            e.auth = "unknown";
            e.site = site;
            doc.facts.grants.push_back({owner, "network", e.url, site});
            doc.facts.endpoints.push_back(std::move(e));
        } else if (is_secret_name(key) && key_shaped(n.value)) {
            SecretDecl d;
            d.name = owner.substr(1, owner.size() - 2) + "." + std::string(key);
            d.store = std::string(store::flowise_input);
            d.has_value = true;
            d.site = {n.span, path};
            doc.facts.secret_decls.push_back(std::move(d));
        }
        return true;
    });
}

void load_flow(Document& doc, const Node& flow, const std::string& base) {
    const Node* nodes = flow.find("nodes");
    if (nodes == nullptr || !nodes->is_seq()) return;
    for (std::size_t i = 0; i < nodes->children.size(); ++i) {
        const Node* data = nodes->children[i].find("data");
        if (data == nullptr || !data->is_map()) continue;
        std::string data_path = join_path(index_path(concat_path(base, "nodes"), i), {"data"});
        std::string owner = node_label(*data);
        if (const Node* cred = data->find("credential"); cred != nullptr && cred->is_scalar() && !cred->value.empty()) {
            SecretRef ref{cred->value, std::string(store::flowise_credential), owner, credential_type(*data),
                          {member_span(*cred), join_path(data_path, {"credential"})}};
            doc.facts.secret_refs.push_back(std::move(ref));
        }
        if (const Node* inputs = data->find("inputs"); inputs != nullptr && inputs->is_map()) {
            load_inputs(doc, *inputs, join_path(data_path, {"inputs"}), owner);
        }
    }
}

// ---- "Export All": flowData strings ---------------------------------------------------

// For each byte of a JSON string literal's decoded value, where it is written in the
// literal (raw starts at the opening quote); one more entry for the end.
std::vector<std::uint32_t> decoded_offsets(std::string_view raw) {
    std::vector<std::uint32_t> map;
    std::size_t i = raw.empty() || raw.front() != '"' ? 0 : 1;
    auto emit = [&](std::size_t count, std::size_t at) { map.insert(map.end(), count, static_cast<std::uint32_t>(at)); };
    while (i < raw.size() && raw[i] != '"') {
        if (raw[i] != '\\') {
            emit(1, i++);
            continue;
        }
        if (i + 1 >= raw.size()) break;
        if (raw[i + 1] != 'u') {
            emit(1, i);
            i += 2;
            continue;
        }
        // \uXXXX (and a surrogate pair): 1 to 4 UTF-8 bytes, all mapped to the escape.
        unsigned code = i + 6 <= raw.size() ? static_cast<unsigned>(std::strtoul(std::string(raw.substr(i + 2, 4)).c_str(), nullptr, 16)) : 0;
        std::size_t width = 6;
        if (code >= 0xD800 && code <= 0xDBFF && i + 12 <= raw.size() && raw.compare(i + 6, 2, "\\u") == 0) {
            width = 12;
            code = 0x10000;
        }
        emit(code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4, i);
        i += width;
    }
    emit(1, i);
    return map;
}

Span remap(Span inner, const std::vector<std::uint32_t>& offsets, std::uint32_t base, Span whole) {
    if (inner.end >= offsets.size() || inner.begin > inner.end) return whole;
    return {base + offsets[inner.begin], base + offsets[inner.end]};
}

// Loads one flowData string into a scratch document and moves its facts, spans mapped
// back onto the string's bytes, into doc.
void load_flow_data(Document& doc, const Node& flow_data, const std::string& path) {
    if (!flow_data.is_string() || flow_data.span.end > doc.bytes().size()) return;
    ParseResult parsed = parse_json(flow_data.value);
    if (!parsed.root || !parsed.root->is_map()) return;
    Document inner(std::make_unique<SourceFile>(doc.path(), flow_data.value));
    inner.tree = std::move(parsed.root);
    load_flow(inner, *inner.tree, "");
    std::vector<std::uint32_t> offsets = decoded_offsets(doc.bytes().substr(flow_data.span.begin, flow_data.span.size()));
    auto fix = [&](Site& site) {
        site.span = remap(site.span, offsets, flow_data.span.begin, flow_data.span);
        site.node_path = concat_path(path, site.node_path);
    };
    auto move_all = [&](auto& from, auto& to) {
        for (auto& fact : from) {
            fix(fact.site);
            to.push_back(std::move(fact));
        }
    };
    move_all(inner.facts.secret_refs, doc.facts.secret_refs);
    move_all(inner.facts.secret_decls, doc.facts.secret_decls);
    move_all(inner.facts.endpoints, doc.facts.endpoints);
    move_all(inner.facts.grants, doc.facts.grants);
    move_all(inner.facts.execs, doc.facts.execs);
}

bool is_true(const Node* n) { return n != nullptr && n->is_scalar() && n->value == "true"; }

// A chatflow's prediction API: open when shared publicly or when no API key guards it.
void add_entry_point(Document& doc, const Node& flow, const std::string& path) {
    const Node* is_public = flow.find("isPublic");
    const Node* key = flow.find("apikeyid");
    Endpoint e;
    e.owner = "'" + std::string(flow.text("name")) + "'";
    e.url = "/api/v1/prediction/" + std::string(flow.text("id"));
    if (is_true(is_public)) {
        e.kind = endpoint_kind::flowise_public_chatbot;
        e.auth = "none";
        e.site = {member_span(*is_public), join_path(path, {"isPublic"})};
    } else {
        e.kind = endpoint_kind::flowise_prediction;
        e.auth = key != nullptr && key->is_scalar() && !key->value.empty() && key->type != ScalarType::null ? "token" : "none";
        e.site = key != nullptr ? Site{member_span(*key), join_path(path, {"apikeyid"})}
                                : Site{flow.find("id") != nullptr ? member_span(*flow.find("id")) : flow.span,
                                       join_path(path, {"id"})};
    }
    e.active = !flow.find("deployed") || is_true(flow.find("deployed"));
    doc.facts.untrusted.push_back({"chat-message", e.owner, e.site, e.owner});
    doc.facts.endpoints.push_back(std::move(e));
}

// Variable[]: static values are written into the export; runtime ones read the host's
// environment.
void load_variables(Document& doc, const Node& variables) {
    for (std::size_t i = 0; i < variables.children.size(); ++i) {
        const Node& v = variables.children[i];
        std::string name(v.text("name"));
        if (!v.is_map() || name.empty()) continue;
        std::string path = index_path("Variable", i);
        if (v.text("type") == "runtime") {
            doc.facts.secret_refs.push_back({name, "env", "Flowise variable " + name, "", {v.span, path}});
            continue;
        }
        const Node* value = v.find("value");
        if (!is_secret_name(name)) continue;
        SecretDecl d;
        d.name = name;
        d.store = std::string(store::flowise_variable);
        d.has_value = value != nullptr && !is_unfilled_value(value->value);
        d.required = true;
        d.site = value != nullptr ? Site{value->span, join_path(path, {"value"})} : Site{v.span, path};
        doc.facts.secret_decls.push_back(std::move(d));
    }
}

void load_export_all(Document& doc, const Node& root) {
    for (std::string_view list : {"ChatFlow", "AgentFlow", "AgentFlowV2", "AssistantFlow"}) {
        const Node* flows = root.find(list);
        if (flows == nullptr || !flows->is_seq()) continue;
        for (std::size_t i = 0; i < flows->children.size(); ++i) {
            const Node& flow = flows->children[i];
            if (!flow.is_map()) continue;
            std::string path = index_path(std::string(list), i);
            add_entry_point(doc, flow, path);
            if (const Node* data = flow.find("flowData"); data != nullptr) load_flow_data(doc, *data, join_path(path, {"flowData"}));
        }
    }
    if (const Node* tools = root.find("Tool"); tools != nullptr && tools->is_seq()) {
        for (std::size_t i = 0; i < tools->children.size(); ++i) {
            const Node& tool = tools->children[i];
            const Node* func = tool.find("func");
            if (func == nullptr || !func->is_string() || func->value.empty()) continue;
            std::string owner = "'" + std::string(tool.text("name")) + "'";
            Site site{member_span(*func), join_path(index_path("Tool", i), {"func"})};
            doc.facts.execs.push_back({owner, func->value, site, "flowise-function"});
            doc.facts.grants.push_back({owner, "code", "JavaScript", site, "custom tool"});
        }
    }
    if (const Node* variables = root.find("Variable"); variables != nullptr && variables->is_seq()) {
        load_variables(doc, *variables);
    }
}

} // namespace

void load_flowise(Document& doc) {
    if (!doc.tree || !doc.tree->is_map()) return;
    if (doc.tree->find("nodes") != nullptr) {
        load_flow(doc, *doc.tree, "");
    } else {
        load_export_all(doc, *doc.tree);
    }
}

} // namespace handoff
