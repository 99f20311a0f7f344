// GitLab CI: jobs and their scripts, the variables they define and the ones they expect
// from the project's CI/CD settings, Vault secrets, includes, images and triggers, as
// facts; and the pipeline model (model/gitlab.hpp) the GitLab checks read, built once.
#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parsers/loaders/loader.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"
#include "model/gitlab.hpp"
#include "parsers/loaders/provider_guess.hpp"

namespace handoff {

namespace {

// Top-level keys that are settings, not jobs.
constexpr std::array<std::string_view, 13> kGlobalKeys{
    "default", "include", "stages", "variables", "workflow", "image", "services",
    "before_script", "after_script", "cache", "types", "pages:deploy", "spec",
};

bool global_key(std::string_view key) {
    for (std::string_view k : kGlobalKeys) {
        if (k == key) return true;
    }
    return false;
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
                    // !reference [.job, key] names lines written elsewhere, not commands.
                    if (gitlab_reference_tag(doc_.bytes(), line)) continue;
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
        for (const GlVarUse& use : gitlab_variable_uses(line.value)) {
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
            for (const GlVarUse& use : gitlab_variable_uses(node.value)) {
                Span span = span_of_text(doc_.bytes(), node.span, std::string_view(node.value).substr(use.offset, use.length), from);
                if (span != node.span) from = span.end;
                Site site{span, node_path};
                if (gitlab_untrusted_variable(use.name)) doc_.facts.untrusted.push_back({.source = use.name, .holder = owner, .site = site});
                if (gitlab_predefined_variable(use.name) || defined_.count(use.name) != 0 || !is_secret_name(use.name)) continue;
                doc_.facts.secret_refs.push_back({use.name, std::string(store::gitlab_variable), owner, guess_provider(use.name), site});
            }
            return true;
        });
    }
};

// The typed model (model/gitlab.hpp): read once here, for the GitLab checks.
class GitlabModelBuilder {
public:
    GitlabModelBuilder(const Document& doc, GlPipeline& out) : doc_(doc), p_(out) {}

    void build() {
        const Node& root = *doc_.tree;
        p_.root = &root;
        p_.variables = root.find("variables");
        index_variables(p_.variables, p_.variable_index);
        read_includes(root.find("include"));
        if (const Node* wf = root.find("workflow"); wf != nullptr && wf->is_map()) {
            p_.workflow_rules_node = wf->find("rules");
            p_.workflow_rules = gitlab_rules(p_.workflow_rules_node);
        }
        p_.workflow_merge_requests = workflow_creates_merge_request_pipelines(p_);
        // default:, then the deprecated top-level keywords it replaces where it says nothing.
        p_.defaults.name = "default";
        p_.defaults.path = "default";
        if (const Node* def = root.find("default"); def != nullptr && def->is_map()) {
            p_.defaults.node = def;
            read_keywords(*def, p_.defaults);
        }
        fold_top_level(root, "image", p_.defaults.image);
        fold_top_level(root, "services", p_.defaults.services);
        for (std::string_view key : {"before_script", "after_script"}) {
            GlScript& s = key == "before_script" ? p_.defaults.before_script : p_.defaults.after_script;
            if (s.node == nullptr) {
                if (const Node* n = root.find(key); n != nullptr) s = read_script(n, std::string(key));
            }
        }
        read_images(root.find("image"), root.find("services"), "", "");
        if (p_.defaults.node != nullptr) {
            read_images(p_.defaults.node->find("image"), p_.defaults.node->find("services"), "default", "default");
        }
        for (const Node& member : root.children) {
            if (global_key(member.key) || !member.is_map()) continue;
            GlJob job;
            job.node = &member;
            job.name = member.key;
            job.path = child_path("", member.key);
            job.hidden = !member.key.empty() && member.key.front() == '.';
            read_keywords(member, job);
            index_variables(job.variables, job.variable_index);
            if (const Node* ext = GitlabModelBuilder::member(member, "extends"); ext != nullptr) {
                if (ext->is_scalar()) job.extends.push_back(ext->value);
                for (const Node& e : ext->children) {
                    if (e.is_scalar()) job.extends.push_back(e.value);
                }
            }
            read_images(job.image, job.services, job.path, job.name);
            p_.job_index.emplace(job.name, p_.jobs.size());
            p_.jobs.push_back(std::move(job));
        }
    }

private:
    const Document& doc_;
    GlPipeline& p_;
    std::unordered_set<std::uint32_t> image_spans_;

    static void index_variables(const Node* vars, std::unordered_map<std::string_view, const Node*>& index) {
        if (vars == nullptr || !vars->is_map()) return;
        for (const Node& entry : vars->children) index[entry.key] = &entry;
    }

    void fold_top_level(const Node& root, std::string_view key, const Node*& slot) {
        if (slot == nullptr) slot = root.find(key);
    }

