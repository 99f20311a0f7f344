#include "checks/support/gitlab.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"

namespace handoff {

const GlPipeline* gitlab_view(const Document& doc) { return doc.model_as<GlPipeline>(); }

namespace {

// The literal value the variables: map gives name, or nullptr.
const Node* literal_in(const Node* vars, std::string_view name) {
    if (vars == nullptr || !vars->is_map()) return nullptr;
    const Node* found = nullptr;
    for (const Node& entry : vars->children) {
        if (entry.key != name) continue;
        const Node* value = gitlab_variable_value(entry);
        if (value != nullptr && value->is_scalar()) found = value;  // the last one wins, as in YAML
    }
    return found;
}

const Node* lookup(const GlPipeline& p, const GlJob* job, std::string_view name) {
    if (job != nullptr) {
        // The job's own variables, then those of the jobs it extends (GitLab merges them,
        // the job and later extends: entries winning), bounded as GitLab bounds extends:.
        std::vector<const GlJob*> todo{job};
        std::vector<const GlJob*> seen;
        while (!todo.empty() && seen.size() < 12) {
            const GlJob* j = todo.back();
            todo.pop_back();
            if (std::find(seen.begin(), seen.end(), j) != seen.end()) continue;
            seen.push_back(j);
            if (const Node* v = literal_in(j->variables, name); v != nullptr) return v;
            for (const std::string& parent : j->extends) {
                if (const GlJob* pj = p.job(parent); pj != nullptr) todo.push_back(pj);
            }
        }
        if (!p.inherits_global_variables(*job)) return nullptr;
    }
    return literal_in(p.variables, name);
}

} // namespace

std::string expand_file_variables(const GlPipeline& pipeline, const GlJob* job, std::string_view text, bool& unresolved) {
    std::string out;
    std::size_t last = 0;
    for (const GlVarUse& use : gitlab_variable_uses(text)) {
        if (text[use.offset] != '$') continue;
        out.append(text.substr(last, use.offset - last));
        const Node* value = lookup(pipeline, job, use.name);
        if (value != nullptr && value->value.find('$') == std::string::npos) {
            out += value->value;
        } else {
            out.append(text.substr(use.offset, use.length));
            unresolved = true;
        }
        last = use.offset + use.length;
    }
    out.append(text.substr(last));
    return out;
}

bool gitlab_instance_target(std::string_view url) {
    static constexpr std::string_view kInstance[] = {
        "$CI_SERVER_URL", "${CI_SERVER_URL}", "$CI_API_V4_URL", "${CI_API_V4_URL}", "$CI_SERVER_HOST",
        "${CI_SERVER_HOST}", "$CI_SERVER_FQDN", "${CI_SERVER_FQDN}", "$CI_REGISTRY", "${CI_REGISTRY",
        "$CI_PROJECT_URL", "${CI_PROJECT_URL}", "$CI_REPOSITORY_URL", "${CI_REPOSITORY_URL}", "$CI_API_GRAPHQL_URL",
        "${CI_API_GRAPHQL_URL}", "$CI_DEPENDENCY_PROXY", "${CI_DEPENDENCY_PROXY", "$CI_PAGES_URL", "${CI_PAGES_URL}",
    };
    for (std::string_view v : kInstance) {
        if (contains(url, v)) return true;
    }
    std::string host = lower(url);
    if (std::size_t scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
    if (std::size_t at = host.find('@'); at != std::string::npos && at < host.find('/')) host.erase(0, at + 1);
    host = host.substr(0, host.find_first_of("/:?#"));
    // gitlab.com, registry.gitlab.com, gitlab.example.org, git.gitlab-host.net: a self-managed
    // instance cannot be told from the file, so a host that says gitlab is taken for one.
    return host.find("gitlab") != std::string::npos;
}

} // namespace handoff
