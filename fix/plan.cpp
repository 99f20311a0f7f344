// Plans `handoff fix`: for each key a scan found written into a file, the reference that
// file's platform expands, the name it goes by, and the byte edits; then checks that each
// edited file still parses to the same format and structure.
#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/scan.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"
#include "fix/edits.hpp"
#include "fix/code_strings.hpp"
#include "fix/codex_fixes.hpp"
#include "fix/env_files.hpp"
#include "fix/n8n_fixes.hpp"
#include "fix/npm_pins.hpp"
#include "fix/workflow_fixes.hpp"
#include "fix/fix.hpp"
#include "model/agent.hpp"
#include "parsers/loaders/mcp_client.hpp"

namespace handoff {

namespace {

bool env_style(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

// The innermost scalar holding a span, and the sequence item before it (a `--token` flag).
struct Holder {
    const Node* scalar = nullptr;
    const Node* previous = nullptr;
    std::vector<const Node*> chain;  // the maps and sequences above it, outermost first
};

// Every scalar of a tree by where it starts, with its parent and the item before it in a
// sequence: built once per file, so finding the value that holds each key is a binary
// search, not a walk per key.
class ScalarIndex {
public:
    explicit ScalarIndex(const Node& root) { add(root, nullptr); std::sort(entries_.begin(), entries_.end(), by_begin); }

    // The innermost scalar whose span holds `span`, or false.
    bool find(Span span, Holder& out) const {
        auto it = std::upper_bound(entries_.begin(), entries_.end(), span.begin,
                                   [](std::uint32_t at, const Entry& e) { return at < e.node->span.begin; });
        if (it == entries_.begin()) return false;
        const Entry& e = *std::prev(it);
        if (span.end > e.node->span.end) return false;
        out.scalar = e.node;
        out.previous = e.previous;
        out.chain.clear();
        for (const Node* p = e.parent; p != nullptr; p = parent_of(p)) out.chain.insert(out.chain.begin(), p);
        return true;
    }

private:
    struct Entry {
        const Node* node;
        const Node* parent;
        const Node* previous;
    };
    static bool by_begin(const Entry& a, const Entry& b) { return a.node->span.begin < b.node->span.begin; }

    void add(const Node& node, const Node* parent) {
        if (node.is_scalar()) return;
        parents_.emplace(&node, parent);
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            const Node& child = node.children[i];
            if (child.is_scalar()) {
                entries_.push_back({&child, &node, node.is_seq() && i > 0 ? &node.children[i - 1] : nullptr});
            } else {
                add(child, &node);
            }
        }
    }
    const Node* parent_of(const Node* node) const {
        auto it = parents_.find(node);
        return it == parents_.end() ? nullptr : it->second;
    }

    std::vector<Entry> entries_;
    std::unordered_map<const Node*, const Node*> parents_;
};

// What a fixed value reads in this file, or why there is none.
struct Reference {
    std::string text;            // ${{ secrets.NAME }}
    bool n8n_expression = false; // the value must start with '=' to be evaluated
    std::string manual;          // non-empty: no reference fits, and why
    std::string where;           // where the client sets NAME
    std::string note;            // a caveat about this file's reference, noted once per file
    std::string input_id;        // VS Code: the promptString input the reference names, to declare
};

// Files that exist to hold credentials: they belong in a home folder or a secret store,
// not in the repository, and have no reference syntax to put in their place.
bool credentials_file(std::string_view path) {
    std::string name = lower(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
    return name == ".pypirc" || name == ".npmrc" || name == ".netrc" || name == ".git-credentials" ||
           name == ".dockercfg" || (contains(path, ".docker/") && name == "config.json") ||
           (contains(path, "aws/") && name.starts_with("credentials")) || name == ".htpasswd";
}

constexpr std::string_view kCredentialsFile =
    "a credentials file: it belongs in the home folder of each machine (or the CI's secret store), not in the "
    "repository; delete it here";

std::string base_name(std::string_view path) {
    return std::string(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
}

bool jenkinsfile(std::string_view path) {
    std::string name = base_name(path);
    return name.starts_with("Jenkinsfile") || lower(name).ends_with(".jenkinsfile");
}

// Why a file has no tree: the parser's first complaint, where it made one.
std::string parse_failure(const Document& doc) {
    for (const Diagnostic& d : doc.diagnostics) {
        if (d.kind != DiagnosticKind::parse_error || d.message.empty()) continue;
        std::string at = d.line > 0 ? " at line " + std::to_string(d.line) : std::string();
        return "the file does not parse (" + d.message + at + "), so no edit can be checked";
    }
    return "the file does not parse, so no edit can be checked";
}

// A PEM file whose findings are all private keys: the file itself is the secret.
bool private_key_file(std::string_view bytes, const std::vector<const Finding*>& findings) {
    std::string_view head = trim(bytes.substr(0, 256), " \t\r\n");
    return head.starts_with("-----BEGIN ") && !findings.empty() &&
           std::all_of(findings.begin(), findings.end(), [](const Finding* f) { return f->rule == "private-key"; });
}

bool compose_file(std::string_view path) {
    std::string name = lower(path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1));
    return (name.starts_with("docker-compose") || name.starts_with("compose")) &&
           (name.ends_with(".yml") || name.ends_with(".yaml"));
}

// Source files whose string literals fix can turn into an environment lookup.
enum class Code : unsigned char { none, python, javascript, shell, docs };

Code code_of(std::string_view path, std::string_view bytes) {
    std::string p = lower(path);
    if (p.ends_with(".py")) return Code::python;
    for (std::string_view ext : {".js", ".mjs", ".cjs", ".ts", ".mts", ".jsx", ".tsx"}) {
        if (p.ends_with(ext)) return Code::javascript;
    }
    if (p.ends_with(".sh") || p.ends_with(".bash")) return Code::shell;
    for (std::string_view ext : {".md", ".markdown", ".rst", ".txt", ".adoc"}) {
        if (p.ends_with(ext)) return Code::docs;
    }
    std::string_view first = bytes.substr(0, bytes.find('\n'));
    if (first.starts_with("#!") && (contains(first, "bash") || contains(first, "/sh"))) return Code::shell;
    if (first.starts_with("#!") && contains(first, "python")) return Code::python;
    if (first.starts_with("#!") && contains(first, "node")) return Code::javascript;
    return Code::none;
}

std::string first_expanding(McpClient client, std::string_view name) {
    struct Syntax {
        RefSyntax syntax;
        std::string_view open;
        std::string_view close;
    };
    static constexpr std::array<Syntax, 3> kOrder{{
        {RefSyntax::braced, "${", "}"},
        {RefSyntax::env_prefixed, "${env:", "}"},
        {RefSyntax::opencode_env, "{env:", "}"},
    }};
    for (const Syntax& s : kOrder) {
        if (client_expands(client, s.syntax) == Expansion::yes) {
            return std::string(s.open) + std::string(name) + std::string(s.close);
        }
    }
    return {};
}

// Files of no platform handoff models: the syntax the tool that reads them expands.
Reference generic_reference(const Document& doc, const std::string& name) {
    Reference ref;
    std::string path = lower(doc.path());
    std::string file = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (credentials_file(doc.path())) {
        ref.manual = std::string(kCredentialsFile);
    } else if (doc.format == Format::maven_settings) {
        ref.text = "${env." + name + "}";
        ref.where = "the environment Maven runs in";
    } else if (doc.format == Format::nuget_config) {
        ref.text = "%" + name + "%";
        ref.where = "the environment NuGet runs in";
    } else if (compose_file(doc.path())) {
        ref.text = "${" + name + "}";  // Compose substitutes from the environment and the .env beside it
        ref.where = "the .env file beside the compose file (Compose reads it), or the deploying shell";
    } else if (file == "serverless.yml" || file == "serverless.yaml") {
        ref.text = "${env:" + name + "}";
        ref.where = "the environment of the deploying shell or CI job";
    } else if (contains(path, "postman") || contains(doc.bytes().substr(0, 4096), "_postman_id")) {
        ref.text = "{{" + name + "}}";
        ref.where = "a Postman environment (a secret-type variable)";
    } else if (contains(path, "insomnia") || contains(doc.bytes().substr(0, 4096), "\"__export_format\"")) {
        ref.text = "{{ _." + name + " }}";
        ref.where = "an Insomnia environment";
    } else if (doc.format == Format::yaml || doc.format == Format::json || doc.format == Format::toml) {
        ref.text = "${" + name + "}";
        ref.where = "the environment of the program that reads " + doc.path();
        ref.note = doc.path() + ": check that the program reading it expands ${" + name +
                   "} from the environment (envsubst, Compose, Spring, dotenv loaders do; some do not)";
    } else {
        ref.manual = "handoff knows no reference syntax for this file: load the key at run time from the environment";
    }
    return ref;
}

Reference reference_for(const Document& doc, const Holder& holder, const std::string& name) {
    Reference ref;
    switch (doc.format) {
    case Format::github_workflow:
        ref.text = "${{ secrets." + name + " }}";
        ref.where = "a repository secret (Settings > Secrets and variables > Actions)";
        return ref;
    case Format::github_action:
        ref.manual = "an action cannot read secrets: declare an input, pass ${{ secrets." + name +
                     " }} from the calling workflow, and read the input here";
        return ref;
    case Format::gitlab_ci:
        ref.text = "$" + name;
        ref.where = "a masked, protected CI/CD variable (Settings > CI/CD > Variables)";
        return ref;
    case Format::n8n_workflow:
        ref.text = "{{ $env." + name + " }}";
        ref.n8n_expression = true;
        ref.where = "the n8n server's environment (N8N_BLOCK_ENV_ACCESS_IN_NODE must be false), or better an n8n credential";
        ref.note = doc.path() + ": n8n expands {{ $env.* }} only when the server runs with "
                   "N8N_BLOCK_ENV_ACCESS_IN_NODE=false (n8n 2.x blocks it by default); no credential type fits these values";
        return ref;
    case Format::mcp_config: {
        const auto* agent = doc.model_as<AgentModel>();
        McpClient client = agent != nullptr ? agent->client : McpClient::unknown;
        if (client == McpClient::vscode && doc.tree && doc.tree->is_map()) {
            // VS Code asks for the key once, masked, and keeps it in its secret storage.
            ref.input_id = lower(name);
            std::replace(ref.input_id.begin(), ref.input_id.end(), '_', '-');
            ref.text = "${input:" + ref.input_id + "}";
            ref.where = "the VS Code prompt for input '" + ref.input_id + "' (asked once, stored encrypted)";
            return ref;
        }
        ref.text = first_expanding(client, name);
        if (ref.text.empty() && client == McpClient::codex) {
            ref.manual = "Codex expands no variable in its config: name " + name + " in the server's env_vars (a "
                         "stdio server's env), bearer_token_env_var or env_http_headers (an HTTP server's headers) by hand";
        } else if (ref.text.empty()) {
            ref.manual = "this client does not expand variables in its config: remove the value and start the "
                         "client with " + name + " set in its environment, or use a client that expands ${" + name + "}";
        }
        ref.where = env_destination(client);
        return ref;
    }
    case Format::agent_settings:
    case Format::agent_tools: {
        // Allow rules and hook commands are shell text: the shell expands $NAME.
        bool shell = std::any_of(holder.chain.begin(), holder.chain.end(), [](const Node* n) {
            return n->key == "permissions" || n->key == "hooks" || n->key == "allow" || n->key == "command";
        });
        if (shell || holder.scalar->key == "command") {
            ref.text = "$" + name;
            ref.where = "the environment the agent starts in";
        } else {
            ref.manual = "the agent reads this value literally: move the key to the environment it starts in";
        }
        return ref;
    }
    case Format::jenkins_job:
        ref.manual = "bind it with credentials('" + lower(name) + "') in the pipeline, or a credentials binding in the job";
        return ref;
    default:
        return generic_reference(doc, name);
    }
}

// The name a moved key goes by: the variable or flag it was written under when that is a
// secret's name, else the provider's usual name for it.
std::string wanted_name(const Finding& finding, std::string_view key, const Holder& holder, Format format) {
    std::string name;
    bool specific = finding.rule != "generic-secret" && finding.rule != "url-credentials";
    if (!key.empty() && is_secret_name(key) && (env_style(key) || !specific)) name = env_name(key);
    // A connection string's variable names the service whose password it holds (REDIS_URL).
    if (name.empty() && finding.rule == "url-credentials" && env_style(key) &&
        (key.ends_with("_URL") || key.ends_with("_URI") || key.ends_with("_DSN"))) {
        name = std::string(key);
    }
    if (name.empty() && holder.previous != nullptr && holder.previous->is_scalar() &&
        holder.previous->value.starts_with("--") && is_secret_name(holder.previous->value)) {
        name = env_name(holder.previous->value);
    }
    if (name.empty() && specific) name = env_name(finding.rule);
    if (name.empty()) name = "SECRET";
    if (finding.rule == "url-credentials" && !contains(name, "PASSWORD")) {
        for (std::string_view suffix : {"_URL", "_URI", "_DSN", "_CONNECTION_STRING"}) {
            if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
        }
        name = (name == "SECRET" ? std::string("DB") : name) + "_PASSWORD";
    }
    // GitHub reserves the GITHUB_ prefix for its own variables and secrets.
    if ((format == Format::github_workflow || format == Format::github_action) && name.starts_with("GITHUB_")) {
        name = "GH_" + name.substr(7);
    }
    return name;
}

std::string read_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::ostringstream text;
    if (ok) text << in.rdbuf();
    return text.str();
}

// Every node path of a tree, in order: two trees with the same list have the same shape.
std::vector<std::string> shape(const Node& root) {
    std::vector<std::string> out;
    walk(root, [&](const Node&, const NodePath& path) {
        out.push_back(path.str());
        return true;
    });
    return out;
}

bool parse_failed(const Document& doc) {
    return std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                       [](const Diagnostic& d) { return d.kind == DiagnosticKind::parse_error; });
}


// The same format, a parse as clean as before, and the same tree shape (but for the paths
// the edits add on purpose).
// Node paths outside a subtree fix adds to on purpose (VS Code's `inputs`).
std::vector<std::string> shape_outside(const Node& root, const std::vector<std::string>& added) {
    std::vector<std::string> all = shape(root);
    for (const std::string& prefix : added) {
        std::erase_if(all, [&](const std::string& p) {
            return p.starts_with(prefix) && (p.size() == prefix.size() || p[prefix.size()] == '.' || p[prefix.size()] == '[');
        });
    }
    return all;
}

std::string verify(const Document& before, const std::string& path, const std::string& after,
                   const std::vector<std::string>& added = {}) {
    std::unique_ptr<Document> doc = load_document(path, after, ParseLimits{});
    if (doc->format != before.format) return "the edited file would be read as another format";
    if (parse_failed(*doc) && !parse_failed(before)) return "the edited file would not parse";
    if (before.tree.has_value() != doc->tree.has_value()) return "the edited file would not parse";
    if (before.tree && shape_outside(*before.tree, added) != shape_outside(*doc->tree, added)) {
        return "the edit would change the file's structure";
    }

    return {};
}

class Planner {
public:
    Planner(std::string root, const ScanResult& scan, const FixOptions& options)
        : root_(std::move(root)), scan_(scan), options_(options), env_(root_) {}

