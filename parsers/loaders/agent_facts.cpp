#include "parsers/loaders/agent_facts.hpp"

#include <cctype>
#include <memory>

#include "core/redact.hpp"
#include "core/vocabulary.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

bool is_token_query_key(std::string_view key) {
    std::string k = lower(key);
    return k == "key" || k == "apikey" || k == "api_key" || k == "api-key" || k == "token" ||
           k == "access_token" || k == "accesstoken" || k == "auth" || k == "auth_token" || k == "secret" ||
           k == "password" || k == "sig" || k == "signature" || k == "code" || is_secret_name(key);
}

// Some services put the key in the URL path (/mcp/<key>/sse): long mixed segments are redacted.
std::string redact_path_tokens(std::string_view path) {
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        bool digit = false;
        bool alpha = false;
        for (char c : seg) {
            digit = digit || std::isdigit(static_cast<unsigned char>(c)) != 0;
            alpha = alpha || std::isalpha(static_cast<unsigned char>(c)) != 0;
        }
        bool looks_secret = seg.size() >= 20 && digit && alpha && seg.find("${") == std::string_view::npos;
        out += looks_secret ? redact(seg) : std::string(seg);
        if (slash == std::string_view::npos) break;
        out += '/';
        start = slash + 1;
    }
    return out;
}

std::string unexpanded_where(McpClient client, const VarRef& ref) {
    std::string out = std::string(client_name(client)) + " does not expand ";
    out += ref.syntax == RefSyntax::malformed ? "this reference" : "this syntax";
    out += ": write the value into the file on the client's machine (never commit it), or use a syntax the client "
           "expands";
    return out;
}

} // namespace

