// n8n workflow and credentials exports -> the n8n model (model/automation.hpp) and facts.
#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "core/vocabulary.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/n8n_credentials.hpp"
#include "parsers/loaders/n8n_expressions.hpp"
#include "parsers/loaders/n8n_triggers.hpp"
#include "parsers/loaders/n8n_workflow.hpp"
#include "parsers/loaders/url_text.hpp"

namespace handoff {

namespace {

// Credential references: {type: {id, name}} and the legacy {type: "name"}.
void load_credential_refs(Document& doc, const N8nNode& n) {
    const Node* creds = n.node->find("credentials");
    if (creds == nullptr || !creds->is_map()) return;
    for (const Node& c : creds->children) {
        SecretRef ref;
        ref.store = store::n8n_credential;
        ref.provider = c.key;
        ref.owner = n.name;
        if (c.is_scalar()) {
            ref.name = c.value;
        } else if (c.is_map()) {
            ref.name = std::string(c.text("name"));
            ref.id = std::string(c.text("id"));
            if (ref.name.empty() && !ref.id.empty()) ref.name = "id " + ref.id;
        }
        if (ref.name.empty()) ref.name = c.key;
        ref.site = {member_span(c), n.member_path({"credentials", c.key})};
        doc.facts.secret_refs.push_back(std::move(ref));
    }
}

std::string_view store_of(N8nRefKind kind) {
    switch (kind) {
    case N8nRefKind::env:
    case N8nRefKind::process_env: return "env";
    case N8nRefKind::vars: return store::n8n_variable;
    case N8nRefKind::secrets: return store::n8n_external_secret;
    default: return {};
    }
}

// $env / $vars / $secrets in expressions and Code-node source.
void load_expression_refs(Document& doc, const N8nNode& n) {
    walk_parameters(n, [&](const Node& scalar, const std::string& path) {
        if (!is_n8n_expression(scalar.value) && !is_code_parameter(scalar.key)) return;
        for (const N8nRef& r : scan_n8n_refs(scalar.value)) {
            std::string_view store = store_of(r.kind);
            if (store.empty()) continue;
            SecretRef ref;
            ref.name = r.name;
            ref.store = std::string(store);
            ref.owner = n.name;
            ref.site = {span_of_text(doc.bytes(), scalar.span, std::string_view(scalar.value).substr(r.offset, r.length)),
                        path};
            doc.facts.secret_refs.push_back(std::move(ref));
        }
    });
}

std::string_view untrusted_source(std::string_view trigger_kind) {
    if (trigger_kind == "webhook" || trigger_kind == "webhook-resume") return "webhook-request";
    if (trigger_kind == "form" || trigger_kind == "form-resume") return "form-submission";
    if (trigger_kind == "chat") return "chat-message";
    if (trigger_kind == "mcp-server") return "mcp-call";
    if (trigger_kind == "email") return "email";
    return "app-event";
}

// A read of trigger data that carries no text an outsider chose into where it is used:
// - a truthiness test (`$json.callback_query ? ... : ...`);
// - an app trigger's platform-assigned id (Telegram's message.chat.id, Slack's user.id): the
//   outsider sends the message but does not choose its ids;
// - a member named as base64 (`tex_b64`): its alphabet holds no quote or shell metacharacter.
bool harmless_read(std::string_view text, const N8nRef& r, std::string_view source) {
    std::size_t begin = r.offset + r.length;
    std::size_t end = begin;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_' ||
                                 text[end] == '.' || text[end] == '$' || text[end] == '(' || text[end] == ')')) {
        ++end;
    }
    std::string_view chain = text.substr(begin, end - begin);
    std::size_t next = text.find_first_not_of(" \t\n", end);
    if (next != std::string_view::npos && text[next] == '?' && (next + 1 >= text.size() || text[next + 1] != '.')) {
        return true;
    }
    std::size_t dot = chain.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string_view last = trim(chain.substr(dot + 1), "()");
    if (last.ends_with("_b64") || last.ends_with("base64") || last.ends_with("Base64")) return true;
    return source == "app-event" && (last == "id" || last.ends_with("_id") || last.ends_with("Id"));
}

