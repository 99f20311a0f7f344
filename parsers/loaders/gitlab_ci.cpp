// GitLab CI: jobs and their scripts, the variables they define and the ones they expect
// from the project's CI/CD settings, Vault secrets, includes, images and triggers.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "parsers/loaders/loader.hpp"
#include "core/secret_names.hpp"
#include "core/vocabulary.hpp"
#include "parsers/loaders/provider_guess.hpp"

namespace handoff {

namespace {

// Top-level keys that are settings, not jobs.
constexpr std::array<std::string_view, 12> kGlobalKeys{
    "default", "include", "stages", "variables", "workflow", "image", "services",
    "before_script", "after_script", "cache", "types", "pages:deploy",
};

// Predefined variables whose text a merge request author or pusher chooses.
constexpr std::array<std::string_view, 8> kUntrustedVariables{
    "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION", "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE",
    "CI_COMMIT_DESCRIPTION", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
};

bool global_key(std::string_view key) {
    for (std::string_view k : kGlobalKeys) {
        if (k == key) return true;
    }
    return false;
}

// Predefined by GitLab or the runner's shell: never something the client creates.
bool predefined(std::string_view name) {
    return name.rfind("CI_", 0) == 0 || name.rfind("GITLAB_", 0) == 0 || name.rfind("RUNNER_", 0) == 0 ||
           name.rfind("FF_", 0) == 0 || name == "HOME" || name == "PATH" || name == "PWD" || name == "USER";
}

bool var_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool var_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

struct VarUse {
    std::string name;
    std::size_t offset;  // of the '$' or '%' in the text
    std::size_t length;
};

// $NAME, ${NAME}, $env:NAME and %NAME% references in a script or value.
std::vector<VarUse> variable_uses(std::string_view text) {
    std::vector<VarUse> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '$' && i + 1 < text.size()) {
            std::size_t j = i + 1;
            bool brace = text[j] == '{';
            if (brace) ++j;
            if (text.substr(j, 4) == "env:") j += 4;
            if (j >= text.size() || !var_start(text[j])) continue;
            std::size_t k = j;
            while (k < text.size() && var_char(text[k])) ++k;
            std::size_t end = brace && k < text.size() && text[k] == '}' ? k + 1 : k;
            out.push_back({std::string(text.substr(j, k - j)), i, end - i});
            i = end - 1;
        } else if (c == '%' && i + 1 < text.size() && var_start(text[i + 1])) {
            std::size_t k = i + 1;
            while (k < text.size() && var_char(text[k])) ++k;
            if (k < text.size() && text[k] == '%') {
                out.push_back({std::string(text.substr(i + 1, k - i - 1)), i, k + 1 - i});
                i = k;
            }
        }
    }
    return out;
}

class GitlabLoader {
public:
    explicit GitlabLoader(Document& doc) : doc_(doc), root_(*doc.tree) {}

    void load() {
        collect_defined(root_.find("variables"));
        for (const Node& job : root_.children) {
            if (!global_key(job.key) && job.is_map()) collect_defined(job.find("variables"));
        }
        read_declarations(root_.find("variables"), "variables", "");
        read_includes();
        for (const std::string_view key : {"before_script", "after_script"}) {
            read_script(root_.find(key), std::string(key), "default");
        }
        if (const Node* def = root_.find("default"); def != nullptr && def->is_map()) {
            for (const std::string_view key : {"before_script", "after_script"}) {
                read_script(def->find(key), child_path(child_path("", "default"), key), "default");
            }
        }
        for (const Node& job : root_.children) {
            if (global_key(job.key) || !job.is_map()) continue;
            read_job(job);
        }
        read_references();
    }

private:
    Document& doc_;
    const Node& root_;
    std::set<std::string> defined_;

    void collect_defined(const Node* vars) {
        if (vars == nullptr || !vars->is_map()) return;
        // Only a value written in the file defines a variable; an empty default is
        // documentation, and the real value comes from the CI/CD settings.
        for (const Node& v : vars->children) {
            const Node* value = v.is_map() ? v.find("value") : &v;
            if (value != nullptr && value->is_scalar() && !value->value.empty()) defined_.insert(v.key);
        }
    }

    // Credential-named variables written in the file: documented, maybe with a default.
    void read_declarations(const Node* vars, const std::string& path, const std::string& /*owner*/) {
        if (vars == nullptr || !vars->is_map()) return;
        for (const Node& v : vars->children) {
            if (!is_secret_name(v.key)) continue;
            const Node* value = v.is_map() ? v.find("value") : &v;
            SecretDecl decl;
            decl.name = v.key;
            decl.store = store::gitlab_variable;
            decl.has_value = value != nullptr && value->is_scalar() && !value->value.empty() &&
                             value->value.find('$') == std::string::npos;
            decl.site = {v.key_span, child_path(path, v.key)};
            doc_.facts.secret_decls.push_back(std::move(decl));
        }
    }