std::string sanitize_url(std::string_view url) {
    std::string out;
    std::size_t scheme = url.find("://");
    std::size_t host_from = scheme == std::string_view::npos ? 0 : scheme + 3;
    std::size_t path_from = url.find_first_of("/?#", host_from);
    std::string_view authority = url.substr(host_from, path_from == std::string_view::npos ? std::string_view::npos
                                                                                           : path_from - host_from);
    std::size_t at = authority.rfind('@');
    out.append(url.substr(0, host_from));
    out.append(at == std::string_view::npos ? authority : authority.substr(at + 1));
    if (path_from == std::string_view::npos) return out;
    std::string_view rest = url.substr(path_from);
    std::size_t q = rest.find('?');
    out.append(redact_path_tokens(rest.substr(0, q)));
    if (q == std::string_view::npos) return out;
    std::string_view query = rest.substr(q + 1);
    std::size_t hash = query.find('#');
    query = query.substr(0, hash);
    out += '?';
    bool first = true;
    while (!query.empty()) {
        std::size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        std::size_t eq = pair.find('=');
        if (!first) out += '&';
        first = false;
        out.append(pair.substr(0, eq));
        if (eq != std::string_view::npos) out += "=\xE2\x80\xA6";
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

std::string url_auth(std::string_view url) {
    std::size_t scheme = url.find("://");
    std::size_t host_from = scheme == std::string_view::npos ? 0 : scheme + 3;
    std::size_t path_from = url.find_first_of("/?#", host_from);
    std::string_view authority = url.substr(host_from, path_from == std::string_view::npos ? std::string_view::npos
                                                                                           : path_from - host_from);
    if (authority.find('@') != std::string_view::npos) return "basic";
    std::size_t q = url.find('?');
    while (q != std::string_view::npos) {
        std::size_t eq = url.find('=', q + 1);
        if (eq == std::string_view::npos) break;
        if (is_token_query_key(url.substr(q + 1, eq - q - 1))) return "token";
        q = url.find('&', eq);
    }
    return {};
}

namespace {
AgentModel& attach_model(Document& doc, AgentFileKind kind, McpClient client) {
    auto model = std::make_unique<AgentModel>();
    model->kind = kind;
    model->client = client;
    AgentModel& out = *model;
    doc.model = std::move(model);
    return out;
}
} // namespace

AgentFacts::AgentFacts(Document& doc, AgentFileKind kind, McpClient client)
    : doc_(doc), model_(attach_model(doc, kind, client)) {}

Site AgentFacts::key_site(const Node& node, const std::string& path) {
    return {node.key_span.empty() ? node.span : node.key_span, path};
}

Site AgentFacts::site_within(const Node& node, const std::string& path, std::string_view needle) const {
    std::string_view bytes = doc_.bytes();
    if (!needle.empty() && node.span.end <= bytes.size() && node.span.begin < node.span.end) {
        std::string_view raw = bytes.substr(node.span.begin, node.span.size());
        std::size_t at = raw.find(needle);
        if (at != std::string_view::npos) {
            auto begin = static_cast<std::uint32_t>(node.span.begin + at);
            return {{begin, static_cast<std::uint32_t>(begin + needle.size())}, path};
        }
    }
    return {node.span, path};
}

void AgentFacts::references(const Node& scalar, const std::string& path, const std::string& owner, bool shell_text) {
    if (!scalar.is_string()) return;
    for (const VarRef& ref : find_var_refs(scalar.value, true)) {
        if (ref.builtin || ref.name.empty()) continue;
        // Bare $VAR is a reference when it is the whole value (an argument or env value);
        // inside longer text it is often a shell's business or not a variable at all
        // ("Z*,$TMP"), except for Gemini, which expands it everywhere.
        if (ref.syntax == RefSyntax::bare) {
            bool whole = ref.length == scalar.value.size();
            bool gemini = client() == McpClient::gemini && !shell_text && is_secret_name(ref.name);
            if (!whole && !gemini) continue;
        }
        SecretRef out;
        out.name = ref.name;
        out.owner = owner;
        out.optional = ref.has_default;
        out.site = site_within(scalar, path, std::string_view(scalar.value).substr(ref.offset, ref.length));
        Expansion expands = client_expands(client(), ref.syntax);
        out.expanded = expands != Expansion::no;
        if (ref.syntax == RefSyntax::input) {
            out.store = std::string(store::vscode_input);
        } else if (ref.syntax == RefSyntax::secrets) {
            out.store = std::string(store::continue_secret);
        } else {
            out.store = store::env;
            out.provider = provider_from_name(ref.name);
        }
        if (!out.expanded) {
            out.where_to_set = unexpanded_where(client(), ref);
        } else if (out.store == store::env) {
            out.where_to_set = env_destination(client());
        }
        doc_.facts.secret_refs.push_back(std::move(out));
    }
}

void AgentFacts::placeholder(const Node& scalar, const std::string& path, const std::string& owner,
                             std::string_view slot_name) {
    if (!scalar.is_scalar() || scalar.type == ScalarType::boolean || scalar.type == ScalarType::number) return;
    if (!is_secret_name(slot_name) || !is_unfilled_value(scalar.value)) return;
    // ${VAR} and friends are references, not placeholders.
    if (!find_var_refs(scalar.value, true).empty()) return;
    SecretRef out;
    out.name = std::string(slot_name);
    out.store = std::string(store::config_placeholder);
    out.owner = owner;
    out.provider = provider_from_name(slot_name);
    out.site = site(scalar, path);
    out.where_to_set = "the value is a placeholder in " + doc_.path() + ": the client must write the real value there, "
                       "or better, change the config to read it from the environment";
    doc_.facts.secret_refs.push_back(std::move(out));
}

void AgentFacts::references_below(const Node& node, const std::string& path, const std::string& owner) {
    walk(node, [&](const Node& n, const NodePath& rel) {
        if (n.is_string()) {
            std::string full = path;
            for (const PathStep& step : rel.steps()) {
                if (const auto* key = std::get_if<std::string_view>(&step)) {
                    full = child_path(full, *key);
                } else {
                    full = index_path(full, std::get<std::size_t>(step));
                }
            }
            references(n, full, owner);
        }
        return true;
    });
}

void AgentFacts::grant(std::string holder, std::string_view capability, std::string scope, Site where,
                       std::string detail) {
    Grant g;
    g.holder = std::move(holder);
    g.capability = std::string(capability);
    g.scope = std::move(scope);
    g.site = std::move(where);
    g.detail = std::move(detail);
    doc_.facts.grants.push_back(std::move(g));
}

void AgentFacts::endpoint(Endpoint::Direction direction, std::string_view kind, std::string owner,
                          std::string_view url, std::string auth, bool active, Site where) {
    Endpoint e;
    e.direction = direction;
    e.kind = std::string(kind);
    e.owner = std::move(owner);
    e.url = sanitize_url(url);
    e.auth = std::move(auth);
    e.active = active;
    e.site = std::move(where);
    doc_.facts.endpoints.push_back(std::move(e));
}

void AgentFacts::exec(std::string holder, std::string command, Site where, std::string_view kind) {
    Exec e;
    e.holder = std::move(holder);
    e.command = std::move(command);
    e.site = std::move(where);
    e.kind = std::string(kind);
    doc_.facts.execs.push_back(std::move(e));
}

void load_agent_file(Document& doc, AgentFileKind kind) {
    if (!doc.tree) return;
    AgentFacts facts(doc, kind, detect_client(doc.path(), *doc.tree).client);
    load_mcp_servers(facts, *doc.tree);
    load_settings_keys(facts, *doc.tree);
}

} // namespace handoff
