// MCP server definitions of every client, turned into facts: the command line and
// what it fetches or reaches, the remote URL and its auth, env and header values,
// variable references, auto-approved tools, and what data the server touches.
#include <algorithm>
#include <array>
#include <cctype>

#include "core/vocabulary.hpp"
#include "parsers/loaders/agent_facts.hpp"
#include "parsers/loaders/command_line.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "parsers/loaders/server_roles.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

struct ServerEntry {
    std::string name;
    const Node* node = nullptr;
    std::string path;
};

struct Arg {
    const Node* node;
    std::string path;
};

void add_map_servers(std::vector<ServerEntry>& out, const Node* servers, const std::string& path) {
    if (servers == nullptr) return;
    if (servers->is_map()) {
        for (const Node& s : servers->children) {
            if (s.is_map()) out.push_back({s.key, &s, child_path(path, s.key)});
        }
    } else if (servers->is_seq()) {
        // Continue: a list of {name, command, ...}.
        for (std::size_t i = 0; i < servers->children.size(); ++i) {
            const Node& s = servers->children[i];
            if (!s.is_map()) continue;
            std::string name(s.text("name"));
            out.push_back({name.empty() ? "server " + std::to_string(i + 1) : name, &s, index_path(path, i)});
        }
    }
}

std::vector<ServerEntry> find_servers(const Node& root) {
    std::vector<ServerEntry> out;
    if (!root.is_map()) return out;
    add_map_servers(out, root.find("mcpServers"), "mcpServers");
    add_map_servers(out, root.find("servers"), "servers");
    add_map_servers(out, root.find("context_servers"), "context_servers");
    add_map_servers(out, root.find("mcp_servers"), "mcp_servers");
    if (const Node* mcp = root.find("mcp"); mcp != nullptr && mcp->is_map()) {
        if (const Node* servers = mcp->find("servers"); servers != nullptr) {
            add_map_servers(out, servers, "mcp.servers");
        } else {
            add_map_servers(out, mcp, "mcp");  // opencode
        }
    }
    if (const Node* projects = root.find("projects"); projects != nullptr && projects->is_map()) {
        for (const Node& project : projects->children) {
            std::string base = child_path(child_path("projects", project.key), "mcpServers");
            add_map_servers(out, project.find("mcpServers"), base);
        }
    }
    return out;
}

bool is_true(const Node* n) { return n != nullptr && n->is_scalar() && lower(n->value) == "true"; }

bool auth_header_name(std::string_view name) {
    std::string n = lower(name);
    return n == "authorization" || n == "cookie" || n == "proxy-authorization" || is_secret_name(name);
}

const Node* first_of(const Node& s, std::initializer_list<std::string_view> keys, std::string_view& which) {
    for (std::string_view k : keys) {
        if (const Node* n = s.find(k); n != nullptr && n->is_scalar() && !n->value.empty()) {
            which = k;
            return n;
        }
    }
    return nullptr;
}

std::string url_host(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    std::size_t at = rest.rfind('@');
    if (at != std::string_view::npos) rest.remove_prefix(at + 1);
    return std::string(rest);
}

class ServerLoader {
public:
    ServerLoader(AgentFacts& facts, const ServerEntry& entry)
        : facts_(facts), s_(*entry.node), name_(entry.name), path_(entry.path) {}

    void load() {
        active_ = !is_true(s_.find("disabled")) && lower(s_.text("enabled")) != "false";
        McpServer entry;
        entry.name = name_;
        entry.transport = s_.text("type").empty() ? s_.text("transport") : s_.text("type");
        entry.enabled = active_;
        entry.site = AgentFacts::key_site(s_, path_);
        index_ = facts_.model().servers.size();
        facts_.model().servers.push_back(std::move(entry));
        facts_.references_below(s_, path_, name_);
        command_line();
        remote_url();
        values("env", server().env);
        values("environment", server().env);
        values("headers", server().headers);
        values("http_headers", server().headers);
        forwarded_names();
        approvals();
        roles();
    }

private:
    AgentFacts& facts_;
    const Node& s_;
    std::string name_;
    std::string path_;
    bool active_ = true;
    std::size_t index_ = 0;  // this server's entry in the model

    McpServer& server() { return facts_.model().servers[index_]; }
    std::vector<std::string> words_{name_};  // what the server is called and runs, for its roles

