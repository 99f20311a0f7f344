// GitHub Actions workflows and action.yml: secrets and variables read by expressions,
// workflow_call secret declarations, triggers, token permissions, run: steps and the
// attacker-controlled contexts every expression reads. Builds the workflow model
// (model/ci.hpp) once, with every value's `${{ }}` expressions parsed, and stores it in
// Document::model for the GitHub checks.
#include <algorithm>
#include <map>
#include <memory>

#include "parsers/loaders/github_expressions.hpp"
#include "parsers/loaders/github_model.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/provider_guess.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"

namespace handoff {

namespace {

// The job a node path belongs to: jobs.<id>...; workflow-level nodes belong to nobody.
std::string owner_of(const NodePath& path, bool is_action) {
    if (is_action) return "action";
    const auto& steps = path.steps();
    if (steps.size() >= 2) {
        const auto* first = std::get_if<std::string_view>(&steps[0]);
        const auto* second = std::get_if<std::string_view>(&steps[1]);
        if (first != nullptr && second != nullptr && *first == "jobs") return std::string(*second);
    }
    return {};
}

bool is_secret_read(const ContextRead& read) {
    return context_starts_with(read.path, "secrets") && !read.computed_index &&
           std::count(read.path.begin(), read.path.end(), '.') == 1 && read.path != "secrets.github_token";
}

bool is_variable_read(const ContextRead& read) {
    return context_starts_with(read.path, "vars") && !read.computed_index &&
           std::count(read.path.begin(), read.path.end(), '.') == 1;
}

class GithubLoader {
public:
    explicit GithubLoader(Document& doc)
        : doc_(doc), wf_(read_github_workflow(*doc.tree, doc.format == Format::github_action)) {}

    void load() {
        read_expressions();
        read_declarations();
        read_triggers();
        read_grants();
        read_steps();
        read_output_taint();
        doc_.model = std::make_unique<GhWorkflow>(std::move(wf_));
    }

private:
    Document& doc_;
    GhWorkflow wf_;

    // A value that carries a credential: a secret, or the workflow's own token.
    bool reads_credential(const Node& scalar) const {
        const GhExpressions* exprs = wf_.expressions_of(&scalar);
        if (exprs == nullptr || exprs->bare) return false;
        for (const GhExpression& e : exprs->list) {
            for (const ContextRead& r : e.reads) {
                if (context_starts_with(r.path, "secrets") || r.path == "github.token") return true;
            }
        }
        return false;
    }

    // Parses the scalar's expressions once, into the model.
    const GhExpressions& parse(const Node& scalar, std::string node_path) {
        std::string_view value = scalar.value;
        GhExpressions out{&scalar, std::move(node_path), false, {}};
        std::vector<Expression> exprs;
        if (scalar.key == "if" && value.find("${{") == std::string_view::npos) {
            Expression e = parse_expression_body(value);
            e.begin = 0;
            e.end = value.size();
            exprs.push_back(std::move(e));
            out.bare = true;
        } else {
            exprs = find_expressions(value);
        }
        std::uint32_t from = scalar.span.begin;
        for (Expression& e : exprs) {
            Span span = span_of_text(doc_.bytes(), scalar.span, value.substr(e.begin, e.end - e.begin), from);
            if (span != scalar.span) from = span.end;
            out.list.push_back({e.begin, e.end, span, std::string(e.body), std::move(e.reads), std::move(e.functions)});
        }
        wf_.expression_index.emplace(&scalar, wf_.expressions.size());
        wf_.expressions.push_back(std::move(out));
        return wf_.expressions.back();
    }

    void add_reads(const Node& scalar, const std::string& node_path, const std::string& owner) {
        const GhExpressions& exprs = parse(scalar, node_path);
        for (const GhExpression& e : exprs.list) {
            Site site{e.span, node_path};
            for (const ContextRead& r : e.reads) {
                if (is_secret_read(r)) {
                    doc_.facts.secret_refs.push_back({r.last_name, std::string(store::github_secret), owner, guess_provider(r.last_name), site});
                } else if (is_variable_read(r)) {
                    doc_.facts.secret_refs.push_back({r.last_name, std::string(store::github_variable), owner, {}, site});
                } else if (r.path == "secrets" || (context_starts_with(r.path, "secrets") && r.computed_index)) {
                    // toJSON(secrets), secrets[name]: every secret of the repository is in reach.
                    doc_.facts.grants.push_back({owner, "secrets:all", "*", site});
                }
                if (context_taint(r.path) != Taint::none && !yields_boolean(e.body)) {
                    doc_.facts.untrusted.push_back({.source = r.path, .holder = owner, .site = site});
                }
            }
        }
    }