    void read_includes() {
        const Node* inc = root_.find("include");
        if (inc == nullptr) return;
        auto one = [&](const Node& item, const std::string& path) {
            Endpoint ep;
            ep.direction = Endpoint::Direction::outbound;
            ep.kind = std::string(endpoint_kind::ci_include);
            ep.owner = "include";
            ep.site = {item.span, path};
            if (item.is_scalar()) {
                ep.url = item.value;
            } else if (item.is_map()) {
                if (!item.text("remote").empty()) ep.url = std::string(item.text("remote"));
                else if (!item.text("project").empty()) {
                    ep.url = "project:" + std::string(item.text("project"));
                    ep.auth = item.text("ref").empty() ? "unpinned" : "ref:" + std::string(item.text("ref"));
                } else if (!item.text("template").empty()) ep.url = "template:" + std::string(item.text("template"));
                else if (!item.text("component").empty()) ep.url = "component:" + std::string(item.text("component"));
                else return;
            } else {
                return;
            }
            doc_.facts.endpoints.push_back(std::move(ep));
        };
        if (inc->is_seq()) {
            for (std::size_t i = 0; i < inc->children.size(); ++i) one(inc->children[i], index_path("include", i));
        } else {
            one(*inc, "include");
        }
    }

    void read_script(const Node* script, const std::string& path, const std::string& holder) {
        if (script == nullptr) return;
        if (script->is_scalar()) {
            add_exec(*script, path, holder);
        } else if (script->is_seq()) {
            for (std::size_t i = 0; i < script->children.size(); ++i) {
                const Node& line = script->children[i];
                if (line.is_seq()) {
                    read_script(&line, index_path(path, i), holder);
                } else if (line.is_scalar()) {
                    add_exec(line, index_path(path, i), holder);
                }
            }
        }
    }

    void add_exec(const Node& line, const std::string& path, const std::string& holder) {
        Exec exec;
        exec.holder = holder;
        exec.command = line.value;
        exec.site = {line.span, path};
        exec.kind = std::string(exec_kind::gitlab_script);
        std::set<std::string> seen;
        for (const VarUse& use : variable_uses(line.value)) {
            if (is_secret_name(use.name) && seen.insert(use.name).second) exec.secret_vars.push_back(use.name);
        }
        doc_.facts.execs.push_back(std::move(exec));
    }

    void read_job(const Node& job) {
        std::string path = child_path("", job.key);
        read_declarations(job.find("variables"), child_path(path, "variables"), job.key);
        std::size_t first = doc_.facts.execs.size();
        for (const std::string_view key : {"before_script", "script", "after_script"}) {
            read_script(job.find(key), child_path(path, key), job.key);
        }
        // Script lines share one shell: a secret used on one line is in scope on all.
        std::vector<std::string> in_scope;
        for (std::size_t i = first; i < doc_.facts.execs.size(); ++i) {
            for (const std::string& v : doc_.facts.execs[i].secret_vars) {
                if (std::find(in_scope.begin(), in_scope.end(), v) == in_scope.end()) in_scope.push_back(v);
            }
        }
        for (std::size_t i = first; i < doc_.facts.execs.size(); ++i) doc_.facts.execs[i].secret_vars = in_scope;
        // secrets: NAME: {vault: ..., file: false}: fetched from HashiCorp Vault (or another provider).
        if (const Node* secrets = job.find("secrets"); secrets != nullptr && secrets->is_map()) {
            for (const Node& s : secrets->children) {
                std::string_view from = s.find("vault") != nullptr ? store::gitlab_vault_secret : store::gitlab_external_secret;
                doc_.facts.secret_refs.push_back(
                    {s.key, std::string(from), job.key, guess_provider(s.key), {s.key_span, child_path(child_path(path, "secrets"), s.key)}});
            }
        }
        if (const Node* trigger = job.find("trigger"); trigger != nullptr) {
            Endpoint ep;
            ep.direction = Endpoint::Direction::outbound;
            ep.kind = "pipeline-trigger";
            ep.owner = job.key;
            ep.url = trigger->is_scalar() ? trigger->value : std::string(trigger->text("project"));
            ep.auth = "ci-job-token";
            ep.site = {trigger->span, child_path(path, "trigger")};
            doc_.facts.endpoints.push_back(std::move(ep));
        }
    }

    // Every $VAR the file reads that it does not define is set in the project's CI/CD
    // settings (or is predefined); credential-named ones are secrets the client must create.
    void read_references() {
        walk(root_, [&](const Node& node, const NodePath& path) {
            if (!node.is_string() || node.value.find_first_of("$%") == std::string::npos) return true;
            std::string owner;
            if (path.depth() >= 1) {
                if (const auto* first = std::get_if<std::string_view>(&path.steps()[0]); first != nullptr && !global_key(*first)) {
                    owner = std::string(*first);
                }
            }
            std::string node_path = path.str();
            std::uint32_t from = node.span.begin;
            for (const VarUse& use : variable_uses(node.value)) {
                Span span = span_of_text(doc_.bytes(), node.span, std::string_view(node.value).substr(use.offset, use.length), from);
                if (span != node.span) from = span.end;
                Site site{span, node_path};
                for (std::string_view u : kUntrustedVariables) {
                    if (use.name == u) doc_.facts.untrusted.push_back({.source = use.name, .holder = owner, .site = site});
                }
                if (predefined(use.name) || defined_.count(use.name) != 0 || !is_secret_name(use.name)) continue;
                doc_.facts.secret_refs.push_back({use.name, std::string(store::gitlab_variable), owner, guess_provider(use.name), site});
            }
            return true;
        });
    }
};

} // namespace

void load_gitlab_ci(Document& doc) {
    if (!doc.tree || !doc.tree->is_map()) return;
    GitlabLoader(doc).load();
}

} // namespace handoff