void load_triggers(Document& doc, const N8nWorkflow& wf) {
    for (const N8nTrigger& t : wf.triggers) {
        const N8nNode& n = wf.nodes[t.node];
        const Node* type = n.node->find("type");
        Site site{type != nullptr ? member_span(*type) : n.node->span, n.member_path({"type"})};
        if (t.endpoint) {
            Endpoint e;
            e.direction = Endpoint::Direction::inbound;
            e.kind = t.kind;
            e.owner = n.name;
            std::string_view path = n.param({"path"});
            if (path.empty()) path = n.param({"options", "path"});
            if (path.empty()) path = n.node->text("webhookId");
            e.url = safe_url_text(path);
            e.auth = t.auth;
            e.active = wf.active && !n.disabled;
            e.site = site;
            doc.facts.endpoints.push_back(std::move(e));
        }
        std::string_view source = untrusted_source(t.kind);
        doc.facts.untrusted.push_back({std::string(source), n.name, site, n.name});
        // The trigger's data as it flows on. $json (the incoming item) is the trigger's data only
        // in a node fed by the trigger directly or through nodes that pass items on (Set, IF,
        // Merge, Code, ...); after an HTTP or app node it is that node's response, which the
        // outsider does not pick. $('Trigger') or $('PassingNode') reads it anywhere after it.
        std::vector<bool> after = wf.downstream(t.node);
        std::vector<bool> carries(wf.nodes.size(), false);  // outputs the trigger's items
        std::vector<bool> fed(wf.nodes.size(), false);      // receives the trigger's items
        carries[t.node] = true;
        std::vector<std::size_t> queue{t.node};
        while (!queue.empty()) {
            std::size_t at = queue.back();
            queue.pop_back();
            for (std::size_t to : wf.targets(at, "main")) {
                fed[to] = true;
                if (carries[to] || !wf.nodes[to].info.passes_items) continue;
                carries[to] = true;
                queue.push_back(to);
            }
        }
        for (std::size_t i = 0; i < wf.nodes.size(); ++i) {
            if (i == t.node) continue;
            const N8nNode& m = wf.nodes[i];
            walk_parameters(m, [&](const Node& scalar, const std::string& path) {
                if (!is_n8n_expression(scalar.value) && !is_code_parameter(scalar.key)) return;
                for (const N8nRef& r : scan_n8n_refs(scalar.value)) {
                    bool flows = false;
                    if (r.kind == N8nRefKind::item_data) flows = after[i] && fed[i];
                    if (r.kind == N8nRefKind::node_data) {
                        // Naming the trigger itself says the node runs after it, even in an
                        // export whose connections were stripped.
                        const N8nNode* named = wf.by_name(r.name);
                        std::size_t at = named != nullptr ? wf.index_of(*named) : wf.nodes.size();
                        flows = named != nullptr && carries[at] && (after[i] || at == t.node);
                    }
                    if (!flows) continue;
                    if (harmless_read(scalar.value, r, source)) continue;
                    doc.facts.untrusted.push_back({std::string(source), m.name, {scalar.span, path}, n.name});
                    break;
                }
            });
        }
    }
}

// Values the LLM picks in AI tools: $fromAI(...) and {placeholder} URLs.
void load_llm_inputs(Document& doc, const N8nNode& n) {
    bool http_tool = n.info.role == N8nRole::http;
    walk_parameters(n, [&](const Node& scalar, const std::string& path) {
        bool chosen = false;
        for (const N8nRef& r : scan_n8n_refs(scalar.value)) chosen = chosen || r.kind == N8nRefKind::from_ai;
        if (!chosen && http_tool && n.type == "@n8n/n8n-nodes-langchain.toolHttpRequest" && scalar.key == "url") {
            chosen = has_tool_placeholder(scalar.value);
        }
        if (chosen) doc.facts.untrusted.push_back({"llm-choice", n.name, {scalar.span, path}, n.name});
    });
}

std::string http_auth(const N8nNode& n) {
    std::string_view mode = n.param({"authentication"});
    if (mode.empty() || mode == "none") return "none";
    if (mode == "predefinedCredentialType") return "credential";
    if (mode == "genericCredentialType") {
        std::string kind = n8n_auth_kind(n.param({"genericAuthType"}));
        return kind == "unknown" ? "credential" : kind;
    }
    std::string kind = n8n_auth_kind(mode);
    if (kind != "unknown") return kind;
    if (mode == "digestAuth") return "basic";
    if (mode == "queryAuth") return "query";
    return "unknown";
}