    void read_expressions() {
        bool is_action = wf_.is_action;
        walk(*doc_.tree, [&](const Node& node, const NodePath& path) {
            if (node.is_string() && node.value.find("${{") != std::string::npos) {
                add_reads(node, path.str(), owner_of(path, is_action));
            } else if (node.is_string() && node.key == "if") {
                add_reads(node, path.str(), owner_of(path, is_action));
            }
            return true;
        });
    }

    void read_declarations() {
        if (wf_.call_secrets == nullptr) return;
        std::string base = "on.workflow_call.secrets";
        for (const Node& s : wf_.call_secrets->children) {
            SecretDecl decl;
            decl.name = s.key;
            decl.store = store::github_secret;
            const Node* required = s.find("required");
            decl.required = required != nullptr && required->is_scalar() && required->value == "true";
            decl.site = {s.key_span, child_path(base, s.key)};
            doc_.facts.secret_decls.push_back(std::move(decl));
        }
    }

    void read_triggers() {
        for (const GhTrigger& t : wf_.triggers) {
            Endpoint ep;
            ep.direction = Endpoint::Direction::inbound;
            bool remote = t.event == "repository_dispatch" || t.event == "workflow_dispatch";
            ep.kind = remote ? "remote-trigger" : "ci-trigger";
            ep.owner = t.event;
            ep.auth = "github";
            ep.active = true;
            Span where = t.node->key.empty() ? t.node->span : t.node->key_span;
            ep.site = {where, t.node->key.empty() ? std::string("on") : child_path("on", t.event)};
            doc_.facts.endpoints.push_back(std::move(ep));
        }
    }

    void read_grants() {
        for (const GhJob& job : wf_.jobs) {
            if (wf_.is_action) break;
            const Node* perms = effective_permissions(wf_, job);
            std::string where = job.permissions != nullptr ? child_path(job.path, "permissions") : "permissions";
            if (perms == nullptr) {
                doc_.facts.grants.push_back({job.id, "token:default", "repository", {job.node->key_span, job.path}});
            }
            for (const GhScope& s : permission_scopes(perms)) {
                if (s.level == "none") continue;
                std::string path = s.scope == "all" ? where : child_path(where, s.node->key);
                doc_.facts.grants.push_back({job.id, s.level + ":" + s.scope, "repository", {s.node->span, path}});
            }
            if (job.secrets != nullptr && job.secrets->is_scalar() && job.secrets->value == "inherit") {
                doc_.facts.grants.push_back(
                    {job.id, "secrets:inherit", "*", {job.secrets->span, child_path(job.path, "secrets")}});
            }
        }
    }

    // Variables of the step's environment whose values carry a credential.
    std::vector<std::string> secret_vars(const GhJob& job, const GhStep& step) const {
        std::vector<std::string> out;
        for (const Node* var : env_in_scope(wf_, job, &step)) {
            if (var->is_scalar() && reads_credential(*var)) out.push_back(var->key);
        }
        return out;
    }

    // ${{ env.X }} where X was set from an attacker-controlled context carries that taint.
    void read_env_taint(const GhJob& job, const GhStep& step, const Node& scalar, const std::string& path) {
        const GhExpressions* exprs = wf_.expressions_of(&scalar);
        if (exprs == nullptr || exprs->bare) return;
        std::vector<const Node*> env = env_in_scope(wf_, job, &step);
        for (const GhExpression& e : exprs->list) {
            Span span = e.span;
            for (const ContextRead& r : e.reads) {
                if (!context_starts_with(r.path, "env") || r.path.size() <= 4) continue;
                // Innermost definition wins: search from the step outwards.
                auto it = std::find_if(env.rbegin(), env.rend(), [&](const Node* v) { return v->key == r.last_name; });
                if (it == env.rend() || !(*it)->is_scalar()) continue;
                const GhExpressions* inner_exprs = wf_.expressions_of(*it);
                if (inner_exprs == nullptr || inner_exprs->bare) continue;
                for (const GhExpression& inner : inner_exprs->list) {
                    for (const ContextRead& source : inner.reads) {
                        if (context_taint(source.path) == Taint::none) continue;
                        doc_.facts.untrusted.push_back({.source = source.path, .holder = job.id, .site = {span, path}, .via = "env." + r.last_name});
                    }
                }
            }
        }
    }