    void command_line() {
        std::vector<Arg> args;
        std::string cmd_path = child_path(path_, "command");
        const Node* cmd = s_.find("command");
        const Node* arg_list = s_.find("args");
        std::string args_path = child_path(path_, "args");
        if (cmd != nullptr && cmd->is_map()) {  // Zed, older: "command": {"path", "args", "env"}
            if (const Node* p = cmd->find("path"); p != nullptr && p->is_scalar()) {
                args.push_back({p, child_path(cmd_path, "path")});
            }
            arg_list = cmd->find("args");
            args_path = child_path(cmd_path, "args");
            if (const Node* env = cmd->find("env"); env != nullptr) {
                env_values(*env, child_path(cmd_path, "env"), server().env);
            }
        } else if (cmd != nullptr && cmd->is_seq()) {  // opencode: "command": ["npx", "-y", "pkg"]
            arg_list = cmd;
            args_path = cmd_path;
        } else if (cmd != nullptr && cmd->is_scalar()) {
            args.push_back({cmd, cmd_path});
        }
        if (arg_list != nullptr && arg_list->is_seq()) {
            for (std::size_t i = 0; i < arg_list->children.size(); ++i) {
                const Node& a = arg_list->children[i];
                if (a.is_scalar()) args.push_back({&a, index_path(args_path, i)});
            }
        }
        if (args.empty()) return;
        std::vector<std::string> argv;
        std::string joined;
        for (const Arg& a : args) {
            argv.push_back(a.node->value);
            if (!joined.empty()) joined += ' ';
            joined += a.node->value;
        }
        server().command = argv;
        if (server().transport.empty()) server().transport = "stdio";
        facts_.exec(name_, joined, AgentFacts::site(*args[0].node, args[0].path), endpoint_kind::mcp_server);
        CommandAnalysis analysis = analyze_command(argv);
        for (std::string& p : analysis.packages) words_.push_back(p);
        for (const CommandRisk& r : analysis.risks) {
            const Arg& at = args[std::min(r.source, args.size() - 1)];
            facts_.grant(name_, r.capability, r.scope, AgentFacts::site(*at.node, at.path), r.detail);
        }
        for (const Listener& l : analysis.listeners) {
            const Arg& at = args[std::min(l.source, args.size() - 1)];
            facts_.endpoint(Endpoint::Direction::inbound, endpoint_kind::mcp_listener, name_, l.address, "none", active_,
                            AgentFacts::site(*at.node, at.path));
            facts_.doc().facts.endpoints.back().url = l.detail;
        }
        for (const RemoteTarget& t : analysis.remotes) {
            const Arg& at = args[std::min(t.source, args.size() - 1)];
            std::string auth = t.header_sources.empty() ? url_auth(t.url) : "header";
            if (auth.empty()) auth = env_auth();
            // mcp-remote answers the server's 401 with the OAuth flow in the browser.
            if (auth.empty() && t.oauth) auth = "oauth";
            facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::mcp_server, name_, t.url,
                            auth.empty() ? "none" : auth, active_, AgentFacts::site(*at.node, at.path));
            words_.push_back(url_host(t.url));
        }
        // A template value after --api-key / --token is a secret the client must fill in.
        for (std::size_t i = 1; i < args.size(); ++i) {
            std::string_view prev = args[i - 1].node->value;
            if (!prev.starts_with('-') || prev.find('=') != std::string_view::npos) continue;
            std::string_view flag = prev;
            while (flag.starts_with('-')) flag.remove_prefix(1);
            facts_.placeholder(*args[i].node, args[i].path, name_, flag);
        }
    }

    // mcp-remote & co. often take their token from the server's env (AUTH_HEADER, API_KEY).
    std::string env_auth() const {
        for (std::string_view key : {"env", "environment"}) {
            const Node* env = s_.find(key);
            if (env == nullptr || !env->is_map()) continue;
            for (const Node& v : env->children) {
                if (is_secret_name(v.key) && v.is_scalar() && !v.value.empty()) return "header";
            }
        }
        return {};
    }

    void remote_url() {
        std::string_view which;
        const Node* url = first_of(s_, {"url", "serverUrl", "httpUrl", "server_url", "uri"}, which);
        if (url == nullptr) {
            if (const Node* transport = s_.find("transport"); transport != nullptr && transport->is_map()) {
                url = first_of(*transport, {"url"}, which);
            }
        }
        if (url == nullptr) return;
        server().url = sanitize_url(url->value);
        if (server().transport.empty()) server().transport = "http";
        std::string auth;
        for (std::string_view key : {"headers", "http_headers", "requestInit"}) {
            const Node* h = s_.find(key);
            if (h != nullptr && h->is_map()) {
                const Node* inner = h->find("headers");
                const Node& headers = inner != nullptr ? *inner : *h;
                for (const Node& member : headers.children) {
                    if (auth_header_name(member.key)) auth = "header";
                }
            }
        }
        if (const Node* h = s_.find("env_http_headers"); h != nullptr && !h->children.empty()) auth = "header";
        if (const Node* helper = s_.find("headersHelper"); helper != nullptr) {
            auth = "header";
            if (helper->is_scalar()) {
                facts_.exec(name_, helper->value, AgentFacts::site(*helper, child_path(path_, "headersHelper")),
                            "credential-helper");
            }
        }
        if (s_.find("bearer_token_env_var") != nullptr) auth = "token";
        if (s_.find("oauth") != nullptr || s_.find("auth") != nullptr) auth = "oauth";
        if (auth.empty()) auth = url_auth(url->value);
        if (auth.empty()) auth = "none";
        facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::mcp_server, name_, url->value, auth, active_,
                        AgentFacts::site(*url, child_path(path_, which)));
        words_.push_back(url_host(url->value));
    }

    // env and header values; names: where the model lists them.
    void env_values(const Node& map, const std::string& path, std::vector<std::string>& names) {
        if (!map.is_map()) return;
        std::vector<std::string> selected = selected_providers(map);
        for (const Node& v : map.children) {
            if (!v.is_scalar()) continue;
            names.push_back(v.key);
            std::string p = child_path(path, v.key);
            std::size_t refs = facts_.doc().facts.secret_refs.size();
            facts_.placeholder(v, p, name_, v.key);
            if (facts_.doc().facts.secret_refs.size() > refs && !selected.empty()) {
                // MCP_MODEL_PROVIDER=anthropic: the empty OPENAI_API_KEY beside it is an
                // unused alternative, not a key the server needs.
                SecretRef& ref = facts_.doc().facts.secret_refs.back();
                if (!ref.provider.empty() && std::find(selected.begin(), selected.end(), ref.provider) == selected.end()) {
                    ref.optional = true;
                    ref.where_to_set = "only needed if the server is switched to " + ref.provider + " (" +
                                       selected.front() + " is selected); " + ref.where_to_set;
                }
            }
            std::string key = lower(v.key);
            if ((key == "host" || key.ends_with("_host") || key == "bind" || key.ends_with("_bind_address")) &&
                (v.value == "0.0.0.0" || v.value == "::")) {
                facts_.endpoint(Endpoint::Direction::inbound, endpoint_kind::mcp_listener, name_, v.value, "none", active_,
                                AgentFacts::site(v, p));
                facts_.doc().facts.endpoints.back().url = v.key + "=" + v.value + " listens on every interface";
            }
        }
    }

    // The providers an env map selects (LLM_PROVIDER=openai, MCP_MODEL_PROVIDER=anthropic),
    // as the first word of a secret slot names them (GOOGLE_API_KEY for gemini); empty when none.
    static std::vector<std::string> selected_providers(const Node& map) {
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAliases{{
            {"gemini", "google"}, {"vertex", "google"}, {"claude", "anthropic"}, {"gpt", "openai"},
            {"azure-openai", "azure"},
        }};
        std::vector<std::string> out;
        for (const Node& v : map.children) {
            if (!v.is_string() || !lower(v.key).ends_with("provider")) continue;
            std::string word = lower(trim(v.value));
            word = word.substr(0, word.find_first_of("/:"));
            if (word.empty() || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
                continue;
            for (const auto& [alias, provider] : kAliases) {
                if (word == alias) word = provider;
            }
            out.push_back(word);
        }
        return out;
    }

    void values(std::string_view key, std::vector<std::string>& names) {
        if (const Node* map = s_.find(key); map != nullptr) env_values(*map, child_path(path_, key), names);
    }

    // Codex names host variables instead of holding values: each is one the client must set.
    void forwarded_names() {
        auto name_ref = [&](const Node& n, const std::string& path) {
            if (!n.is_scalar() || n.value.empty() || is_builtin_variable(n.value)) return;
            SecretRef ref;
            ref.name = n.value;
            ref.store = store::env;
            ref.owner = name_;
            ref.site = AgentFacts::site(n, path);
            ref.where_to_set = env_destination(facts_.client());
            facts_.doc().facts.secret_refs.push_back(std::move(ref));
        };
        if (const Node* vars = s_.find("env_vars"); vars != nullptr && vars->is_seq()) {
            for (std::size_t i = 0; i < vars->children.size(); ++i) {
                name_ref(vars->children[i], index_path(child_path(path_, "env_vars"), i));
            }
        }
        if (const Node* bearer = s_.find("bearer_token_env_var"); bearer != nullptr) {
            name_ref(*bearer, child_path(path_, "bearer_token_env_var"));
        }
        if (const Node* headers = s_.find("env_http_headers"); headers != nullptr && headers->is_map()) {
            for (const Node& h : headers->children) {
                name_ref(h, child_path(child_path(path_, "env_http_headers"), h.key));
            }
        }
    }

    void approvals() {
        for (std::string_view key : {"autoApprove", "alwaysAllow"}) {
            const Node* list = s_.find(key);
            if (list == nullptr) continue;
            std::string p = child_path(path_, key);
            if (list->is_scalar() && lower(list->value) == "true") {
                facts_.grant(name_, capability::auto_approve, "*", AgentFacts::site(*list, p),
                             std::string(key) + ": true");
            }
            if (!list->is_seq()) continue;
            for (std::size_t i = 0; i < list->children.size(); ++i) {
                const Node& tool = list->children[i];
                if (!tool.is_scalar()) continue;
                facts_.grant(name_, capability::auto_approve, tool.value,
                             AgentFacts::site(tool, index_path(p, i)), std::string(key));
            }
        }
        if (const Node* trust = s_.find("trust"); is_true(trust)) {
            facts_.grant(name_, capability::approval_bypass, "every tool of " + name_,
                         AgentFacts::site(*trust, child_path(path_, "trust")), "trust: true");
        }
    }

    void roles() {
        if (!active_) return;
        ServerRoles r = classify_server(words_);
        Site at = AgentFacts::key_site(s_, path_);
        if (!r.untrusted.empty()) {
            facts_.doc().facts.untrusted.push_back({r.untrusted, name_, at});
        }
        if (!r.private_data.empty()) facts_.grant(name_, capability::private_data, r.private_data, at, "");
        if (!r.sends.empty()) facts_.grant(name_, capability::sends_data, r.sends, at, "");
    }
};