    FixPlan run() {
        std::map<std::string, std::vector<const Finding*>> by_file;
        for (const Finding& f : scan_.findings) {
            bool pinned = f.rule == "n8n-pinned-data" && options_.drop_pinned_data;
            if (f.family != Family::embedded_token && f.rule != "template-injection" &&
                f.rule != "checkout-persists-credentials" && f.rule != "mcp-unpinned-package" &&
                f.rule != "excessive-permissions" && !pinned) {
                continue;
            }
            if (!options_.rules.empty() && std::find(options_.rules.begin(), options_.rules.end(), f.rule) == options_.rules.end()) {
                continue;
            }
            by_file[f.location.path].push_back(&f);
        }
        for (const auto& [path, findings] : by_file) plan_file(path, findings);
        env_.finish(plan_.changes, plan_.notes);
        std::sort(plan_.changes.begin(), plan_.changes.end(),
                  [](const FileChange& a, const FileChange& b) { return a.path < b.path; });
        for (const auto& [value, name] : names_) plan_.moved.push_back(value);
        return std::move(plan_);
    }

private:
    std::string root_;
    const ScanResult& scan_;
    const FixOptions& options_;
    EnvFiles env_;
    FixPlan plan_;
    std::map<std::string, std::string> names_;  // moved value -> its name

