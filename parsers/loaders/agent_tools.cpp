// Tool definitions handed to a model: OpenAI function and remote-MCP tools (Chat
// Completions, Responses, Assistants), Anthropic tools and MCP connector servers,
// OpenAPI specs used as GPT Actions, CrewAI agents. Facts: remote servers with their
// auth, approval bypasses, tools that run commands or fetch any URL.
#include <array>
#include <cctype>

#include "parsers/loaders/agent_facts.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/secret_slots.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) {
        if (text.find(p) != std::string_view::npos) return true;
    }
    return false;
}

// A free-form string parameter with one of these names (no enum, no pattern).
bool has_free_string_param(const Node* schema, std::initializer_list<std::string_view> names) {
    if (schema == nullptr) return false;
    const Node* props = schema->find("properties");
    if (props == nullptr || !props->is_map()) return false;
    for (const Node& p : props->children) {
        std::string key = lower(p.key);
        bool named = false;
        for (std::string_view n : names) named = named || key == n;
        if (!named || !p.is_map()) continue;
        std::string_view type = p.text("type");
        if ((type.empty() || type == "string") && p.find("enum") == nullptr && p.find("pattern") == nullptr) return true;
    }
    return false;
}

class ToolsLoader {
public:
    explicit ToolsLoader(AgentFacts& facts) : facts_(facts) {}

    void load(const Node& root) {
        if (root.is_seq()) {
            tools(root, "");
            return;
        }
        if (!root.is_map()) return;
        if (root.find("openapi") != nullptr || root.find("swagger") != nullptr) {
            openapi(root);
            return;
        }
        for (std::string_view key : {"tools", "functions", "mcp_servers"}) {
            if (const Node* list = root.find(key); list != nullptr && list->is_seq()) tools(*list, child_path("", key));
        }
        if (root.find("name") != nullptr &&
            (root.find("parameters") != nullptr || root.find("input_schema") != nullptr || root.find("inputSchema") != nullptr)) {
            tool(root, "");
        }
        crewai(root);
    }

private:
    AgentFacts& facts_;

    void tools(const Node& list, const std::string& path) {
        for (std::size_t i = 0; i < list.children.size(); ++i) tool(list.children[i], index_path(path, i));
    }

    void tool(const Node& t, const std::string& path) {
        if (!t.is_map()) return;
        std::string type = lower(t.text("type"));
        if (type == "mcp") {
            remote_mcp(t, path);
            return;
        }
        if (type == "url" && t.find("url") != nullptr) {
            anthropic_connector(t, path);
            return;
        }
        if (builtin(t, type, path)) return;
        const Node* fn = t.find("function");
        std::string fn_path = child_path(path, "function");
        if (fn == nullptr || !fn->is_map()) {
            fn = &t;
            fn_path = path;
        }
        const Node* name = fn->find("name");
        if (name == nullptr || !name->is_scalar()) return;
        const Node* schema = fn->find("parameters");
        if (schema == nullptr) schema = fn->find("input_schema");
        if (schema == nullptr) schema = fn->find("inputSchema");
        std::string n = lower(name->value);
        // The name says what the tool does; when it does not (get_page, tool_1), the description may, and
        // then only a parameter named for nothing else (command, url) counts.
        std::string said = lower(fn->text("description"));
        Site at = AgentFacts::site(*name, child_path(fn_path, "name"));
        if ((contains_any(n, {"shell", "bash", "exec", "run_command", "runcommand", "execute_command", "run_cmd",
                              "terminal", "run_code", "execute_code", "eval", "run_python", "python_repl", "powershell",
                              "cmd", "command"}) &&
             has_free_string_param(schema, {"command", "cmd", "code", "script", "shell_command", "commands",
                                            "python_code", "bash_command", "query_command"})) ||
            (contains_any(said, {"shell command", "terminal", "bash", "powershell", "execute code", "run code",
                                 "executes code", "runs code", "python code"}) &&
             has_free_string_param(schema, {"command", "cmd", "shell_command", "bash_command", "script", "python_code"}))) {
            facts_.grant(name->value, capability::tool_shell, name->value, at,
                         "tool " + name->value + " takes a free-form command and runs it");
        }
        if ((contains_any(n, {"fetch", "http", "request", "url", "browse", "scrape", "download", "curl", "webpage",
                              "web_page", "visit", "crawl"}) &&
             has_free_string_param(schema, {"url", "uri", "link", "endpoint", "address", "href", "target_url", "page_url"})) ||
            (contains_any(said, {"fetch", "download", "web page", "webpage", "scrape", "crawl", "browse"}) &&
             has_free_string_param(schema, {"url", "uri", "href", "target_url", "page_url"}))) {
            facts_.grant(name->value, capability::tool_fetch, name->value, at,
                         "tool " + name->value + " fetches any URL the model chooses");
            facts_.doc().facts.untrusted.push_back({"web-page", name->value, at});
        }
    }