    // A member of a job's map, or of the maps it merges with YAML merge keys (<<: *template),
    // which the tree keeps as written: the job's own key wins, then the merged maps in order.
    // The walk is bounded, so merges of merges cannot multiply.
    static const Node* member(const Node& map, std::string_view key) {
        if (const Node* n = map.find(key); n != nullptr) return n;
        int budget = 64;
        std::vector<const Node*> todo;
        auto push_merges = [&](const Node& m) {
            for (auto it = m.children.rbegin(); it != m.children.rend(); ++it) {
                if (it->key != "<<") continue;
                if (it->is_map()) todo.push_back(&*it);
                for (auto item = it->children.rbegin(); it->is_seq() && item != it->children.rend(); ++item) {
                    if (item->is_map()) todo.push_back(&*item);
                }
            }
        };
        push_merges(map);
        while (!todo.empty() && budget-- > 0) {
            const Node* m = todo.back();
            todo.pop_back();
            if (const Node* n = m->find(key); n != nullptr) return n;
            push_merges(*m);
        }
        return nullptr;
    }

    void read_keywords(const Node& map, GlJob& job) {
        job.image = member(map, "image");
        job.services = member(map, "services");
        job.variables = member(map, "variables");
        job.secrets = member(map, "secrets");
        job.id_tokens = member(map, "id_tokens");
        job.rules = member(map, "rules");
        job.only = member(map, "only");
        job.except = member(map, "except");
        job.environment = member(map, "environment");
        job.inherit = member(map, "inherit");
        job.trigger = member(map, "trigger");
        job.artifacts = member(map, "artifacts");
        std::string base = job.path;
        job.before_script = read_script(member(map, "before_script"), child_path(base, "before_script"));
        job.script = read_script(member(map, "script"), child_path(base, "script"));
        job.after_script = read_script(member(map, "after_script"), child_path(base, "after_script"));
    }

    bool is_reference(const Node& seq) const { return gitlab_reference_tag(doc_.bytes(), seq); }

    GlScript read_script(const Node* node, const std::string& path) {
        GlScript s;
        s.node = node;
        s.path = path;
        if (node != nullptr) flatten(*node, path, s, 0);
        return s;
    }

    void flatten(const Node& node, const std::string& path, GlScript& s, int depth) {
        if (node.is_scalar()) {
            s.lines.push_back({&node, path});
            return;
        }
        if (!node.is_seq() || depth > 8) return;
        if (depth > 0 && is_reference(node)) {
            if (node.children.size() >= 2 && node.children[0].is_scalar() && node.children[1].is_scalar()) {
                s.references.push_back({node.children[0].value, node.children[1].value});
            }
            return;
        }
        for (std::size_t i = 0; i < node.children.size(); ++i) flatten(node.children[i], index_path(path, i), s, depth + 1);
    }

    void add_image(const Node* entry, const std::string& path, const std::string& owner, bool service) {
        if (entry == nullptr) return;
        const Node* name = entry->is_map() ? entry->find("name") : entry;
        if (name == nullptr || !name->is_scalar() || name->value.empty()) return;
        // An image merged into many jobs (<<: *template) is written once: listed once.
        if (!image_spans_.insert(name->span.begin).second) return;
        p_.images.push_back({name, entry->is_map() ? child_path(path, "name") : path, owner, service});
    }

    void read_images(const Node* image, const Node* services, const std::string& base, const std::string& owner) {
        add_image(image, child_path(base, "image"), owner, false);
        if (services != nullptr && services->is_seq()) {
            std::string path = child_path(base, "services");
            for (std::size_t i = 0; i < services->children.size(); ++i) {
                add_image(&services->children[i], index_path(path, i), owner, true);
            }
        }
    }

    void read_include(const Node& item, const std::string& path) {
        GlInclude inc;
        inc.node = &item;
        inc.path = path;
        if (item.is_scalar()) {
            inc.target = &item;
            bool url = item.value.rfind("http://", 0) == 0 || item.value.rfind("https://", 0) == 0;
            inc.kind = url ? GlIncludeKind::remote : GlIncludeKind::local;
        } else if (item.is_map()) {
            static constexpr std::array<std::pair<std::string_view, GlIncludeKind>, 5> kKinds{{
                {"remote", GlIncludeKind::remote},
                {"project", GlIncludeKind::project},
                {"component", GlIncludeKind::component},
                {"template", GlIncludeKind::template_file},
                {"local", GlIncludeKind::local},
            }};
            for (const auto& [key, kind] : kKinds) {
                if (const Node* t = item.find(key); t != nullptr && t->is_scalar()) {
                    inc.kind = kind;
                    inc.target = t;
                    break;
                }
            }
            if (const Node* r = item.find("ref"); r != nullptr && r->is_scalar()) inc.ref = r;
            if (const Node* i = item.find("integrity"); i != nullptr && i->is_scalar()) inc.integrity = i;
        } else {
            return;
        }
        p_.includes.push_back(std::move(inc));
    }

    void read_includes(const Node* inc) {
        if (inc == nullptr) return;
        if (inc->is_seq()) {
            for (std::size_t i = 0; i < inc->children.size(); ++i) read_include(inc->children[i], index_path("include", i));
        } else {
            read_include(*inc, "include");
        }
    }
};

} // namespace

void load_gitlab_ci(Document& doc) {
    if (!doc.tree || !doc.tree->is_map()) return;
    GitlabLoader(doc).load();
    auto pipeline = std::make_unique<GlPipeline>();
    GitlabModelBuilder(doc, *pipeline).build();
    doc.model = std::move(pipeline);
}

} // namespace handoff