    // One file's planned edits, and what to restore if they are dropped.
    struct FileWork {
        std::vector<SpanEdit> edits;
        std::vector<const Finding*> planned;
        std::vector<std::string> added;       // node paths the edits add on purpose
        std::size_t other_fixes = 0;
        std::map<std::string, std::string> names_before;
        std::size_t notes_before = 0;
        std::optional<CodeLanguage> lexes;    // source code: must still lex cleanly after the edits
        bool free_text = false;               // no parser (a Jenkinsfile): checked by free_text_ok
    };

    FileWork begin_file() {
        env_.mark();
        return FileWork{{}, {}, {}, 0, names_, plan_.notes.size(), std::nullopt, false};
    }

    // Forget the names and notes the file added: its edits are not made.
    void abandon(FileWork& work) {
        env_.rollback();
        names_ = std::move(work.names_before);
        plan_.notes.resize(work.notes_before);
    }

    void manual(const Finding& f, std::string why) {
        plan_.manual.push_back({f.location, f.rule, std::move(why)});
        if (f.family != Family::embedded_token || current_ == nullptr || current_->file == nullptr ||
            f.location.path != current_->path()) {
            return;
        }
        Span span{offset_of(*current_->file, f.location.line, f.location.column),
                  offset_of(*current_->file, f.location.end_line, f.location.end_column)};
        if (span.size() >= 8 && span.end <= current_bytes_->size()) {
            std::string value = current_bytes_->substr(span.begin, span.size());
            if (value.find('\n') == std::string::npos) plan_.left.push_back(std::move(value));
        }
    }
    const Document* current_ = nullptr;         // the file being planned
    const std::string* current_bytes_ = nullptr;

    // Where the client creates this key: the provider's console, when the rule names one.
    std::string console_of(const Finding& f) const {
        std::string provider = f.rule.substr(0, f.rule.find('-'));
        const ProviderInfo* info = find_provider(scan_.providers, provider);
        if (info == nullptr) return {};
        return std::string(info->name) + ": " + std::string(info->console);
    }

    // The name a key in source code goes by: the identifier it is assigned to on its line
    // (API_KEY = "...", export GH_TOKEN="...", apiKey: '...') when that names a secret.
    static std::string assigned_name(std::string_view bytes, std::uint32_t at) {
        std::size_t line = bytes.rfind('\n', at == 0 ? 0 : at - 1);
        std::string_view before = bytes.substr(line == std::string_view::npos ? 0 : line + 1);
        before = before.substr(0, at - (line == std::string_view::npos ? 0 : line + 1));
        std::size_t end = before.find_last_of("=:");
        if (end == std::string_view::npos) return {};
        std::string_view left = trim(before.substr(0, end), " \t\"'");
        std::size_t start = left.size();
        while (start > 0 && (std::isalnum(static_cast<unsigned char>(left[start - 1])) != 0 || left[start - 1] == '_')) --start;
        return std::string(left.substr(start));
    }

    // Keys in Python, JavaScript and shell files become environment lookups: a whole string
    // literal becomes os.environ["NAME"] or process.env.NAME; in shell text (outside single
    // quotes) the key becomes ${NAME}. In documentation it becomes a <NAME> placeholder.
    void plan_code_file(const std::string& path, std::string& bytes, const Document& doc,
                        const std::vector<const Finding*>& findings, Code code) {
        FileWork work = begin_file();
        CodeLanguage language = code == Code::python ? CodeLanguage::python : CodeLanguage::javascript;
        if (code == Code::python || code == Code::javascript) work.lexes = language;
        bool has_os = code == Code::python && imports_os(bytes);
        bool reads_os = false;
        for (const Finding* f : findings) {
            Span span{offset_of(*doc.file, f->location.line, f->location.column),
                      offset_of(*doc.file, f->location.end_line, f->location.end_column)};
            if (span.empty() || span.end > bytes.size()) {
                manual(*f, "the key's place in the file is unclear");
                continue;
            }
            std::string value = bytes.substr(span.begin, span.size());
            char open = span.begin > 0 ? bytes[span.begin - 1] : '\0';
            char close = span.end < bytes.size() ? bytes[span.end] : '\0';
            bool whole_literal = (open == '"' || open == '\'' || (open == '`' && code == Code::javascript)) && close == open;
            SpanEdit edit{span.begin, span.end, {}};
            std::string name;
            std::uint32_t name_at = whole_literal ? span.begin - 1 : span.begin;  // where the assignment's name ends
            auto name_for = [&]() {
                if (auto it = names_.find(value); it != names_.end()) return it->second;
                Holder none;
                std::string key = assigned_name(bytes, name_at);
                std::string wanted = wanted_name(*f, key, none, doc.format);
                std::string placed = env_.place(wanted, value, console_of(*f), plan_.notes);
                names_.emplace(value, placed);
                return placed;
            };
            if (value.find_first_of("\\\n") != std::string::npos) {
                manual(*f, "the key spans lines or escapes: move it by hand");
                continue;
            }
            if (code == Code::docs) {
                // Documentation shows a placeholder; the real key goes to .env like any other.
                name = name_for();
                edit.text = "<" + name + ">";
            } else if (code == Code::shell) {
                std::size_t line = bytes.rfind('\n', span.begin);
                std::string_view head = std::string_view(bytes).substr(line == std::string::npos ? 0 : line + 1);
                head = head.substr(0, span.begin - (line == std::string::npos ? 0 : line + 1));
                if (std::count(head.begin(), head.end(), '\'') % 2 == 1) {
                    manual(*f, "the key is inside single quotes, where the shell expands nothing: use \"$NAME\" by hand");
                    continue;
                }
                name = name_for();
                edit.text = "${" + name + "}";
            } else if (std::optional<StringLiteral> lit = literal_holding(bytes, span, language)) {
                // The literal as the language reads it: a whole literal becomes the lookup, a
                // longer one is built from its text and the lookup in the language's own syntax.
                bool whole = lit->body_begin == span.begin && lit->body_end == span.end;
                name_at = lit->begin;
                char prev = lit->begin > 0 ? bytes[lit->begin - 1] : '\n';
                char next = lit->end < bytes.size() ? bytes[lit->end] : '\n';
                std::string why;
                std::string text;
                if (whole && lit->bytes) {
                    why = "the key is a bytes literal: read it from os.environb by hand";
                } else if (whole && (lit->triple || prev == '"' || prev == '\'' || next == '"' || next == '\'')) {
                    why = "the key is inside a triple-quoted or adjoining string: move it by hand";
                } else if (whole) {
                    name = name_for();
                    text = code == Code::python ? "os.environ[\"" + name + "\"]" : "process.env." + name;
                } else {
                    std::string probe = build_from_environment(bytes, *lit, span, "NAME", language, why);
                    if (!probe.empty()) {
                        name = name_for();
                        text = build_from_environment(bytes, *lit, span, name, language, why);
                    }
                }
                if (text.empty()) {
                    manual(*f, why);
                    continue;
                }
                reads_os = reads_os || code == Code::python;
                edit = {lit->begin, lit->end, text};
            } else if (!whole_literal) {
                manual(*f, "the key is part of a longer string the lexer could not read: build the string from the "
                           "environment by hand");
                continue;
            } else if (span.begin >= 2 && bytes[span.begin - 2] == open) {
                manual(*f, "the key is inside a triple-quoted or adjoining string: move it by hand");
                continue;
            } else {
                reads_os = reads_os || code == Code::python;
                name = name_for();
                edit = {span.begin - 1, span.end + 1,
                        code == Code::python ? "os.environ[\"" + name + "\"]" : "process.env." + name};
            }
            work.edits.push_back(std::move(edit));
            work.planned.push_back(f);
        }
        if (reads_os && !has_os) {
            std::uint32_t at = python_import_point(bytes);
            std::string_view eol = bytes.find("\r\n") != std::string::npos ? "\r\n" : "\n";
            std::string line = "import os" + std::string(eol);
            if (at == bytes.size() && !bytes.empty() && bytes.back() != '\n') line = std::string(eol) + "import os";
            work.edits.push_back({at, at, line});
        }
        commit_file(path, bytes, doc, work);
    }