    // Outputs carry the taint of what their step read: a step that reads an attacker-controlled
    // context (in its run:, script:, with: or env:) and writes $GITHUB_OUTPUT (or is
    // actions/github-script, whose result is an output) taints `steps.<id>.outputs.*` in its
    // job, and job outputs set from them taint `needs.<job>.outputs.*` in the jobs after it.
    void read_output_taint() {
        std::map<std::string, std::string> job_outputs;  // "needs.<job>.outputs.<name>" -> source
        for (const GhJob& job : wf_.jobs) {
            std::map<std::string, std::string> step_outputs;  // "steps.<id>" -> source
            for (const GhStep& step : job.steps) {
                if (step.id.empty()) continue;
                bool writes = (step.run != nullptr && contains(step.run->value, "GITHUB_OUTPUT")) ||
                              uses_slug(parse_uses(step.uses_text())) == "actions/github-script";
                if (!writes) continue;
                std::string prefix = step.path + ".";
                for (const Untrusted& u : doc_.facts.untrusted) {
                    if (u.site.node_path.starts_with(prefix) && context_taint(u.source) == Taint::outsider) {
                        step_outputs.emplace("steps." + lower(step.id), u.source);
                        break;
                    }
                }
            }
            taint_reads(job, step_outputs, 2);
            if (const Node* outputs = job.node->find("outputs"); outputs != nullptr && outputs->is_map()) {
                for (const Node& o : outputs->children) {
                    const GhExpressions* exprs = o.is_scalar() ? wf_.expressions_of(&o) : nullptr;
                    if (exprs == nullptr) continue;
                    for (const GhExpression& e : exprs->list) {
                        for (const ContextRead& r : e.reads) {
                            auto it = step_outputs.find(prefix_of(r.path, 2));
                            if (it != step_outputs.end()) {
                                job_outputs.emplace("needs." + lower(job.id) + ".outputs." + lower(o.key), it->second);
                            }
                        }
                    }
                }
            }
        }
        if (job_outputs.empty()) return;
        for (const GhJob& job : wf_.jobs) taint_reads(job, job_outputs, 4);
    }

    // The first `parts` dot-separated members of a context path ("steps.x" of
    // "steps.x.outputs.y"); empty when it has fewer.
    static std::string prefix_of(std::string_view path, int parts) {
        std::size_t end = 0;
        for (int i = 0; i < parts; ++i) {
            end = path.find('.', i == 0 ? 0 : end + 1);
            if (end == std::string_view::npos) return i + 1 == parts ? std::string(path) : std::string();
        }
        return std::string(path.substr(0, end));
    }

    // Every expression of the job reading a tainted output becomes an untrusted input.
    void taint_reads(const GhJob& job, const std::map<std::string, std::string>& tainted, int parts) {
        if (tainted.empty()) return;
        std::string prefix = job.path + ".";
        for (const GhExpressions& exprs : wf_.expressions) {
            if (!exprs.node_path.starts_with(prefix)) continue;
            for (const GhExpression& e : exprs.list) {
                for (const ContextRead& r : e.reads) {
                    auto it = tainted.find(prefix_of(r.path, parts));
                    if (it == tainted.end()) continue;
                    doc_.facts.untrusted.push_back(
                        {.source = it->second, .holder = job.id, .site = {e.span, exprs.node_path}, .via = r.path});
                }
            }
        }
    }

    void read_steps() {
        for (const GhJob& job : wf_.jobs) {
            std::string holder = wf_.is_action ? "action" : job.id;
            for (const GhStep& step : job.steps) {
                if (step.run != nullptr) {
                    Exec exec;
                    exec.holder = holder;
                    exec.command = step.run->value;
                    exec.site = {step.run->span, child_path(step.path, "run")};
                    exec.kind = std::string(exec_kind::github_run);
                    exec.shell = step.shell;
                    exec.secret_vars = secret_vars(job, step);
                    doc_.facts.execs.push_back(std::move(exec));
                    read_env_taint(job, step, *step.run, child_path(step.path, "run"));
                }
                if (step.with != nullptr) {
                    for (const Node& input : step.with->children) {
                        if (input.is_string()) read_env_taint(job, step, input, child_path(child_path(step.path, "with"), input.key));
                    }
                }
            }
        }
    }
};

} // namespace

void load_github_actions(Document& doc) {
    if (!doc.tree) return;
    if (!doc.tree->is_map()) {
        doc.model = std::make_unique<GhWorkflow>(read_github_workflow(*doc.tree, doc.format == Format::github_action));
        return;
    }
    GithubLoader(doc).load();
}

} // namespace handoff