// An input whose id or description says it is a key, token or password.
bool asks_for_secret(const Node& input) {
    if (is_secret_name(input.text("id"))) return true;
    std::string word;
    std::string_view description = input.text("description");
    for (std::size_t i = 0; i <= description.size(); ++i) {
        char c = i < description.size() ? description[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        for (std::string_view secret : {"key", "apikey", "token", "tokens", "password", "passwd", "passphrase",
                                        "secret", "pat", "credential", "credentials"}) {
            if (word == secret) return true;
        }
        word.clear();
    }
    return false;
}

void input_declarations(AgentFacts& facts, const Node* inputs, const std::string& path) {
    if (inputs == nullptr || !inputs->is_seq()) return;
    for (std::size_t i = 0; i < inputs->children.size(); ++i) {
        const Node& input = inputs->children[i];
        const Node* id = input.find("id");
        if (id == nullptr || !id->is_scalar()) continue;
        SecretDecl decl;
        decl.name = id->value;
        decl.store = std::string(store::vscode_input);
        decl.required = true;
        decl.site = AgentFacts::site(*id, child_path(index_path(path, i), "id"));
        const Node* password = input.find("password");
        decl.shown_in_clear = input.text("type") == "promptString" && asks_for_secret(input) &&
                              (password == nullptr || password->value != "true");
        facts.doc().facts.secret_decls.push_back(std::move(decl));
    }
}

} // namespace

void load_mcp_servers(AgentFacts& facts, const Node& root) {
    for (const ServerEntry& entry : find_servers(root)) {
        ServerLoader(facts, entry).load();
    }
    if (!root.is_map()) return;
    input_declarations(facts, root.find("inputs"), "inputs");
    if (const Node* mcp = root.find("mcp"); mcp != nullptr) input_declarations(facts, mcp->find("inputs"), "mcp.inputs");
}

} // namespace handoff
