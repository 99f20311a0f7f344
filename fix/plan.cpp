// Plans `handoff fix`: for each key a scan found written into a file, the reference that
// file's platform expands, the name it goes by, and the byte edits; then checks that each
// edited file still parses to the same format and structure.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli/scan.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"
#include "fix/env_files.hpp"
#include "fix/fix.hpp"
#include "model/agent.hpp"
#include "parsers/loaders/mcp_client.hpp"

namespace handoff {

namespace {

// An environment-variable style name: OPENAI_API_KEY from "openai-api-key" or "x-api-key".
std::string env_name(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (!out.empty() && out.front() >= '0' && out.front() <= '9') out = "KEY_" + out;
    return out;
}

bool env_style(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

// Byte offset of a 1-based line and code-point column.
std::uint32_t offset_of(const SourceFile& file, std::uint32_t line, std::uint32_t column) {
    std::uint32_t at = file.lines.line_start(line);
    std::string_view bytes = file.bytes;
    for (std::uint32_t c = 1; c < column && at < bytes.size(); ++c) {
        ++at;
        while (at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0U) == 0x80U) ++at;
    }
    return at;
}

// The innermost scalar holding a span, and the sequence item before it (a `--token` flag).
struct Holder {
    const Node* scalar = nullptr;
    const Node* previous = nullptr;
    std::vector<const Node*> chain;  // the maps and sequences above it, outermost first
};

bool find_holder(const Node& node, Span span, Holder& out, std::vector<const Node*>& chain) {
    if (node.is_scalar()) {
        if (node.span.begin <= span.begin && span.end <= node.span.end) {
            out.scalar = &node;
            out.chain = chain;
            return true;
        }
        return false;
    }
    if (!node.span.empty() && (span.end <= node.span.begin || span.begin >= node.span.end) && node.kind != NodeKind::map) {
        return false;
    }
    chain.push_back(&node);
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (find_holder(node.children[i], span, out, chain)) {
            if (node.is_seq() && i > 0 && out.previous == nullptr && out.scalar == &node.children[i]) {
                out.previous = &node.children[i - 1];
            }
            chain.pop_back();
            return true;
        }
    }
    chain.pop_back();
    return false;
}

// What a fixed value reads in this file, or why there is none.
struct Reference {
    std::string text;            // ${{ secrets.NAME }}
    bool n8n_expression = false; // the value must start with '=' to be evaluated
    std::string manual;          // non-empty: no reference fits, and why
    std::string where;           // where the client sets NAME
};

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
        return ref;
    case Format::mcp_config: {
        const auto* agent = doc.model_as<AgentModel>();
        McpClient client = agent != nullptr ? agent->client : McpClient::unknown;
        ref.text = first_expanding(client, name);
        if (ref.text.empty()) {
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
        ref.manual = "handoff knows no reference syntax for this file: load the key at run time from the environment";
        return ref;
    }
}

// The name a moved key goes by: the variable or flag it was written under when that is a
// secret's name, else the provider's usual name for it.
std::string wanted_name(const Finding& finding, const Holder& holder, Format format) {
    std::string name;
    std::string_view key = holder.scalar != nullptr ? std::string_view(holder.scalar->key) : std::string_view();
    bool specific = finding.rule != "generic-secret" && finding.rule != "url-credentials";
    if (!key.empty() && is_secret_name(key) && (env_style(key) || !specific)) name = env_name(key);
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

struct Edit {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;
};

// The same format, a parse as clean as before, the same tree shape, and every reference in place.
std::string verify(const Document& before, const std::string& path, const std::string& after,
                   const std::vector<std::string>& references) {
    std::unique_ptr<Document> doc = load_document(path, after, ParseLimits{});
    if (doc->format != before.format) return "the edited file would be read as another format";
    if (parse_failed(*doc) && !parse_failed(before)) return "the edited file would not parse";
    if (before.tree.has_value() != doc->tree.has_value()) return "the edited file would not parse";
    if (before.tree && shape(*before.tree) != shape(*doc->tree)) return "the edit would change the file's structure";
    for (const std::string& ref : references) {
        if (after.find(ref) == std::string::npos) return "the reference would not be written as intended";
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
            if (f.family != Family::embedded_token) continue;
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

    void manual(const Finding& f, std::string why) { plan_.manual.push_back({f.location, f.rule, std::move(why)}); }

    // Where the client creates this key: the provider's console, when the rule names one.
    std::string console_of(const Finding& f) const {
        std::string provider = f.rule.substr(0, f.rule.find('-'));
        const ProviderInfo* info = find_provider(scan_.providers, provider);
        if (info == nullptr) return {};
        return std::string(info->name) + ": " + std::string(info->console);
    }

    void plan_file(const std::string& path, const std::vector<const Finding*>& findings) {
        bool ok = false;
        std::string bytes = read_file(root_ + "/" + path, ok);
        if (!ok) {
            for (const Finding* f : findings) manual(*f, "the file could not be read again");
            return;
        }
        std::unique_ptr<Document> doc = load_document(path, bytes, ParseLimits{});
        // A .env is where keys belong; whether git commits it is dotenv-not-ignored's business.
        if (doc->format == Format::dotenv) return;
        if (!doc->tree) {
            for (const Finding* f : findings) manual(*f, "the file does not parse, so no edit can be checked");
            return;
        }
        env_.mark();
        std::map<std::string, std::string> names_before = names_;
        std::size_t notes_before = plan_.notes.size();
        std::vector<Edit> edits;
        std::vector<std::string> references;
        std::vector<const Finding*> planned;
        std::set<const Node*> expression_marked;
        for (const Finding* f : findings) {
            Span span{offset_of(*doc->file, f->location.line, f->location.column),
                      offset_of(*doc->file, f->location.end_line, f->location.end_column)};
            Holder holder;
            std::vector<const Node*> chain;
            if (span.empty() || !find_holder(*doc->tree, span, holder, chain)) {
                manual(*f, "the key is not inside one value of the file");
                continue;
            }
            std::string value = bytes.substr(span.begin, span.size());
            if (value.find('\\') != std::string::npos || value.find('\n') != std::string::npos ||
                f->rule == "private-key") {
                manual(*f, "the key spans lines or escapes: move it to a file outside the repository by hand");
                continue;
            }
            std::string name;
            if (auto it = names_.find(value); it != names_.end()) {
                name = it->second;
            } else {
                std::string wanted = wanted_name(*f, holder, doc->format);
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
            edits.push_back({span.begin, span.end, ref.text});
            if (ref.n8n_expression && !holder.scalar->value.starts_with("=") &&
                expression_marked.insert(holder.scalar).second) {
                std::uint32_t at = holder.scalar->span.begin;
                if (at < bytes.size() && bytes[at] == '"') ++at;
                edits.push_back({at, at, "="});
            }
            references.push_back(ref.text);
            planned.push_back(f);
        }
        if (edits.empty()) {
            env_.rollback();
            return;
        }
        std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
        std::string after = bytes;
        std::uint32_t limit = static_cast<std::uint32_t>(after.size());
        for (const Edit& e : edits) {
            if (e.end > limit) continue;  // overlaps an edit already made (one key found twice)
            after.replace(e.begin, e.end - e.begin, e.text);
            limit = e.begin;
        }
        std::string why = verify(*doc, path, after, references);
        if (!why.empty()) {
            for (const Finding* f : planned) manual(*f, why + "; left as it is");
            env_.rollback();
            names_ = std::move(names_before);
            plan_.notes.resize(notes_before);
            return;
        }
        plan_.keys_moved += planned.size();
        plan_.changes.push_back({path, std::move(bytes), std::move(after), false});
    }
};

} // namespace

FixPlan plan_fixes(const std::string& root_dir, const ScanResult& scan, const FixOptions& options) {
    return Planner(root_dir, scan, options).run();
}

} // namespace handoff