Site param_site(const N8nNode& n, std::initializer_list<std::string_view> chain) {
    const Node* p = n.param_node(chain);
    std::string path = n.member_path({"parameters"});
    for (std::string_view k : chain) path = join_path(path, {k});
    if (p != nullptr) return {member_span(*p), path};
    const Node* type = n.node->find("type");
    return {type != nullptr ? member_span(*type) : n.node->span, n.member_path({"type"})};
}

void load_capabilities(Document& doc, const N8nNode& n) {
    const N8nTypeInfo& info = n.info;
    auto grant = [&](std::string capability, std::string scope, Site site) {
        doc.facts.grants.push_back({n.name, std::move(capability), std::move(scope), std::move(site)});
    };
    switch (info.role) {
    case N8nRole::command: {
        bool ssh = n.short_type().substr(0, 3) == "ssh";
        bool file_op = ssh && n.param({"resource"}) == "file";
        Site site = param_site(n, {"command"});
        grant(ssh ? "remote-shell" : "shell", ssh ? "remote host" : "n8n host", site);
        if (!file_op) doc.facts.execs.push_back({n.name, std::string(n.param({"command"})), site});
        break;
    }
    case N8nRole::code: grant("code", std::string(n.short_type()), param_site(n, {"jsCode"})); break;
    case N8nRole::file: grant("filesystem", std::string(n.short_type()), param_site(n, {"fileName"})); break;
    case N8nRole::instance_api: grant("n8n-api", std::string(n.param({"resource"})), param_site(n, {"resource"})); break;
    case N8nRole::sql: grant("database", std::string(n.param({"operation"})), param_site(n, {"query"})); break;
    case N8nRole::http:
    case N8nRole::mcp_client: {
        bool mcp = info.role == N8nRole::mcp_client;
        std::string_view url = mcp ? n.param({"endpointUrl"}) : n.param({"url"});
        if (mcp && url.empty()) url = n.param({"sseEndpoint"});
        Endpoint e;
        e.direction = Endpoint::Direction::outbound;
        e.kind = mcp ? "mcp-client" : "http-request";
        e.owner = n.name;
        e.url = safe_url_text(url);
        e.auth = mcp ? n8n_auth_kind(n.param({"authentication"})) : http_auth(n);
        e.site = param_site(n, {mcp ? (n.param_node({"endpointUrl"}) ? "endpointUrl" : "sseEndpoint") : "url"});
        grant("network", e.url, e.site);
        doc.facts.endpoints.push_back(std::move(e));
        break;
    }
    default: break;
    }
}

void load_workflows(Document& doc) {
    auto model = std::make_unique<N8nWorkflowExport>();
    model->workflows = read_n8n_workflows(*doc.tree);
    for (const N8nWorkflow& wf : model->workflows) {
        for (const N8nNode& n : wf.nodes) {
            load_credential_refs(doc, n);
            load_expression_refs(doc, n);
            load_capabilities(doc, n);
            load_llm_inputs(doc, n);
            std::string_view package = n.community_package();
            const Node* type = n.node->find("type");
            if (!package.empty() && type != nullptr) {
                doc.facts.requirements.push_back(
                    {std::string(package), std::string(store::n8n_community_package), n.name, {member_span(*type), n.member_path({"type"})}});
            }
        }
        load_triggers(doc, wf);
    }
    doc.model = std::move(model);
}

void load_credentials_export(Document& doc) {
    auto model = std::make_unique<N8nCredentialExport>();
    model->entries = read_n8n_credentials(*doc.tree);
    for (const N8nCredentialEntry& c : model->entries) {
        SecretDecl decl;
        decl.name = c.name.empty() ? c.id : c.name;
        decl.store = store::n8n_credential;
        decl.provider = c.type;
        decl.has_value = c.decrypted && c.has_values;
        decl.required = true;
        decl.site = {member_span(*c.data), c.data_path};
        doc.facts.secret_decls.push_back(std::move(decl));
    }
    doc.model = std::move(model);
}

} // namespace

void load_n8n(Document& doc) {
    if (!doc.tree) return;
    doc.facts.platform = platform::n8n;
    if (doc.format == Format::n8n_credentials) {
        load_credentials_export(doc);
    } else {
        load_workflows(doc);
    }
}

} // namespace handoff