    // .npmrc: npm expands ${NAME} from the environment in its values, so a whole value of
    // a `key=value` line (`//registry/:_authToken=npm_...`) becomes ${NAME}.
    void plan_npmrc(const std::string& path, std::string& bytes, const Document& doc,
                    const std::vector<const Finding*>& findings) {
        FileWork work = begin_file();
        for (const Finding* f : findings) {
            Span span{offset_of(*doc.file, f->location.line, f->location.column),
                      offset_of(*doc.file, f->location.end_line, f->location.end_column)};
            std::uint32_t start = line_start_of(bytes, span.begin);
            std::uint32_t stop = next_line(bytes, span.begin);
            std::string_view line = std::string_view(bytes).substr(start, stop - start);
            std::size_t eq = line.find('=');
            std::string_view value = eq == std::string_view::npos ? std::string_view() : trim(line.substr(eq + 1), " \t\r\n");
            std::string_view key = eq == std::string_view::npos ? std::string_view() : trim(line.substr(0, eq), " \t");
            std::uint32_t value_at = value.empty() ? 0 : static_cast<std::uint32_t>(value.data() - bytes.data());
            if (span.empty() || line.starts_with("#") || line.starts_with(";") || value.empty() ||
                value_at != span.begin || value_at + value.size() != span.end) {
                manual(*f, "the key is not the whole value of a key=value line: write ${NPM_TOKEN} in its place by hand");
                continue;
            }
            std::string token(value);
            std::string name;
            if (auto it = names_.find(token); it != names_.end()) {
                name = it->second;
            } else {
                Holder none;
                std::string wanted = wanted_name(*f, {}, none, doc.format);
                if (wanted == "SECRET" || (f->rule == "generic-secret" && contains(lower(key), "authtoken"))) wanted = "NPM_TOKEN";
                std::string console = console_of(*f);
                std::string where = "the environment npm runs in (a CI secret named like it)";
                name = env_.place(wanted, token, console.empty() ? where : console + "; set it in " + where, plan_.notes);
                names_.emplace(token, name);
            }
            work.edits.push_back({span.begin, span.end, "${" + name + "}"});
            work.planned.push_back(f);
            std::string note = path + ": npm reads ${" + name + "} from the environment: export " + name +
                               " from .env where npm runs (CI: set " + name + " as a secret); npm stops with an error when it is unset";
            if (std::find(plan_.notes.begin(), plan_.notes.end(), note) == plan_.notes.end()) plan_.notes.push_back(note);
        }
        commit_file(path, bytes, doc, work);
    }

    // A declarative Jenkinsfile: `NAME = 'key'` (or "key") on its own line directly inside an
    // `environment { }` block becomes `NAME = credentials('name')`, a Secret text credential
    // the client creates. Groovy has no parser here: only that exact shape is edited, and the
    // edited text must keep its braces and the line its quotes and parentheses balanced.
    void plan_jenkinsfile(const std::string& path, std::string& bytes, const Document& doc,
                          const std::vector<const Finding*>& findings) {
        FileWork work = begin_file();
        work.free_text = true;
        for (const Finding* f : findings) {
            Span span{offset_of(*doc.file, f->location.line, f->location.column),
                      offset_of(*doc.file, f->location.end_line, f->location.end_column)};
            std::uint32_t start = line_start_of(bytes, span.begin);
            std::string_view line = std::string_view(bytes).substr(start, next_line(bytes, span.begin) - start);
            std::string ident;
            if (span.empty() || !jenkins_environment_value(bytes, start, line, span, ident)) {
                manual(*f, "a Jenkinsfile is edited only where a key is the whole value of NAME = '...' inside an "
                           "environment { } block: bind it with credentials('id') or withCredentials by hand");
                continue;
            }
            std::string value = bytes.substr(span.begin, span.size());
            std::string name;
            if (auto it = names_.find(value); it != names_.end()) {
                name = it->second;
            } else {
                Holder none;
                std::string wanted = wanted_name(*f, ident, none, doc.format);
                std::string console = console_of(*f);
                std::string where = "a Jenkins Secret text credential (Manage Jenkins > Credentials)";
                name = env_.place(wanted, value, console.empty() ? where : console + "; then " + where, plan_.notes);
                names_.emplace(value, name);
            }
            std::string id = lower(name);
            std::replace(id.begin(), id.end(), '_', '-');
            work.edits.push_back({span.begin - 1, span.end + 1, "credentials('" + id + "')"});
            work.planned.push_back(f);
            plan_.notes.push_back(path + ": " + ident + " now comes from the Jenkins credential '" + id +
                                  "': the client creates a Secret text credential with that id holding " + name + " from .env");
        }
        commit_file(path, bytes, doc, work);
    }

    // Whether `line` is `IDENT = 'key'` or `IDENT = "key"` with the key exactly the quoted text,
    // directly inside an `environment {` block of the file (braces counted from that line).
    static bool jenkins_environment_value(std::string_view bytes, std::uint32_t start, std::string_view line, Span span,
                                          std::string& ident) {
        std::string_view text = trim(line, " \t\r\n");
        std::size_t eq = text.find('=');
        if (eq == std::string_view::npos) return false;
        std::string_view left = trim(text.substr(0, eq), " \t");
        std::string_view right = trim(text.substr(eq + 1), " \t");
        if (left.empty() || !std::all_of(left.begin(), left.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
            })) {
            return false;
        }
        if (right.size() < 2 || (right.front() != '\'' && right.front() != '"') || right.back() != right.front()) return false;
        std::uint32_t value_at = static_cast<std::uint32_t>(right.data() - bytes.data()) + 1;
        if (value_at != span.begin || span.end != value_at + right.size() - 2) return false;
        std::string_view value = right.substr(1, right.size() - 2);
        if (value.find_first_of("'\"\\$") != std::string_view::npos) return false;
        // The nearest `environment {` line above, and the brace depth from it to this line.
        for (std::size_t end = start; end > 0;) {  // [from, end) is the line above
            std::size_t prev = end >= 2 ? bytes.rfind('\n', end - 2) : std::string_view::npos;
            std::size_t from = prev == std::string_view::npos ? 0 : prev + 1;
            std::string_view above = trim(bytes.substr(from, end - from), " \t\r\n");
            if (above == "environment {" || above == "environment{") {
                int depth = 0;
                for (char c : bytes.substr(from, start - from)) {
                    if (c == '{') ++depth;
                    if (c == '}') --depth;
                }
                ident = std::string(left);
                return depth == 1;
            }
            end = from;
        }
        return false;
    }

    // Braces of a Groovy text and quotes and parentheses of each line: what a free-text edit must keep.
    static bool balanced_free_text(std::string_view before, std::string_view after, const std::vector<SpanEdit>& edits) {
        auto braces = [](std::string_view t) { return std::count(t.begin(), t.end(), '{') - std::count(t.begin(), t.end(), '}'); };
        if (braces(before) != braces(after)) return false;
        for (const SpanEdit& e : edits) {
            std::string_view text = e.text;
            if (std::count(text.begin(), text.end(), '\'') % 2 != 0 || std::count(text.begin(), text.end(), '"') % 2 != 0 ||
                std::count(text.begin(), text.end(), '(') != std::count(text.begin(), text.end(), ')')) {
                return false;
            }
        }
        return true;
    }