    // Built-in tools: {"type": "local_shell"}, Anthropic's versioned bash_20250124 / computer_20250124, web
    // search and fetch. Hosted sandboxes (code_interpreter, code_execution_*) are the provider's business.
    bool builtin(const Node& t, const std::string& type, const std::string& path) {
        if (type.starts_with("bash_") || type == "local_shell" || type == "shell" || type.starts_with("computer_") ||
            type == "computer_use_preview") {
            facts_.grant(type, capability::tool_shell, type, AgentFacts::site(t, path),
                         "built-in " + type + " tool runs commands on the machine the agent runs on");
            return true;
        }
        if (type.starts_with("web_search") || type.starts_with("web_fetch")) {
            facts_.doc().facts.untrusted.push_back({"web-page", type, AgentFacts::site(t, path)});
            return true;
        }
        return false;
    }

    // Responses API {"type": "mcp"}: the server's auth, and which tools run without asking.
    void remote_mcp(const Node& t, const std::string& path) {
        std::string label(t.text("server_label"));
        if (label.empty()) label = "mcp";
        const Node* url = t.find("server_url");
        std::string auth = "none";
        if (const Node* headers = t.find("headers"); headers != nullptr && headers->is_map()) {
            for (const Node& h : headers->children) {
                if (lower(h.key) == "authorization" || is_secret_name(h.key)) auth = "header";
                facts_.references(h, child_path(child_path(path, "headers"), h.key), label);
                facts_.placeholder(h, child_path(child_path(path, "headers"), h.key), label, h.key);
            }
        }
        if (const Node* token = t.find("authorization"); token != nullptr) {
            auth = "token";
            facts_.references(*token, child_path(path, "authorization"), label);
            facts_.placeholder(*token, child_path(path, "authorization"), label, "authorization");
        }
        if (t.find("connector_id") != nullptr) auth = "oauth";
        if (url != nullptr && url->is_scalar()) {
            if (auth == "none" && !url_auth(url->value).empty()) auth = url_auth(url->value);
            facts_.references(*url, child_path(path, "server_url"), label);
            facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::mcp_server, label, url->value, auth, true,
                            AgentFacts::site(*url, child_path(path, "server_url")));
        }
        approvals(t, label, path);
    }

    // require_approval: "never" skips every prompt; {"never": {"tool_names": [...]}} only for those tools.
    // allowed_tools narrows "never" to the tools the model can call at all.
    void approvals(const Node& t, const std::string& label, const std::string& path) {
        const Node* approval = t.find("require_approval");
        if (approval == nullptr) return;
        std::string where = child_path(path, "require_approval");
        if (approval->is_scalar()) {
            if (approval->value != "never") return;
            const Node* allowed = t.find("allowed_tools");
            std::string allowed_path = child_path(path, "allowed_tools");
            if (allowed != nullptr && allowed->is_map()) {
                allowed = allowed->find("tool_names");
                allowed_path = child_path(allowed_path, "tool_names");
            }
            if (allowed != nullptr && allowed->is_seq() && !allowed->children.empty()) {
                auto_approved(*allowed, label, allowed_path, "require_approval: \"never\" with allowed_tools");
                return;
            }
            facts_.grant(label, capability::approval_bypass, "every tool of " + label, AgentFacts::site(*approval, where),
                         "require_approval: \"never\"");
            return;
        }
        const Node* never = approval->find("never");
        if (never == nullptr) return;
        const Node* names = never->is_map() ? never->find("tool_names") : never;
        if (names == nullptr || !names->is_seq()) return;
        std::string names_path = child_path(where, "never");
        if (never->is_map()) names_path = child_path(names_path, "tool_names");
        auto_approved(*names, label, names_path, "require_approval.never");
    }

    void auto_approved(const Node& names, const std::string& label, const std::string& path, const std::string& how) {
        for (std::size_t i = 0; i < names.children.size(); ++i) {
            const Node& tool = names.children[i];
            if (!tool.is_scalar() || tool.value.empty()) continue;
            facts_.grant(label, capability::auto_approve, tool.value, AgentFacts::site(tool, index_path(path, i)), how);
        }
    }

    // Anthropic MCP connector ({"type": "url"}): the Messages API calls its tools without asking anyone.
    void anthropic_connector(const Node& t, const std::string& path) {
        std::string label(t.text("name"));
        if (label.empty()) label = "mcp";
        const Node* url = t.find("url");
        if (url == nullptr || !url->is_scalar()) return;
        std::string auth = "none";
        if (const Node* token = t.find("authorization_token"); token != nullptr) {
            auth = "token";
            facts_.references(*token, child_path(path, "authorization_token"), label);
            facts_.placeholder(*token, child_path(path, "authorization_token"), label, "authorization_token");
        }
        if (auth == "none" && !url_auth(url->value).empty()) auth = url_auth(url->value);
        facts_.references(*url, child_path(path, "url"), label);
        facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::mcp_server, label, url->value, auth, true,
                        AgentFacts::site(*url, child_path(path, "url")));
    }

    // OpenAPI (GPT Actions): the servers the model calls and whether the spec asks for credentials;
    // write operations marked x-openai-isConsequential: false, which users can "always allow".
    void openapi(const Node& root) {
        const Node* schemes = root.get({"components", "securitySchemes"});
        if (schemes == nullptr) schemes = root.find("securityDefinitions");
        const Node* security = root.find("security");
        bool secured = (schemes != nullptr && !schemes->children.empty()) || non_empty(security);
        const Node* title_node = root.get({"info", "title"});
        std::string title(title_node != nullptr && title_node->is_scalar() ? title_node->value : "openapi");
        std::string auth = secured ? "header" : "none";
        std::string base_url;
        if (const Node* servers = root.find("servers"); servers != nullptr && servers->is_seq()) {
            for (std::size_t i = 0; i < servers->children.size(); ++i) {
                const Node* url = servers->children[i].find("url");
                if (url == nullptr || !url->is_scalar()) continue;
                if (base_url.empty()) base_url = url->value;
                std::string server_auth = auth == "none" && !url_auth(url->value).empty() ? url_auth(url->value) : auth;
                facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::openapi_server, title, url->value, server_auth,
                                true, AgentFacts::site(*url, child_path(index_path("servers", i), "url")));
            }
        } else if (const Node* host = root.find("host"); host != nullptr && host->is_scalar()) {
            std::string scheme = "https";
            if (const Node* schemes_list = root.find("schemes"); schemes_list != nullptr && schemes_list->is_seq() &&
                                                                 !schemes_list->children.empty()) {
                scheme = schemes_list->children[0].value;
            }
            base_url = scheme + "://" + host->value + std::string(root.text("basePath"));
            facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::openapi_server, title, base_url, auth, true,
                            AgentFacts::site(*host, "host"));
        }
        const Node* paths = root.find("paths");
        if (paths == nullptr || !paths->is_map()) return;
        for (const Node& p : paths->children) {
            for (const Node& op : p.children) {
                if (op.key != "post" && op.key != "put" && op.key != "patch" && op.key != "delete") continue;
                std::string op_path = child_path(child_path("paths", p.key), op.key);
                std::string id(op.text("operationId"));
                if (id.empty()) id = lower(op.key) + " " + p.key;
                // security: [] on one operation switches the document's security off for it.
                if (const Node* op_security = op.find("security"); secured && op_security != nullptr &&
                                                                   op_security->is_seq() && !non_empty(op_security)) {
                    facts_.endpoint(Endpoint::Direction::outbound, endpoint_kind::openapi_operation, id, base_url + p.key,
                                    "none", true, AgentFacts::site(*op_security, child_path(op_path, "security")));
                }
                const Node* consequential = op.find("x-openai-isConsequential");
                if (consequential == nullptr || lower(consequential->value) != "false") continue;
                facts_.grant(id, capability::approval_bypass, id,
                             AgentFacts::site(*consequential, child_path(op_path, "x-openai-isConsequential")),
                             "x-openai-isConsequential: false on a " + lower(op.key) + " operation");
            }
        }
    }

    // A security requirement list that asks for something: [] and [{}] ask for nothing.
    static bool non_empty(const Node* security) {
        if (security == nullptr) return false;
        for (const Node& requirement : security->children) {
            if (!requirement.is_map() || !requirement.children.empty()) return true;
        }
        return false;
    }

    // CrewAI agents.yaml: allow_code_execution runs model-written code, in Docker ("safe", the
    // default) or on the host ("unsafe"). code_execution_mode alone does nothing.
    void crewai(const Node& root) {
        for (const Node& agent : root.children) {
            if (!agent.is_map() || (agent.find("role") == nullptr && agent.find("goal") == nullptr)) continue;
            const Node* allowed = agent.find("allow_code_execution");
            if (allowed == nullptr || lower(allowed->value) != "true") continue;
            const Node* mode = agent.find("code_execution_mode");
            std::string agent_path = child_path("", agent.key);
            if (mode != nullptr && lower(mode->value) == "unsafe") {
                facts_.grant(agent.key, capability::code_exec_host, agent.key,
                             AgentFacts::site(*mode, child_path(agent_path, "code_execution_mode")),
                             "allow_code_execution with code_execution_mode: unsafe runs model-written code on the "
                             "host, outside Docker");
                continue;
            }
            facts_.grant(agent.key, capability::code_exec_sandboxed, agent.key,
                         AgentFacts::site(*allowed, child_path(agent_path, "allow_code_execution")),
                         "allow_code_execution runs model-written code (in Docker: code_execution_mode is safe)");
        }
    }
};

} // namespace

void load_agent_tools(Document& doc) {
    if (!doc.tree) return;
    AgentFacts facts(doc, AgentFileKind::tool_list, McpClient::unknown);
    ToolsLoader(facts).load(*doc.tree);
}

} // namespace handoff
