#include "checks/support/gitlab.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"

namespace handoff {

const GlPipeline* gitlab_view(const Document& doc) { return doc.model_as<GlPipeline>(); }

namespace {

// The value an indexed variables: map gives name, or nullptr.
const Node* literal_in(const std::unordered_map<std::string_view, const Node*>& index, std::string_view name) {
    auto it = index.find(name);
    if (it == index.end()) return nullptr;
    const Node* value = gitlab_variable_value(*it->second);
    return value != nullptr && value->is_scalar() ? value : nullptr;
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
            if (const Node* v = literal_in(j->variable_index, name); v != nullptr) return v;
            for (const std::string& parent : j->extends) {
                if (const GlJob* pj = p.job(parent); pj != nullptr) todo.push_back(pj);
            }
        }
        if (!p.inherits_global_variables(*job)) return nullptr;
    }
    return literal_in(p.variable_index, name);
}

} // namespace

std::string expand_file_variables(const GlPipeline& pipeline, const GlJob* job, std::string_view text, bool& unresolved) {
    std::string out;
    std::size_t last = 0;
    // A few references are all an image or URL holds; past that, the rest stays as written
    // (and the cost stays linear in the text however many variables the file defines).
    constexpr std::size_t kMaxReferences = 16;
    std::size_t seen = 0;
    for (const GlVarUse& use : gitlab_variable_uses(text)) {
        if (text[use.offset] != '$') continue;
        if (++seen > kMaxReferences) {
            unresolved = true;
            break;
        }
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