    // Whether a Python module binds `os` at its top level: `import os`, `import sys, os`,
    // `import os.path` (not `import osmosis`, `import os as o` or `from os import environ`).
    static bool imports_os(std::string_view bytes) {
        for (std::size_t start = 0; start < bytes.size();) {
            std::size_t nl = bytes.find('\n', start);
            std::string_view line = bytes.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
            start = nl == std::string_view::npos ? bytes.size() : nl + 1;
            if (!line.starts_with("import ")) continue;
            line = line.substr(7);
            line = line.substr(0, line.find('#'));
            for (std::size_t from = 0; from <= line.size();) {
                std::size_t comma = line.find(',', from);
                std::string_view item = trim(line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from),
                                             " \t\r;");
                if (item == "os" || (item.starts_with("os.") && !contains(item, " as "))) return true;
                if (comma == std::string_view::npos) break;
                from = comma + 1;
            }
        }
        return false;
    }

    // Where `import os` goes: after the leading comments, the module docstring and the
    // `from __future__` imports (which must come first), at the start of a line.
    static std::uint32_t python_import_point(std::string_view bytes) {
        auto line_end = [&](std::size_t from) {
            std::size_t nl = bytes.find('\n', from);
            return nl == std::string_view::npos ? bytes.size() : nl + 1;
        };
        auto blank_or_comment = [&](std::size_t from) {
            std::string_view line = trim(bytes.substr(from, line_end(from) - from), " \t\r\n");
            return line.empty() || line.starts_with("#");
        };
        std::size_t at = 0;
        while (at < bytes.size() && blank_or_comment(at)) at = line_end(at);
        std::size_t after_comments = at;
        std::size_t last = std::string_view::npos;  // the end of the last line that must stay above
        // The docstring: a string literal as the first statement.
        std::size_t q = at;
        while (q < bytes.size() && (bytes[q] == 'r' || bytes[q] == 'R' || bytes[q] == 'u' || bytes[q] == 'U')) ++q;
        if (q < bytes.size() && (bytes[q] == '"' || bytes[q] == '\'')) {
            std::string_view three = bytes.substr(q, 3);
            std::string_view quote = three == "\"\"\"" || three == "'''" ? three : bytes.substr(q, 1);
            std::size_t close = bytes.find(quote, q + quote.size());
            if (close == std::string_view::npos) return static_cast<std::uint32_t>(after_comments);
            at = line_end(close + quote.size() - 1);
            last = at;
        }
        for (;;) {
            std::size_t probe = at;
            while (probe < bytes.size() && blank_or_comment(probe)) probe = line_end(probe);
            if (!bytes.substr(probe).starts_with("from __future__ import")) break;
            std::size_t end = line_end(probe);
            std::size_t paren = bytes.find('(', probe);
            if (paren != std::string_view::npos && paren < end) {
                std::size_t close = bytes.find(')', paren);
                if (close == std::string_view::npos) break;
                end = line_end(close);
            }
            at = end;
            last = end;
        }
        return static_cast<std::uint32_t>(last == std::string_view::npos ? after_comments : last);
    }

    void plan_file(const std::string& path, const std::vector<const Finding*>& findings) {
        bool ok = false;
        std::string bytes = read_file(root_ + "/" + path, ok);
        if (!ok) {
            for (const Finding* f : findings) manual(*f, "the file could not be read again");
            return;
        }
        std::unique_ptr<Document> doc = load_document(path, bytes, ParseLimits{});
        current_ = doc.get();  // a key left in place is masked in the diff's context lines too
        current_bytes_ = &bytes;
        struct Reset {
            Planner& p;
            ~Reset() { p.current_ = nullptr; p.current_bytes_ = nullptr; }
        } reset{*this};
        // A .env is where keys belong; whether git commits it is dotenv-not-ignored's business.
        if (doc->format == Format::dotenv) return;
        // A transcript or a log is a record of what was said or printed, not a configuration:
        // no reference can stand in for the key there. Rotate it and delete the record (the
        // finding's fix names the file or run). Findings in records carry their place.
        std::vector<const Finding*> in_records;
        for (const Finding* f : findings) {
            if (!f->location.place().empty()) in_records.push_back(f);
        }
        if (!in_records.empty() && in_records.size() == findings.size()) {
            for (const Finding* f : findings) {
                manual(*f, "a record of a conversation or a run (" + f->location.place() +
                               "): rotate the key, then delete or redact the record; there is no reference to put there");
            }
            return;
        }
        if (!doc->tree) {
            if (base_name(path) == ".npmrc") {
                plan_npmrc(path, bytes, *doc, findings);
                return;
            }
            if (jenkinsfile(path)) {
                plan_jenkinsfile(path, bytes, *doc, findings);
                return;
            }
            Code code = code_of(path, bytes);
            if (code != Code::none) {
                plan_code_file(path, bytes, *doc, findings, code);
                return;
            }
            std::string why = credentials_file(path) ? std::string(kCredentialsFile) : parse_failure(*doc);
            if (private_key_file(bytes, findings)) why = "a private key file: move it out of the repository";
            if (lower(path).ends_with(".ipynb")) {
                why = "a notebook: fix does not edit notebook cells; read the key from os.environ in the cell and clear its outputs by hand";
            }
            for (const Finding* f : findings) manual(*f, why);
            return;
        }
        if (doc->format == Format::n8n_credentials) {
            plan_credentials_export(path, bytes, *doc, findings);
            return;
        }
        FileWork work = begin_file();
        for (const Finding* f : findings) {
            if (f->rule == "n8n-pinned-data") drop_pinned(*doc, *f, work);
        }
        std::vector<SpanEdit> dropped = work.edits;  // keys inside dropped pinned data leave with it
        ScalarIndex scalars(*doc->tree);
        std::set<const Node*> expression_marked;
        std::vector<const Finding*> injections;
        std::vector<const Finding*> checkouts;
        std::vector<const Finding*> unpinned;  // npx packages to pin from a lockfile
        std::vector<const Finding*> permissions;  // a workflow without permissions:
        std::vector<std::string> file_notes;
        std::vector<std::string> input_ids;  // VS Code inputs to declare
        std::set<const N8nNode*> credential_nodes;     // n8n nodes given a credential (one each)
        std::set<const Node*> credential_values;       // the parameters they replace
        const auto* agent = doc->model_as<AgentModel>();
        bool codex = doc->format == Format::mcp_config && agent != nullptr && agent->client == McpClient::codex;
        std::vector<std::pair<CodexEnvEntry, const Finding*>> codex_entries;
        std::vector<EnvEntry> unset_entries;  // env members of a client that expands nothing
        for (const Finding* f : findings) {
            if (f->rule == "template-injection") {
                injections.push_back(f);
                continue;
            }
            if (f->rule == "checkout-persists-credentials") {
                checkouts.push_back(f);
                continue;
            }
            if (f->rule == "mcp-unpinned-package") {
                unpinned.push_back(f);
                continue;
            }
            if (f->rule == "excessive-permissions") {
                permissions.push_back(f);
                continue;
            }
            if (f->rule == "n8n-pinned-data") continue;  // dropped above
            Span span{offset_of(*doc->file, f->location.line, f->location.column),
                      offset_of(*doc->file, f->location.end_line, f->location.end_column)};
            if (std::any_of(dropped.begin(), dropped.end(),
                            [&](const SpanEdit& d) { return d.begin <= span.begin && span.end <= d.end; })) {
                continue;
            }
            Holder holder;
            if (span.empty() || !scalars.find(span, holder)) {
                manual(*f, "the key is not inside one value of the file");
                continue;
            }
            std::string value = bytes.substr(span.begin, span.size());
            if (value.find('\\') != std::string::npos || value.find('\n') != std::string::npos ||
                f->rule == "private-key") {
                manual(*f, "the key spans lines or escapes: move it to a file outside the repository by hand");
                continue;
            }
            if (codex) {
                if (std::optional<CodexEnvEntry> entry = codex_env_entry(*holder.scalar, holder.chain, value)) {
                    codex_entries.emplace_back(*entry, f);
                    continue;
                }
            }
            if (doc->format == Format::n8n_workflow) {
                if (credential_values.count(holder.scalar) != 0) {
                    work.planned.push_back(f);  // the same key, found by a second rule
                    continue;
                }
                if (move_to_credential(*doc, *f, bytes, holder, value, work, credential_nodes, file_notes)) {
                    credential_values.insert(holder.scalar);
                    continue;
                }
            }
            if (expands_nothing(*doc)) {
                if (const Node* env = env_member_of(holder, bytes, span)) {
                    unset_entries.push_back({holder.chain[holder.chain.size() - 2], env, holder.scalar, f, value});
                } else {
                    bool in_args = std::any_of(holder.chain.begin(), holder.chain.end(), [](const Node* n) { return n->key == "args"; });
                    bool in_headers = std::any_of(holder.chain.begin(), holder.chain.end(), [](const Node* n) { return n->key == "headers"; });
                    manual(*f, in_args ? "the key is an argument of the server's command, and this client expands no variable "
                                         "in its config: pass it to the server some other way (a wrapper script that reads "
                                         "it from the environment) by hand"
                               : in_headers ? "the key is in a header of an HTTP server, and this client expands no variable "
                                              "in its config: move the server behind a client that expands variables, or "
                                              "remove the header and authenticate another way by hand"
                                            : "this client does not expand variables in its config and the key is not a whole "
                                              "value of a server's env: remove it and pass it to the server by hand");
                }
                continue;
            }
            std::string name;
            if (auto it = names_.find(value); it != names_.end()) {
                name = it->second;
            } else {
                std::string wanted = wanted_name(*f, holder.scalar->key, holder, doc->format);
                Reference probe = reference_for(*doc, holder, wanted);
                if (!probe.manual.empty()) {
                    manual(*f, probe.manual);
                    continue;
                }
                std::string where = probe.where;
                std::string console = console_of(*f);
                name = env_.place(wanted, value, console.empty() ? where : console + "; set it as " + where, plan_.notes);
                names_.emplace(value, name);
            }
            Reference ref = reference_for(*doc, holder, name);
            if (!ref.manual.empty()) {
                manual(*f, ref.manual);
                continue;
            }
            if (!ref.input_id.empty() && std::find(input_ids.begin(), input_ids.end(), ref.input_id) == input_ids.end()) {
                input_ids.push_back(ref.input_id);
            }
            if (!ref.note.empty() && std::find(file_notes.begin(), file_notes.end(), ref.note) == file_notes.end()) {
                file_notes.push_back(ref.note);
            }
            work.edits.push_back({span.begin, span.end, ref.text});
            if (ref.n8n_expression && !holder.scalar->value.starts_with("=") &&
                expression_marked.insert(holder.scalar).second) {
                std::uint32_t at = holder.scalar->span.begin;
                if (at < bytes.size() && bytes[at] == '"') ++at;
                work.edits.push_back({at, at, "="});
            }
            work.planned.push_back(f);
        }
        if (!codex_entries.empty()) forward_from_codex(*doc, bytes, codex_entries, work, file_notes);
        if (!unset_entries.empty()) remove_env_entries(*doc, unset_entries, work, file_notes);
        plan_.notes.insert(plan_.notes.end(), file_notes.begin(), file_notes.end());
        if (!input_ids.empty()) {
            if (!declare_inputs(bytes, *doc->tree, input_ids, work.edits)) {
                for (const Finding* f : work.planned) manual(*f, "no place to declare the VS Code input was found");
                abandon(work);
                return;
            }
            work.added.push_back("inputs");
        }
        for (WorkflowFixes more : {injections.empty() ? WorkflowFixes{} : injection_fixes(*doc, injections),
                                   checkouts.empty() ? WorkflowFixes{} : checkout_fixes(*doc, checkouts),
                                   unpinned.empty() ? WorkflowFixes{} : npm_pin_fixes(*doc, root_, unpinned),
                                   permissions.empty() ? WorkflowFixes{} : permissions_fixes(*doc, permissions)}) {
            for (const auto& [f, why] : more.manual) manual(*f, why);
            plan_.notes.insert(plan_.notes.end(), more.notes.begin(), more.notes.end());
            for (SpanEdit& e : more.edits) work.edits.push_back(std::move(e));
            work.added.insert(work.added.end(), more.added.begin(), more.added.end());
            work.planned.insert(work.planned.end(), more.fixed.begin(), more.fixed.end());
            work.other_fixes += more.fixed.size();
        }
        commit_file(path, bytes, *doc, work);
    }

    // An n8n HTTP Request's header or query key becomes a reference to an n8n credential
    // of the matching type, named after the variable the key goes to in .env. False when
    // no credential type fits or the node's text is unusual: the caller writes $env.
    bool move_to_credential(const Document& doc, const Finding& f, const std::string& bytes, const Holder& holder,
                            const std::string& value, FileWork& work, std::set<const N8nNode*>& nodes,
                            std::vector<std::string>& file_notes) {
        std::optional<N8nCredentialSlot> slot = n8n_credential_slot(doc, *holder.scalar, value);
        if (!slot || nodes.count(slot->node) != 0) return false;
        std::vector<SpanEdit> edits;
        std::vector<std::string> paths;
        if (!n8n_credential_edits(bytes, *slot, "probe", edits, paths)) return false;
        edits.clear();
        paths.clear();
        std::string name;
        if (auto it = names_.find(value); it != names_.end()) {
            name = it->second;
        } else {
            std::string wanted = wanted_name(f, holder.scalar->key, holder, doc.format);
            std::string console = console_of(f);
            std::string where = slot->describe(wanted);
            name = env_.place(wanted, value, console.empty() ? where : console + "; then " + where, plan_.notes);
            if (name != wanted) env_.redocument(name, console.empty() ? slot->describe(name) : console + "; then " + slot->describe(name));
            names_.emplace(value, name);
        }
        n8n_credential_edits(bytes, *slot, name, edits, paths);
        nodes.insert(slot->node);
        work.edits.insert(work.edits.end(), edits.begin(), edits.end());
        work.added.insert(work.added.end(), paths.begin(), paths.end());
        work.planned.push_back(&f);
        file_notes.push_back(doc.path() + ": node '" + slot->node->name + "' now uses the n8n credential " + name + " (" +
                             slot->type + "): the client creates it in their n8n with " + name + " from .env " +
                             slot->field_hint());
        return true;
    }

    // An MCP client that expands no variable in its config (Claude Desktop): the key's env
    // member leaves the server's env, and the client must be started with the variable set.
    struct EnvEntry {
        const Node* server;  // the server's map
        const Node* env;     // the server's env map
        const Node* member;  // the member holding the key
        const Finding* finding;
        std::string value;
    };

    static bool expands_nothing(const Document& doc) {
        if (doc.format != Format::mcp_config) return false;
        const auto* agent = doc.model_as<AgentModel>();
        McpClient client = agent != nullptr ? agent->client : McpClient::unknown;
        return client != McpClient::vscode && client != McpClient::codex && first_expanding(client, "X").empty();
    }

    // The env map when the key is the whole string value of a member of a server's `env`.
    static const Node* env_member_of(const Holder& holder, const std::string& bytes, Span span) {
        if (holder.chain.size() < 2) return nullptr;
        const Node* env = holder.chain.back();
        const Node& s = *holder.scalar;
        bool quoted = s.span.size() >= 2 && bytes[s.span.begin] == '"' && bytes[s.span.end - 1] == '"';
        if (env->key != "env" || !env->is_map() || !holder.chain[holder.chain.size() - 2]->is_map() ||
            env->key_span.empty() || env->span.size() < 2 || bytes[env->span.begin] != '{' ||
            bytes[env->span.end - 1] != '}' || !quoted || span.begin != s.span.begin + 1 || span.end != s.span.end - 1 ||
            !env_style(s.key) || s.key_span.empty()) {
            return nullptr;
        }
        return env;
    }

    void remove_env_entries(const Document& doc, const std::vector<EnvEntry>& found, FileWork& work,
                            std::vector<std::string>& file_notes) {
        std::map<const Node*, std::set<std::size_t>> removed;  // env map -> indices of the members that go
        std::map<std::string, std::string> taken;
        for (const EnvEntry& e : found) {
            // The server reads the member's name, so the variable keeps it.
            const std::string& name = e.member->key;
            auto seen = taken.find(name);
            if (env_.holds_other(name, e.value) || (seen != taken.end() && seen->second != e.value)) {
                manual(*e.finding, "another value of " + name + " is already in .env or this file, and the server reads "
                                   "that name: move it by hand");
                continue;
            }
            taken.emplace(name, e.value);
            std::string server_name;
            std::string path = e.finding->location.node_path;
            // mcpServers.NAME.env.KEY: the server is the map holding env.
            std::size_t env_at = path.rfind(".env.");
            std::string head = env_at == std::string::npos ? std::string() : path.substr(0, env_at);
            server_name = head.substr(head.rfind('.') == std::string::npos ? 0 : head.rfind('.') + 1);
            std::string console = console_of(*e.finding);
            std::string where = "the environment the MCP client starts server '" + server_name + "' with";
            env_.place(name, e.value, console.empty() ? where : console + "; set it in " + where, plan_.notes);
            names_.emplace(e.value, name);
            for (std::size_t i = 0; i < e.env->children.size(); ++i) {
                if (&e.env->children[i] == e.member) removed[e.env].insert(i);
            }
            work.added.push_back(path);
            work.planned.push_back(e.finding);
            file_notes.push_back(doc.path() + ": server '" + server_name + "' no longer gets " + name +
                                 " from this file: this client expands no variable in its config, so it must be started "
                                 "with " + name + " from .env set in its environment (macOS: launchctl setenv " + name +
                                 " ..., then restart the client), and a client that passes only a few variables to its "
                                 "servers needs the server's command to be a wrapper script that exports " + name);
        }
        for (const auto& entry : removed) {
            const Node* env = entry.first;
            const std::set<std::size_t>& indices = entry.second;
            if (indices.size() < env->children.size()) {
                remove_members(*env, indices, work.edits);
                continue;
            }
            // An empty env would leave the server without PATH in clients that pass it only
            // what env names: the whole member goes instead.
            const EnvEntry& any = *std::find_if(found.begin(), found.end(), [&](const EnvEntry& e) { return e.env == env; });
            for (std::size_t i = 0; i < any.server->children.size(); ++i) {
                if (&any.server->children[i] == env) remove_members(*any.server, {i}, work.edits);
            }
            std::string path = any.finding->location.node_path;
            work.added.push_back(path.substr(0, path.rfind(".env.") + 4));
        }
    }

    // Removes the members at `indices` of a JSON object (not all of them), with their commas:
    // each up to the next member's name, or after the last kept one from the end of the one before.
    static void remove_members(const Node& map, const std::set<std::size_t>& indices, std::vector<SpanEdit>& edits) {
        const std::vector<Node>& c = map.children;
        std::size_t last_kept = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (indices.count(i) == 0) last_kept = i;
        }
        for (std::size_t i : indices) {
            if (i < last_kept) {
                edits.push_back({c[i].key_span.begin, c[i + 1].key_span.begin, ""});
            } else {
                edits.push_back({c[i - 1].span.end, c[i].span.end, ""});
            }
        }
    }

    // Codex: each entry leaves the server's table and the server names its variable instead
    // (env_vars, bearer_token_env_var, env_http_headers), which Codex reads from its own
    // environment. An env entry keeps its name (the server reads that name); a header's
    // variable is named like any other key.
    void forward_from_codex(const Document& doc, const std::string& bytes,
                            const std::vector<std::pair<CodexEnvEntry, const Finding*>>& found, FileWork& work,
                            std::vector<std::string>& file_notes) {
        std::vector<CodexEnvEntry> entries;
        std::vector<const Finding*> fixed;
        std::map<std::string, std::string> taken;  // env name -> value, within this file
        for (const auto& [entry, f] : found) {
            if (entry.kind == CodexEnvEntry::Kind::env) {
                const std::string& name = entry.variable;
                const std::string& value = entry.entry->value;
                auto seen = taken.find(name);
                if (env_.holds_other(name, value) || (seen != taken.end() && seen->second != value)) {
                    manual(*f, "another value of " + name + " is already in .env or this file, and the server reads that "
                               "name: forward it with env_vars by hand");
                    continue;
                }
                taken.emplace(name, value);
            }
            entries.push_back(entry);
            fixed.push_back(f);
        }
        // Each server's edits stand alone: a table fix cannot edit leaves only its own keys.
        std::vector<SpanEdit> edits;
        std::vector<std::string> paths;
        std::set<const Node*> servers;
        for (const CodexEnvEntry& e : entries) servers.insert(e.server);
        std::set<std::string> noted;
        for (const Node* server : servers) {
            std::vector<CodexEnvEntry> group;
            std::vector<const Finding*> group_findings;
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (entries[i].server != server) continue;
                group.push_back(entries[i]);
                group_findings.push_back(fixed[i]);
            }
            std::vector<CodexEnvEntry> probe = group;
            for (CodexEnvEntry& e : probe) {
                if (e.variable.empty()) e.variable = "PROBE";
            }
            std::vector<SpanEdit> probe_edits;
            std::vector<std::string> probe_paths;
            if (!codex_forward_edits(bytes, probe, probe_edits, probe_paths)) {
                for (const Finding* f : group_findings) {
                    manual(*f, "the server's table is written in a way fix does not edit: move the value to .env and "
                               "name its variable in the server's env_vars, bearer_token_env_var or env_http_headers by hand");
                }
                continue;
            }
            for (std::size_t i = 0; i < group.size(); ++i) {
                CodexEnvEntry& e = group[i];
                const Finding& f = *group_findings[i];
                std::string console = console_of(f);
                std::string_view key = e.kind == CodexEnvEntry::Kind::bearer
                                           ? std::string_view(e.entry->value).substr(7)
                                           : std::string_view(e.entry->value);
                std::string value(key);
                std::string how = e.kind == CodexEnvEntry::Kind::env      ? "env_vars forwards it to MCP server '"
                                  : e.kind == CodexEnvEntry::Kind::bearer ? "bearer_token_env_var sends it to MCP server '"
                                                                          : "env_http_headers sends it to MCP server '";
                std::string where = "the environment Codex starts in (" + how + server->key + "')";
                if (e.kind == CodexEnvEntry::Kind::env) {
                    env_.place(e.variable, value, console.empty() ? where : console + "; set it in " + where, plan_.notes);
                    names_.emplace(value, e.variable);
                } else if (auto it = names_.find(value); it != names_.end()) {
                    e.variable = it->second;
                } else {
                    Holder none;
                    std::string wanted = wanted_name(f, e.entry->key, none, doc.format);
                    e.variable = env_.place(wanted, value, console.empty() ? where : console + "; set it in " + where, plan_.notes);
                    names_.emplace(value, e.variable);
                }
                if (noted.insert(e.variable + '\0' + server->key).second) {
                    file_notes.push_back(doc.path() + ": server '" + server->key + "' gets " + e.variable +
                                         " from Codex's own environment (" + how.substr(0, how.find(' ')) +
                                         "): start Codex with " + e.variable + " from .env set");
                }
            }
            codex_forward_edits(bytes, group, edits, paths);
            work.planned.insert(work.planned.end(), group_findings.begin(), group_findings.end());
        }
        work.edits.insert(work.edits.end(), edits.begin(), edits.end());
        work.added.insert(work.added.end(), paths.begin(), paths.end());
    }

    // A credentials export written with --decrypted: every value of each credential's data
    // moves to .env (CREDENTIAL_NAME_FIELD) and becomes an empty string, so the export keeps
    // the credentials' names and types, and the client recreates them from .env.
    void plan_credentials_export(const std::string& path, std::string& bytes, const Document& doc,
                                 const std::vector<const Finding*>& findings) {
        FileWork work = begin_file();
        const auto* model = doc.model_as<N8nCredentialExport>();
        std::vector<N8nExportValue> values;
        if (model != nullptr) values = n8n_export_values(*model);
        std::set<const N8nCredentialEntry*> entries;
        for (const Finding* f : findings) {
            Span span{offset_of(*doc.file, f->location.line, f->location.column),
                      offset_of(*doc.file, f->location.end_line, f->location.end_column)};
            const N8nCredentialEntry* entry = nullptr;
            for (const N8nExportValue& v : values) {
                // The decrypted finding points at the data member's key; a token finding into its values.
                Span data = member_span(*v.entry->data);
                if (data.begin <= span.begin && span.end <= data.end) entry = v.entry;
            }
            if (entry == nullptr) {
                manual(*f, f->rule == "n8n-credentials-encrypted-key-nearby"
                               ? "the bundle holds the key that decrypts this export: remove the key (or the export) "
                                 "and rotate the key by hand"
                               : "the key is outside the data of a decrypted credential: remove it by hand");
                continue;
            }
            entries.insert(entry);
            work.planned.push_back(f);
        }
        std::size_t emptied = 0;
        for (const N8nExportValue& v : values) {
            if (entries.count(v.entry) == 0) continue;
            Span s = v.scalar->span;
            bool quoted = s.size() >= 2 && bytes[s.begin] == '"' && bytes[s.end - 1] == '"';
            if (s.empty() || (v.scalar->is_string() && !quoted)) {
                for (const Finding* f : work.planned) manual(*f, "a value of the export is not written as a plain string");
                abandon(work);
                return;
            }
            // Each field gets its own name, also when two fields hold the same text (two `true`s).
            std::string where = "n8n credential '" + v.entry->name + "' (" + v.entry->type + "), field " + v.field +
                                ": the client recreates the credential from this value";
            std::string name = env_.place(v.name, v.scalar->value, where, plan_.notes);
            // Masked in the diff unless plainly no secret (a header's name, a port, a user name).
            std::string_view field = std::string_view(v.field).substr(v.field.rfind('.') + 1);
            if (is_secret_name(field) || v.scalar->value.size() >= 16) names_.emplace(v.scalar->value, name);
            work.edits.push_back(quoted ? SpanEdit{s.begin + 1, s.end - 1, ""} : SpanEdit{s.begin, s.end, "\"\""});
            ++emptied;
        }
        if (emptied > 0) {
            plan_.notes.push_back(doc.path() + ": " + std::to_string(emptied) + (emptied == 1 ? " value" : " values") + " of " +
                                  std::to_string(entries.size()) + (entries.size() == 1 ? " credential" : " credentials") +
                                  " moved to .env and emptied here; the export keeps names and types only: the client "
                                  "recreates each credential in their n8n from .env");
        }
        commit_file(path, bytes, doc, work);
    }

    // --drop-pinned-data: the workflow's pinData member goes, with the comma before it (or
    // after it, when it comes first). Keys inside it leave with it: the finding says how
    // many nodes' data were dropped.
    void drop_pinned(const Document& doc, const Finding& f, FileWork& work) {
        const std::string& path = f.location.node_path;
        const Node* wf = &*doc.tree;
        if (path.starts_with("[")) {
            std::size_t index = std::stoul(path.substr(1));
            wf = index < wf->children.size() ? &wf->children[index] : nullptr;
        }
        if (wf == nullptr || !wf->is_map()) {
            manual(f, "the workflow holding the pinned data could not be found again");
            return;
        }
        auto it = std::find_if(wf->children.begin(), wf->children.end(), [](const Node& c) { return c.key == "pinData"; });
        if (it == wf->children.end() || it->span.empty()) {
            manual(f, "the pinned data could not be found again");
            return;
        }
        std::size_t at = static_cast<std::size_t>(it - wf->children.begin());
        if (at > 0) {
            work.edits.push_back({wf->children[at - 1].span.end, it->span.end, ""});
        } else if (at + 1 < wf->children.size()) {
            work.edits.push_back({it->key_span.begin, wf->children[at + 1].key_span.begin, ""});
        } else {
            manual(f, "pinData is the workflow's only member: remove it by hand");
            return;
        }
        work.added.push_back(path);
        work.planned.push_back(&f);
        ++work.other_fixes;
        plan_.notes.push_back(doc.path() + ": dropped the pinned data of " + std::to_string(it->children.size()) +
                              (it->children.size() == 1 ? " node" : " nodes"));
    }

    // VS Code's `inputs`: one masked promptString per key, appended to the list, or a new
    // list as the config's first member.
    static bool declare_inputs(const std::string& bytes, const Node& root, const std::vector<std::string>& ids,
                               std::vector<SpanEdit>& edits) {
        std::string entries;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            entries += std::string(i ? ",\n" : "") + "    { \"type\": \"promptString\", \"id\": \"" + ids[i] +
                       "\", \"description\": \"" + ids[i] + " (moved out of this file by handoff fix)\", \"password\": true }";
        }
        const Node* inputs = root.find("inputs");
        if (inputs != nullptr) {
            if (!inputs->is_seq() || inputs->span.empty() || bytes[inputs->span.end - 1] != ']') return false;
            if (inputs->children.empty()) {
                edits.push_back({inputs->span.end - 1, inputs->span.end - 1, "\n" + entries + "\n  "});
            } else {
                std::uint32_t after_last = inputs->children.back().span.end;
                edits.push_back({after_last, after_last, ",\n" + entries});
            }
            return true;
        }
        if (root.span.empty() || bytes[root.span.begin] != '{' || root.children.empty()) return false;
        edits.push_back({root.span.begin + 1, root.span.begin + 1, "\n  \"inputs\": [\n" + entries + "\n  ],"});
        return true;
    }

    // Applies a file's edits, verifies the result, and keeps it, or rolls its names back
    // out of .env and lists its findings as manual steps.
    void commit_file(const std::string& path, std::string& bytes, const Document& doc, FileWork& work) {
        if (work.edits.empty()) {
            abandon(work);
            return;
        }
        std::vector<SpanEdit>& edits = work.edits;
        // Back to front, so earlier offsets stay valid; at one offset the replacement goes
        // before an insertion there.
        std::sort(edits.begin(), edits.end(), [](const SpanEdit& a, const SpanEdit& b) {
            return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
        });
        std::string after = bytes;
        std::uint32_t limit = static_cast<std::uint32_t>(after.size());
        const SpanEdit* last = nullptr;
        bool overlap = false;
        for (const SpanEdit& e : edits) {
            if (e.end > limit) {
                // The same key found by two rules is one edit; any other overlap is a bug to refuse.
                overlap = overlap || last == nullptr || e.begin != last->begin || e.end != last->end || e.text != last->text;
                continue;
            }
            after.replace(e.begin, e.end - e.begin, e.text);
            limit = e.begin;
            last = &e;
        }
        std::string why = overlap ? std::string("two edits would overlap") : verify(doc, path, after, work.added);
        if (why.empty() && work.free_text && !balanced_free_text(bytes, after, edits)) {
            why = "the edited Jenkinsfile would not keep its braces and quotes balanced";
        }
        if (why.empty() && work.lexes && lexes_cleanly(bytes, *work.lexes) && !lexes_cleanly(after, *work.lexes)) {
            why = "the edited code would not lex cleanly";
        }
        if (!why.empty()) {
            for (const Finding* f : work.planned) manual(*f, why + "; left as it is");
            abandon(work);
            return;
        }
        plan_.keys_moved += work.planned.size() - work.other_fixes;
        plan_.other_fixes += work.other_fixes;
        plan_.changes.push_back({path, std::move(bytes), std::move(after), false});
    }
};

} // namespace

FixPlan plan_fixes(const std::string& root_dir, const ScanResult& scan, const FixOptions& options) {
    return Planner(root_dir, scan, options).run();
}

} // namespace handoff
