#include "parsers/detect.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/path_name.hpp"
#include "parsers/detect_path.hpp"
#include "core/text.hpp"
#include "model/timestamp.hpp"

namespace handoff {

namespace {

std::string_view trim_left(std::string_view s) {
    std::size_t i = 0;
    // Skip a UTF-8 byte-order mark and white space.
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

bool is_env_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// Most significant lines are KEY=value assignments (requirements.txt's "pkg==1.0" is not).
bool looks_like_dotenv(std::string_view bytes) {
    std::size_t assignments = 0;
    std::size_t other = 0;
    std::size_t pos = 0;
    std::size_t lines = 0;
    while (pos < bytes.size() && lines < 400) {
        std::size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view line = trim_left(bytes.substr(pos, end - pos));
        pos = end + 1;
        ++lines;
        if (line.empty() || line.front() == '#') continue;
        if (line.rfind("export ", 0) == 0) line.remove_prefix(7);
        std::size_t i = 0;
        while (i < line.size() && is_env_key_char(line[i])) ++i;
        bool starts_alpha = !line.empty() && (std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '_');
        bool assignment = starts_alpha && i > 0 && i < line.size() && line[i] == '=' &&
                          (i + 1 >= line.size() || line[i + 1] != '=');
        if (assignment) {
            ++assignments;
        } else {
            ++other;
        }
    }
    return assignments > 0 && assignments >= 3 * other;
}

// INI files (.pypirc, aws/credentials) open with a [section] too; without a .toml name
// they are read as text, where token detection still sees their key = value lines.
bool looks_like_ini(std::string_view bytes) {
    std::string_view head = trim_left(bytes);
    return head.rfind("[", 0) == 0 && head.find(']') != std::string_view::npos && contains(bytes, " = ");
}

} // namespace

Syntax sniff_syntax(std::string_view path, std::string_view bytes) {
    if (is_dotenv_name(path)) return Syntax::dotenv;
    std::string ext = effective_extension(path);
    if (ext == "yml" || ext == "yaml") return Syntax::yaml;
    if (ext == "jsonl" || ext == "ndjson") return Syntax::jsonl;
    if (ext == "json" || ext == "jsonc" || ext == "json5" || ext == "code-workspace") return Syntax::json;
    if (ext == "xml" || ext == "config" || ext == "props" || ext == "targets" || ext == "csproj" ||
        ext == "pom" || ext == "xaml") {
        return Syntax::xml;
    }
    if (ext == "toml") return Syntax::toml;
    if (ext == "env") return Syntax::dotenv;
    // Only names that say nothing are sniffed; source files and prose stay text.
    if (!ext.empty() && ext != "txt" && ext != "conf" && ext != "cfg" && ext != "local") return Syntax::text;
    std::string_view head = trim_left(bytes.substr(0, 4096));
    if (head.empty()) return Syntax::text;
    if (head.front() == '{' || head.front() == '[') return looks_like_ini(bytes) ? Syntax::text : Syntax::json;
    if (head.front() == '<') return Syntax::xml;
    if (looks_like_dotenv(bytes)) return Syntax::dotenv;
    return Syntax::text;
}

namespace {

bool has(const Node& map, std::string_view key) { return map.find(key) != nullptr; }

bool is_map_with(const Node* n, std::string_view key) { return n != nullptr && n->is_map() && has(*n, key); }

// ---- JSON/YAML/TOML shapes -------------------------------------------------------

bool is_n8n_workflow(const Node& n) {
    const Node* nodes = n.find("nodes");
    const Node* connections = n.find("connections");
    return n.is_map() && nodes != nullptr && nodes->is_seq() && connections != nullptr && connections->is_map();
}

bool is_n8n_credential(const Node& n) {
    return n.is_map() && has(n, "name") && has(n, "type") && has(n, "data");
}

bool is_node_red_node(const Node& n) {
    return n.is_map() && has(n, "id") && has(n, "type") && (has(n, "wires") || has(n, "z") || has(n, "label"));
}

bool is_schema(const Node* n) { return n != nullptr && n->is_map(); }

bool is_tool_definition(const Node& n) {
    if (!n.is_map()) return false;
    if (n.text("type") == "function" && is_map_with(n.find("function"), "name")) return true;
    // Responses API MCP tools and Anthropic's MCP connector entries.
    if (n.text("type") == "mcp" && has(n, "server_label")) return true;
    if (n.text("type") == "url" && has(n, "url") && has(n, "name")) return true;
    if (!has(n, "name")) return false;
    return is_schema(n.find("input_schema")) || is_schema(n.find("inputSchema")) ||
           (has(n, "description") && is_schema(n.find("parameters")));
}

template <typename Pred>
bool all_items(const Node& seq, Pred pred, std::size_t minimum = 1) {
    if (!seq.is_seq() || seq.children.size() < minimum) return false;
    return std::all_of(seq.children.begin(), seq.children.end(), pred);
}

template <typename Pred>
bool most_items(const Node& seq, Pred pred) {
    if (!seq.is_seq() || seq.children.empty()) return false;
    auto hits = static_cast<std::size_t>(std::count_if(seq.children.begin(), seq.children.end(), pred));
    return hits * 2 > seq.children.size();
}

// Built-in tools ({"type": "web_search"}) may sit beside function tools in one list.
bool is_builtin_tool(const Node& n) { return n.is_map() && has(n, "type") && n.children.size() <= 4; }

bool is_tool_list(const Node* n) {
    if (n == nullptr || !n->is_seq() || n->children.empty()) return false;
    bool any_definition = std::any_of(n->children.begin(), n->children.end(), is_tool_definition);
    return any_definition && std::all_of(n->children.begin(), n->children.end(), [](const Node& item) {
               return is_tool_definition(item) || is_builtin_tool(item);
           });
}

// OpenAPI documents are how GPT Actions and many agent frameworks describe tools.
bool is_openapi(const Node& root) {
    const Node* paths = root.find("paths");
    return (has(root, "openapi") || has(root, "swagger")) && paths != nullptr && paths->is_map();
}

// CrewAI agents.yaml (role, goal, backstory) and tasks.yaml (description, expected_output).
bool is_crewai(const Node& root) {
    if (root.children.empty()) return false;
    return std::all_of(root.children.begin(), root.children.end(), [](const Node& entry) {
        return entry.is_map() && ((has(entry, "role") && has(entry, "goal")) ||
                                  (has(entry, "description") && has(entry, "expected_output")));
    });
}

bool is_flowise(const Node& root) {
    if (const Node* chatflows = root.find("ChatFlow"); chatflows != nullptr && chatflows->is_seq()) return true;
    const Node* nodes = root.find("nodes");
    const Node* edges = root.find("edges");
    if (nodes == nullptr || edges == nullptr || !nodes->is_seq() || !edges->is_seq()) return false;
    return most_items(*nodes, [](const Node& n) {
        const Node* data = n.find("data");
        return data != nullptr && data->is_map() && (has(*data, "inputs") || has(*data, "inputParams")) &&
               (has(*data, "baseClasses") || has(*data, "category"));
    });
}

bool is_langflow(const Node& root) {
    const Node* data = root.find("data");
    const Node* nodes = data != nullptr ? data->find("nodes") : nullptr;
    if (nodes == nullptr || !nodes->is_seq()) return false;
    return most_items(*nodes, [](const Node& n) {
        const Node* node_data = n.find("data");
        return n.text("type") == "genericNode" || (node_data != nullptr && is_map_with(node_data->find("node"), "template"));
    });
}

bool is_dify(const Node& root) {
    return root.text("kind") == "app" && is_map_with(root.find("app"), "mode");
}

bool is_mcp_server_map(const Node* n) {
    if (n == nullptr || !n->is_map() || n->children.empty()) return false;
    return std::any_of(n->children.begin(), n->children.end(), [](const Node& server) {
        return server.is_map() && (has(server, "command") || has(server, "url") || has(server, "type") ||
                                   has(server, "serverUrl") || has(server, "httpUrl"));
    });
}

bool is_mcp_server_list(const Node* n) {
    return n != nullptr && n->is_seq() && !n->children.empty() &&
           std::all_of(n->children.begin(), n->children.end(), [](const Node& server) {
               return server.is_map() && has(server, "name") &&
                      (has(server, "command") || has(server, "url") || has(server, "uri") || has(server, "serverUrl"));
           });
}

bool is_mcp_config(const Node& root) {
    if (is_mcp_server_list(root.find("servers"))) return true;
    if (const Node* servers = root.find("mcpServers"); servers != nullptr && (servers->is_map() || servers->is_seq())) {
        return true;
    }
    if (is_mcp_server_map(root.find("servers")) || is_mcp_server_map(root.find("mcp_servers")) ||
        is_mcp_server_map(root.find("context_servers"))) {
        return true;
    }
    if (const Node* mcp = root.find("mcp"); mcp != nullptr && is_mcp_server_map(mcp->find("servers"))) return true;
    if (const Node* projects = root.find("projects"); projects != nullptr && projects->is_map()) {
        return std::any_of(projects->children.begin(), projects->children.end(),
                           [](const Node& p) { return is_map_with(&p, "mcpServers"); });
    }
    return false;
}

bool is_agent_settings(std::string_view path, const Node& root) {
    if (const Node* perms = root.find("permissions"); perms != nullptr && perms->is_map()) {
        if (has(*perms, "allow") || has(*perms, "deny") || has(*perms, "ask") || has(*perms, "defaultMode") ||
            has(*perms, "additionalDirectories")) {
            return true;
        }
    }
    for (std::string_view key : {"hooks", "apiKeyHelper", "enableAllProjectMcpServers", "enabledMcpjsonServers",
                                 "approval_policy", "sandbox_mode", "chat.tools.autoApprove",
                                 "chat.tools.global.autoApprove", "skipDangerousModePermissionPrompt"}) {
        if (has(root, key)) return true;
    }
    // Gemini and Codex settings that configure no server are still agent settings.
    return path_contains(path, "/.gemini/settings.json") || path_contains(path, "/.codex/config.toml") ||
           path_contains(path, "/.claude/settings");
}

bool is_github_job(const Node& job) {
    return job.is_map() && (has(job, "runs-on") || has(job, "uses") || has(job, "steps"));
}

bool is_github_workflow(std::string_view path, const Node& root) {
    const Node* jobs = root.find("jobs");
    if (jobs == nullptr || !jobs->is_map()) return false;
    if (path_contains(path, "/.github/workflows/")) return true;
    bool has_trigger = has(root, "on") || has(root, "true") || has(root, "True");
    return has_trigger && std::any_of(jobs->children.begin(), jobs->children.end(), is_github_job);
}

bool is_github_action(const Node& root) {
    const Node* runs = root.find("runs");
    return runs != nullptr && runs->is_map() && (has(*runs, "using") || has(*runs, "steps"));
}

constexpr std::array<std::string_view, 4> kGitlabJobKeys{"script", "extends", "trigger", "stage"};
constexpr std::array<std::string_view, 5> kGitlabTopKeys{"stages", "include", "workflow", "default", "variables"};

bool is_gitlab_job(const Node& job) {
    return job.is_map() &&
           std::any_of(kGitlabJobKeys.begin(), kGitlabJobKeys.end(), [&](std::string_view k) { return has(job, k); });
}

bool is_gitlab_ci(std::string_view path, const Node& root) {
    std::string name = lower(base_name(path));
    if (name.rfind(".gitlab-ci", 0) == 0) return true;
    // Travis and AppVeyor also have top-level script/install keys; GitLab jobs are maps.
    if (has(root, "language") || has(root, "os") || has(root, "dist") || has(root, "build_script")) return false;
    std::size_t jobs = 0;
    for (const Node& member : root.children) {
        if (is_gitlab_job(member)) ++jobs;
    }
    bool top = std::any_of(kGitlabTopKeys.begin(), kGitlabTopKeys.end(), [&](std::string_view k) { return has(root, k); });
    bool gitlab_dir = path_contains(path, "/ci/") || path_contains(path, "gitlab");
    return jobs >= 1 && (top || gitlab_dir || jobs >= 2);
}

// ChatGPT's conversations.json: conversations whose messages sit in a mapping of nodes.
bool is_chatgpt_conversation(const Node& n) {
    const Node* mapping = n.find("mapping");
    return n.is_map() && mapping != nullptr && mapping->is_map() &&
           (has(n, "title") || has(n, "create_time") || has(n, "current_node") || has(n, "conversation_id"));
}

bool is_make_blueprint(const Node& root) {
    const Node* flow = root.find("flow");
    return flow != nullptr && flow->is_seq() && (has(root, "metadata") || has(root, "name"));
}

std::optional<Format> classify_structured(std::string_view path, const Node& root) {
    if (root.is_seq()) {
        if (all_items(root, is_chatgpt_conversation)) return Format::chatgpt_export;
        if (all_items(root, is_n8n_workflow)) return Format::n8n_workflow;
        if (all_items(root, is_n8n_credential)) return Format::n8n_credentials;
        if (is_tool_list(&root)) return Format::agent_tools;
        if (most_items(root, is_node_red_node)) return Format::node_red_flows;
        return std::nullopt;
    }
    if (!root.is_map()) return std::nullopt;
    if (is_chatgpt_conversation(root)) return Format::chatgpt_export;
    if (is_n8n_workflow(root)) return Format::n8n_workflow;
    if (const Node* workflows = root.find("workflows"); workflows != nullptr && all_items(*workflows, is_n8n_workflow)) {
        return Format::n8n_workflow;
    }
    if (is_make_blueprint(root)) return Format::make_blueprint;
    if (is_flowise(root)) return Format::flowise_flow;
    if (is_langflow(root)) return Format::langflow_flow;
    if (is_dify(root)) return Format::dify_app;
    if (const Node* flows = root.find("flows"); flows != nullptr && most_items(*flows, is_node_red_node)) {
        return Format::node_red_flows;
    }
    if (is_github_workflow(path, root)) return Format::github_workflow;
    if (is_github_action(root)) return Format::github_action;
    if (is_mcp_config(root)) return Format::mcp_config;
    if (is_tool_list(root.find("tools")) || is_tool_list(root.find("functions")) || is_openapi(root) ||
        is_crewai(root)) {
        return Format::agent_tools;
    }
    if (is_agent_settings(path, root)) return Format::agent_settings;
    if (is_gitlab_ci(path, root)) return Format::gitlab_ci;
    return std::nullopt;
}

// ---- JSON Lines: agent transcripts and prompt histories ---------------------------

bool one_of(std::string_view value, std::initializer_list<std::string_view> options) {
    return std::find(options.begin(), options.end(), value) != options.end();
}

bool is_claude_record(const Node& r) {
    if (!one_of(r.text("type"), {"user", "assistant", "system", "summary", "file-history-snapshot", "queue-operation",
                                 "custom-title", "progress"})) {
        return false;
    }
    return has(r, "sessionId") || has(r, "uuid") || has(r, "leafUuid") || has(r, "messageId");
}

bool is_codex_record(const Node& r) {
    return one_of(r.text("type"), {"session_meta", "response_item", "event_msg", "turn_context", "compacted"}) &&
           is_map_with(&r, "payload");
}

bool is_claude_prompt(const Node& r) { return has(r, "display") && has(r, "timestamp"); }

bool is_codex_prompt(const Node& r) {
    return has(r, "ts") && has(r, "text") && (has(r, "conversation_id") || has(r, "session_id"));
}

// Most of the first records have the shape (a truncated or foreign line does not decide).
template <typename Pred>
bool records_are(const Node& root, Pred pred) {
    std::size_t seen = 0;
    std::size_t hits = 0;
    for (const Node& r : root.children) {
        if (!r.is_map()) continue;
        hits += pred(r) ? 1 : 0;
        if (++seen == 50) break;
    }
    return hits > 0 && hits * 2 > seen;
}

std::optional<Format> transcript_by_path(std::string_view path) {
    std::string name = lower(base_name(path));
    if (!name.ends_with(".jsonl")) return std::nullopt;
    if (name == "history.jsonl" && path_contains(path, "/.claude/")) return Format::claude_history;
    if (name == "history.jsonl" && path_contains(path, "/.codex/")) return Format::codex_history;
    if (path_contains(path, "/.claude/projects/")) return Format::claude_session;
    if (name.starts_with("rollout-")) return Format::codex_session;
    return std::nullopt;
}

Format classify_jsonl(std::string_view path, const Node* root) {
    if (root != nullptr && root->is_seq()) {
        if (records_are(*root, is_codex_record)) return Format::codex_session;
        if (records_are(*root, is_claude_record)) return Format::claude_session;
        if (records_are(*root, is_claude_prompt)) return Format::claude_history;
        if (records_are(*root, is_codex_prompt)) return Format::codex_history;
        // Records of another shape: not a transcript, whatever the path.
        if (std::any_of(root->children.begin(), root->children.end(), [](const Node& r) { return r.is_map(); })) {
            return Format::json;
        }
    }
    return transcript_by_path(path).value_or(Format::json);
}

// ---- CI logs -----------------------------------------------------------------------

// GitHub Actions writes every line as "2026-01-02T03:04:05.1234567Z text".
bool is_github_log_line(std::string_view line) {
    if (line.size() < 29 || !parse_iso(line) || line[19] != '.' || line[27] != 'Z' || line[28] != ' ') return false;
    return std::all_of(line.begin() + 20, line.begin() + 27, [](char c) { return c >= '0' && c <= '9'; });
}

// Only files whose name says nothing else (job logs download as .txt or .log, or unnamed):
// source files and prose that quote a log line stay what they are.
std::optional<Format> classify_log(std::string_view path, std::string_view bytes) {
    std::string ext = effective_extension(path);
    if (!ext.empty() && ext != "txt" && ext != "log") return std::nullopt;
    std::string_view head = trim_left(bytes.substr(0, 1 << 16));
    std::string_view first = head.substr(0, head.find('\n'));
    if (is_github_log_line(first)) return Format::github_actions_log;
    // `gh run view --log`: "job<TAB>step<TAB>" before each line.
    if (std::size_t tab1 = first.find('\t'); tab1 != std::string_view::npos) {
        std::size_t tab2 = first.find('\t', tab1 + 1);
        if (tab2 != std::string_view::npos && is_github_log_line(first.substr(tab2 + 1))) return Format::github_actions_log;
    }
    std::size_t section = head.find("section_start:");
    if ((section != std::string_view::npos && section + 14 < head.size() && head[section + 14] >= '0' &&
         head[section + 14] <= '9') ||
        contains(first.substr(0, 64), "Running with gitlab-runner")) {
        return Format::gitlab_job_log;
    }
    if (ext == "log") return Format::log;
    return std::nullopt;
}

// ---- XML -------------------------------------------------------------------------

constexpr std::array<std::string_view, 8> kJenkinsRoots{
    "flow-definition", "maven2-moduleset", "matrix-project", "freeStyleProject",
    "org.jenkinsci.plugins.workflow.job.WorkflowJob", "com.tikal.jenkins.plugins.multijob.MultiJobProject",
    "hudson.model.FreeStyleProject", "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject"};

std::optional<Format> classify_xml(const Node& root) {
    if (!root.is_map() || root.children.empty()) return std::nullopt;
    const Node& element = root.children.front();
    std::string_view tag = element.key;
    if (std::find(kJenkinsRoots.begin(), kJenkinsRoots.end(), tag) != kJenkinsRoots.end()) return Format::jenkins_job;
    if (tag == "project" && !has(element, "modelVersion") &&
        (has(element, "builders") || has(element, "publishers") || has(element, "buildWrappers") ||
         has(element, "scm") || has(element, "triggers"))) {
        return Format::jenkins_job;
    }
    if (tag == "settings" && (has(element, "servers") || has(element, "mirrors") || has(element, "profiles") ||
                              has(element, "localRepository") || has(element, "pluginGroups") ||
                              has(element, "activeProfiles") || has(element, "proxies"))) {
        return Format::maven_settings;
    }
    if (tag == "configuration" &&
        (has(element, "packageSources") || has(element, "packageSourceCredentials") || has(element, "apikeys") ||
         has(element, "disabledPackageSources") || has(element, "packageSourceMapping"))) {
        return Format::nuget_config;
    }
    return std::nullopt;
}

// ---- raw text, for files that did not parse ----------------------------------------

std::optional<Format> classify_raw(std::string_view path, Syntax syntax, std::string_view bytes) {
    std::string_view head = bytes.substr(0, 1 << 20);
    bool json_like = syntax == Syntax::json && !trim_left(head).empty() &&
                     (trim_left(head).front() == '{' || trim_left(head).front() == '[');
    if (json_like) {
        if (contains(head, "\"mcpServers\"") || contains(head, "\"context_servers\"")) return Format::mcp_config;
        if (contains(head, "\"nodes\"") && contains(head, "\"connections\"")) return Format::n8n_workflow;
        if (contains(head, "\"mapping\"") && contains(head, "\"current_node\"")) return Format::chatgpt_export;
        return Format::json;
    }
    if (syntax == Syntax::yaml) {
        std::string name = lower(base_name(path));
        if (name.rfind(".gitlab-ci", 0) == 0) return Format::gitlab_ci;
        if (contains(head, "\nstages:") && contains(head, "script:")) return Format::gitlab_ci;
        if (path_contains(path, "/.github/workflows/") && contains(head, "jobs:")) return Format::github_workflow;
        // Prose saved under a YAML name (a README called action.yml) is text.
        if (contains(head, "\n```")) return Format::text;
        std::size_t colons = static_cast<std::size_t>(std::count(head.begin(), head.end(), ':'));
        std::size_t lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n')) + 1;
        return colons * 3 >= lines ? Format::yaml : Format::text;
    }
    if (syntax == Syntax::xml) return trim_left(head).rfind("<", 0) == 0 ? Format::xml : Format::text;
    if (syntax == Syntax::toml) return Format::toml;
    if (syntax == Syntax::dotenv) return Format::dotenv;
    if (syntax == Syntax::text) return classify_log(path, bytes);
    return std::nullopt;
}

// When content says nothing (an empty file, an odd shape), a well-known path still does.
std::optional<Format> classify_by_path(std::string_view path) {
    std::string name = lower(base_name(path));
    static constexpr std::array<std::string_view, 5> kMcpNames{"claude_desktop_config.json", "cline_mcp_settings.json",
                                                               "mcp_config.json", ".mcp.json", "mcp_settings.json"};
    if (std::find(kMcpNames.begin(), kMcpNames.end(), name) != kMcpNames.end()) return Format::mcp_config;
    for (std::string_view dir : {"/.cursor/", "/.vscode/", "/.roo/", "/.kilocode/", "/.amazonq/", "/.kiro/settings/"}) {
        if (name == "mcp.json" && path_contains(path, std::string(dir) + "mcp.json")) return Format::mcp_config;
    }
    // Only files directly in the folder: GitHub ignores subfolders of .github/workflows.
    std::string padded = "/" + std::string(path);
    std::size_t at = padded.rfind("/.github/workflows/");
    bool direct = at != std::string::npos && padded.find('/', at + 19) == std::string::npos;
    if (direct && (name.ends_with(".yml") || name.ends_with(".yaml"))) {
        return Format::github_workflow;
    }
    return std::nullopt;
}

Format generic(Syntax syntax) {
    switch (syntax) {
    case Syntax::yaml: return Format::yaml;
    case Syntax::json: return Format::json;
    case Syntax::xml: return Format::xml;
    case Syntax::toml: return Format::toml;
    case Syntax::dotenv: return Format::dotenv;
    case Syntax::jsonl: return Format::json;
    case Syntax::text: return Format::text;
    }
    return Format::text;
}

} // namespace

Format classify(std::string_view path, Syntax syntax, const Node* tree, std::string_view bytes) {
    if (syntax == Syntax::jsonl) return classify_jsonl(path, tree);
    if (tree == nullptr) {
        if (std::optional<Format> by_path = classify_by_path(path)) return *by_path;
        return classify_raw(path, syntax, bytes).value_or(Format::text);
    }
    if (syntax == Syntax::dotenv) return Format::dotenv;
    if (syntax == Syntax::xml) return classify_xml(*tree).value_or(Format::xml);
    if (tree->is_scalar() || tree->kind == NodeKind::null) {
        if (std::optional<Format> by_path = classify_by_path(path)) return *by_path;
        // A YAML file that is one big scalar is prose.
        return syntax == Syntax::yaml ? Format::text : generic(syntax);
    }
    if (std::optional<Format> by_content = classify_structured(path, *tree)) return *by_content;
    return classify_by_path(path).value_or(generic(syntax));
}

} // namespace handoff
