// gitlab-mr-fork-secrets: a job that runs in merge request pipelines (rules: on
// merge_request_event, only: [merge_requests], or no rule of its own under workflow:rules
// that create them) and reads credential-named CI/CD variables, Vault secrets: or
// id_tokens:. A merge request pipeline runs the merge request's code, and a fork's merge
// request can run in this project when a maintainer starts its pipeline there.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "checks/registry.hpp"
#include "checks/support/ai_agents.hpp"
#include "checks/support/gitlab.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-mr-fork-secrets",
    "GitLab merge request pipeline job with secrets",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::medium,
    "A merge request pipeline runs the merge request's code, .gitlab-ci.yml included. GitLab keeps "
    "protected variables out of it, so a secret this job needs there must be unprotected: readable by "
    "every merge request pipeline in this project, and by a fork's changes whenever a maintainer runs "
    "the fork's pipeline in the parent project. OIDC and Vault tokens issued to the job prove only "
    "that it runs in this project unless the role checks the ref.",
    "Move jobs that need secrets to pipelines of protected branches or tags and keep those variables "
    "protected; in Settings > CI/CD > Variables check which credentials are unprotected; review a "
    "fork's changes (including .gitlab-ci.yml) before running its pipeline in the parent project; bind "
    "cloud and Vault roles to ref_protected:true or the default branch.",
};

// Names the file sets to a literal value: configuration, not a secret from the settings.
std::unordered_set<std::string> literal_names(const GlPipeline& p) {
    std::unordered_set<std::string> out;
    auto add = [&](const Node* vars) {
        if (vars == nullptr || !vars->is_map()) return;
        for (const Node& e : vars->children) {
            const Node* v = gitlab_variable_value(e);
            if (v != nullptr && v->is_scalar() && !v->value.empty() && v->value.find('$') == std::string::npos) out.insert(e.key);
        }
    };
    add(p.variables);
    for (const GlJob& j : p.jobs) add(j.variables);
    return out;
}

// A rule that keeps fork merge requests out: it compares the source project with this one.
bool same_project_guard(const Node* rules) {
    for (const GlRule& r : gitlab_rules(rules)) {
        if (r.condition == nullptr) continue;
        std::string_view c = r.condition->value;
        if (contains(c, "CI_MERGE_REQUEST_SOURCE_PROJECT_") && contains(c, "CI_PROJECT_")) return true;
    }
    return false;
}

class GitlabMrForkSecrets final : public SingleRuleCheck {
public:
    GitlabMrForkSecrets() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr || same_project_guard(p->workflow_rules_node)) return;
        std::unordered_set<std::string> literal = literal_names(*p);
        ScriptSecrets cache;
        for (const GlJob& job : p->jobs) {
            if (job.hidden || job.trigger != nullptr) continue;
            GlMrRun run = runs_in_merge_requests(*p, job);
            if (run == GlMrRun::no || same_project_guard(p->effective(job, "rules"))) continue;
            std::vector<const GlScript*> scripts = p->effective_scripts(job);
            bool runs_code = std::any_of(scripts.begin(), scripts.end(), [](const GlScript* s) { return !s->lines.empty(); });
            if (!runs_code) continue;
            std::vector<std::string> secrets = variables_read(job, scripts, literal, cache);
            std::vector<std::string> tokens;
            if (const Node* s = p->effective(job, "secrets"); s != nullptr && s->is_map()) {
                for (const Node& e : s->children) {
                    if (tokens.size() >= 4) break;
                    tokens.push_back(e.key + " (secrets:)");
                }
            }
            if (const Node* t = p->effective(job, "id_tokens"); t != nullptr && t->is_map()) {
                for (const Node& e : t->children) {
                    if (tokens.size() >= 8) break;
                    tokens.push_back(e.key + " (id_tokens:)");
                }
            }
            if (secrets.empty() && tokens.empty()) continue;
            std::vector<std::string> all = secrets;
            all.insert(all.end(), tokens.begin(), tokens.end());
            std::string list;
            for (std::size_t i = 0; i < all.size() && i < 3; ++i) list += (i == 0 ? "" : ", ") + all[i];
            if (all.size() > 3) list += " and more";
            Hit hit;
            hit.span = job.node->key_span;
            hit.node_path = job.path;
            hit.message = "job " + job.name + " runs the merge request's code in merge request pipelines" +
                          (run == GlMrRun::by_workflow ? " (workflow:rules create them and the job does not opt out)" : "") +
                          " and reads " + list +
                          (secrets.empty() ? "" : "; such a variable must be unprotected for this job, so every merge request pipeline can read it") +
                          (tokens.empty() ? "" : "; check that the Vault or cloud role trusts only protected refs");
            // An AI agent reading the merge request can be steered by its text (prompt
            // injection), which reviewers read less carefully than code.
            if (std::string_view agent = agent_in(scripts); !agent.empty()) {
                hit.message += "; it runs " + std::string(agent) +
                               " on the merge request, whose title, description and diff can steer it";
            }
            if (run == GlMrRun::by_workflow) hit.confidence = Confidence::low;
            sink.report(doc, kRule, std::move(hit));
        }
    }

private:
    using ScriptSecrets = std::unordered_map<const GlScript*, std::vector<std::string>>;

    static std::string_view agent_in(const std::vector<const GlScript*>& scripts) {
        for (const GlScript* s : scripts) {
            for (const GlLine& line : s->lines) {
                if (std::string_view agent = agent_of_command(line.node->value); !agent.empty()) return agent;
            }
        }
        return {};
    }

    // Credential-named variables a text reads that the file does not set itself and GitLab
    // does not predefine, in order, each once.
    static void secrets_in(std::string_view text, const std::unordered_set<std::string>& literal, std::vector<std::string>& out,
                           std::unordered_set<std::string>& seen) {
        for (const GlVarUse& use : gitlab_variable_uses(text)) {
            if (gitlab_predefined_variable(use.name) || !is_secret_name(use.name) || literal.count(use.name) != 0) continue;
            if (seen.insert(use.name).second) out.push_back(use.name);
        }
    }

    // What the job's scripts and its variables: values read. Each script is read once
    // however many jobs share it (default:, extends:), and a job lists at most a few names.
    static std::vector<std::string> variables_read(const GlJob& job, const std::vector<const GlScript*>& scripts,
                                                   const std::unordered_set<std::string>& literal, ScriptSecrets& cache) {
        constexpr std::size_t kEnough = 4;
        std::vector<std::string> out;
        std::unordered_set<std::string> seen;
        for (const GlScript* s : scripts) {
            auto [it, fresh] = cache.try_emplace(s);
            if (fresh) {
                std::unordered_set<std::string> once;
                for (const GlLine& line : s->lines) secrets_in(line.node->value, literal, it->second, once);
            }
            for (const std::string& name : it->second) {
                if (out.size() >= kEnough) return out;
                if (seen.insert(name).second) out.push_back(name);
            }
        }
        if (job.variables != nullptr && job.variables->is_map()) {
            for (const Node& e : job.variables->children) {
                if (out.size() >= kEnough) break;
                if (const Node* v = gitlab_variable_value(e); v != nullptr && v->is_scalar()) secrets_in(v->value, literal, out, seen);
            }
        }
        if (out.size() > kEnough) out.resize(kEnough);
        return out;
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_mr_fork_secrets() { return std::make_unique<GitlabMrForkSecrets>(); }

} // namespace handoff
