// Tool definitions handed to a model: OpenAI function and remote-MCP tools (Chat
// Completions, Responses, Assistants), Anthropic tools and MCP connector servers,
// OpenAPI specs used as GPT Actions, CrewAI agents. Facts: remote servers with their
// auth, approval bypasses, tools that run commands or fetch any URL.
#include <array>
#include <cctype>

#include "parsers/loaders/agent_facts.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/secret_slots.hpp"

namespace handoff {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

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
        if (type.starts_with("bash_") || type == "local_shell" || type == "shell" || type.starts_with("computer_")) {
            facts_.grant(type, capability::tool_shell, type, AgentFacts::site(t, path),
                         "built-in " + type + " tool runs commands on the machine the agent runs on");
            return;
        }
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
        Site at = AgentFacts::site(*name, child_path(fn_path, "name"));
        if (contains_any(n, {"shell", "bash", "exec", "run_command", "runcommand", "execute_command", "run_cmd",
                             "terminal", "run_code", "execute_code", "eval", "run_python", "python_repl", "powershell",
                             "cmd", "command"}) &&
            has_free_string_param(schema, {"command", "cmd", "code", "script", "shell_command", "commands",
                                           "python_code", "bash_command", "query_command"})) {
            facts_.grant(name->value, capability::tool_shell, name->value, at,
                         "tool " + name->value + " takes a free-form command and runs it");
        }
        if (contains_any(n, {"fetch", "http", "request", "url", "browse", "scrape", "download", "curl", "webpage",
                             "web_page", "visit", "crawl"}) &&
            has_free_string_param(schema, {"url", "uri", "link", "endpoint", "address", "href", "target_url", "page_url"})) {
            facts_.grant(name->value, capability::tool_fetch, name->value, at,
                         "tool " + name->value + " fetches any URL the model chooses");
            facts_.doc().facts.untrusted.push_back({"web-page", name->value, at});
        }
    }

    void remote_mcp(const Node& t, const std::string& path) {
        std::string label(t.text("server_label"));
        if (label.empty()) label = "mcp";
        const Node* url = t.find("server_url");
        std::string auth = "none";
        if (const Node* headers = t.find("headers"); headers != nullptr && headers->is_map()) {
            for (const Node& h : headers->children) {
                if (lower(h.key) == "authorization" || is_secret_name(h.key)) auth = "header";
            }
        }
        if (t.find("authorization") != nullptr) auth = "token";
        if (t.find("connector_id") != nullptr) auth = "oauth";
        if (url != nullptr && url->is_scalar()) {
            facts_.endpoint(Endpoint::Direction::outbound, kEndpointMcpServer, label, url->value, auth, true,
                            AgentFacts::site(*url, child_path(path, "server_url")));
        }
        const Node* approval = t.find("require_approval");
        if (approval != nullptr && approval->is_scalar() && approval->value == "never") {
            facts_.grant(label, capability::approval_bypass, "every tool of " + label,
                         AgentFacts::site(*approval, child_path(path, "require_approval")), "require_approval: \"never\"");
        }
    }

    void anthropic_connector(const Node& t, const std::string& path) {
        std::string label(t.text("name"));
        const Node* url = t.find("url");
        if (url == nullptr || !url->is_scalar()) return;
        std::string auth = t.find("authorization_token") != nullptr ? "token" : "none";
        facts_.endpoint(Endpoint::Direction::outbound, kEndpointMcpServer, label.empty() ? "mcp" : label, url->value,
                        auth, true, AgentFacts::site(*url, child_path(path, "url")));
    }

    void openapi(const Node& root) {
        const Node* schemes = root.get({"components", "securitySchemes"});
        if (schemes == nullptr) schemes = root.find("securityDefinitions");
        const Node* security = root.find("security");
        bool secured = (schemes != nullptr && !schemes->children.empty()) ||
                       (security != nullptr && !security->children.empty());
        std::string title(root.get({"info", "title"}) != nullptr ? root.get({"info", "title"})->value : "openapi");
        if (const Node* servers = root.find("servers"); servers != nullptr && servers->is_seq()) {
            for (std::size_t i = 0; i < servers->children.size(); ++i) {
                const Node* url = servers->children[i].find("url");
                if (url == nullptr || !url->is_scalar()) continue;
                facts_.endpoint(Endpoint::Direction::outbound, kEndpointOpenApiServer, title, url->value,
                                secured ? "header" : "none", true,
                                AgentFacts::site(*url, child_path(index_path("servers", i), "url")));
            }
        } else if (const Node* host = root.find("host"); host != nullptr && host->is_scalar()) {
            std::string scheme = "https";
            if (const Node* schemes_list = root.find("schemes"); schemes_list != nullptr && schemes_list->is_seq() &&
                                                                 !schemes_list->children.empty()) {
                scheme = schemes_list->children[0].value;
            }
            facts_.endpoint(Endpoint::Direction::outbound, kEndpointOpenApiServer, title,
                            scheme + "://" + host->value + std::string(root.text("basePath")), secured ? "header" : "none",
                            true, AgentFacts::site(*host, "host"));
        }
        const Node* paths = root.find("paths");
        if (paths == nullptr || !paths->is_map()) return;
        for (const Node& p : paths->children) {
            for (const Node& op : p.children) {
                if (op.key != "post" && op.key != "put" && op.key != "patch" && op.key != "delete") continue;
                const Node* consequential = op.find("x-openai-isConsequential");
                if (consequential == nullptr || lower(consequential->value) != "false") continue;
                std::string id(op.text("operationId"));
                std::string where = child_path(child_path(child_path("paths", p.key), op.key), "x-openai-isConsequential");
                facts_.grant(id.empty() ? p.key : id, capability::approval_bypass, id.empty() ? p.key : id,
                             AgentFacts::site(*consequential, where),
                             "x-openai-isConsequential: false on a " + lower(op.key) + " operation");
            }
        }
    }

    void crewai(const Node& root) {
        for (const Node& agent : root.children) {
            if (!agent.is_map() || (agent.find("role") == nullptr && agent.find("goal") == nullptr)) continue;
            const Node* mode = agent.find("code_execution_mode");
            if (mode == nullptr || lower(mode->value) != "unsafe") continue;
            const Node* allowed = agent.find("allow_code_execution");
            if (allowed != nullptr && lower(allowed->value) == "false") continue;
            facts_.grant(agent.key, capability::code_exec_host, agent.key,
                         AgentFacts::site(*mode, child_path(child_path("", agent.key), "code_execution_mode")),
                         "code_execution_mode: unsafe runs model-written code on the host, outside Docker");
        }
    }
};

} // namespace

void load_agent_tools(Document& doc) {
    if (!doc.tree) return;
    AgentFacts facts(doc, McpClient::unknown);
    ToolsLoader(facts).load(*doc.tree);
}

} // namespace handoff
