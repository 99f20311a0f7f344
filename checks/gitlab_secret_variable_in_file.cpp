// gitlab-secret-variable-in-file: a credential-named entry of a GitLab CI variables:
// block (top level or a job) given a literal value in the file: a password or key that
// should be a masked, protected CI/CD variable. Values the token engine reports (provider
// shapes, random-looking values under secret names) are left to it, placeholders to
// placeholder-secret-value, and references, paths, URLs, flags and the throwaway
// passwords of CI service containers are not reported.
#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "checks/registry.hpp"
#include "checks/support/gitlab.hpp"
#include "checks/tokens/engine.hpp"
#include "core/redact.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-secret-variable-in-file",
    "GitLab CI credential variable set in the file",
    Family::missing_secret_ref,
    Severity::medium,
    Confidence::medium,
    "A value in .gitlab-ci.yml is in the repository's history and in every fork and clone, and GitLab "
    "neither masks it in job logs nor limits it to protected branches. The client also cannot tell it "
    "is a credential they must rotate and own.",
    "Remove the value from the file, rotate the credential if it was real, and set it in Settings > CI/CD "
    "> Variables as a masked (and, for deploy credentials, protected) variable; keep only a comment or an "
    "empty default here.",
};

// Name endings that say the variable holds something about a secret, not the secret.
constexpr std::array<std::string_view, 33> kNotSecretEndings{
    "file", "path", "dir", "url", "uri", "host", "hostname", "port", "name", "user", "username", "id",
    "type", "length", "expiry", "expires", "ttl", "enabled", "disabled", "version", "header", "format",
    "mode", "scope", "scopes", "region", "algorithm", "size", "prefix", "location", "fingerprint", "endpoint",
    "audience",
};

// GitLab's security scanner templates configure themselves with these (SECRET_DETECTION_*).
constexpr std::array<std::string_view, 6> kTemplatePrefixes{
    "secret_detection_", "sast_", "ds_", "cs_", "dast_", "code_quality_",
};

// Environment variables of database and broker images run as services: a throwaway login.
constexpr std::array<std::string_view, 12> kServicePrefixes{
    "postgres_", "pg", "mysql_", "mariadb_", "mongo_", "redis_", "rabbitmq_", "mssql_", "sa_password",
    "minio_", "elastic_", "couchdb_",
};

bool password_name(const std::string& n) {
    return n.find("password") != std::string::npos || n.find("passwd") != std::string::npos ||
           n.ends_with("_pass") || n.ends_with("_pwd") || n == "pass" || n == "pwd";
}

bool not_a_secret_name(const std::string& n) {
    for (std::string_view p : kTemplatePrefixes) {
        if (n.rfind(p, 0) == 0) return true;
    }
    if (n.find("public") != std::string::npos) return true;
    std::size_t us = n.rfind('_');
    std::string_view last = us == std::string::npos ? std::string_view(n) : std::string_view(n).substr(us + 1);
    return std::find(kNotSecretEndings.begin(), kNotSecretEndings.end(), last) != kNotSecretEndings.end();
}

bool service_login(const std::string& n) {
    return std::any_of(kServicePrefixes.begin(), kServicePrefixes.end(), [&](std::string_view p) { return n.rfind(p, 0) == 0; });
}

// Character classes among lower, upper and digits, and whether others appear.
int classes(std::string_view v) {
    bool lo = false, up = false, dg = false, other = false;
    for (char c : v) {
        auto u = static_cast<unsigned char>(c);
        lo = lo || std::islower(u) != 0;
        up = up || std::isupper(u) != 0;
        dg = dg || std::isdigit(u) != 0;
        other = other || (std::isalnum(u) == 0 && c != '-' && c != '_' && c != '.');
    }
    return int(lo) + int(up) + int(dg) + int(other);
}

// A value that is not a credential whatever the name says: a flag, a number, a path, a URL.
bool not_a_secret_value(std::string_view v, bool password) {
    std::string l = lower(v);
    if (l == "true" || l == "false" || l == "yes" || l == "no" || l == "on" || l == "off" || l == "none" || l == "null") return true;
    if (v.front() == '/' || v.rfind("./", 0) == 0 || v.rfind("~/", 0) == 0 || v.find("://") != std::string_view::npos) return true;
    // Sentences, and aliases or paths (alias/deploy-key, keys/prod.pem), are not credentials.
    if ((v.find(' ') != std::string_view::npos || v.find('/') != std::string_view::npos) && !password) return true;
    if (password) return v.size() < 3;
    return v.size() < 8 || classes(v) < 2;
}

class GitlabSecretVariableInFile final : public SingleRuleCheck {
public:
    GitlabSecretVariableInFile() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr) return;
        bool services = std::any_of(p->images.begin(), p->images.end(), [](const GlImage& i) { return i.service; });
        // A variables: block merged into many jobs (<<: *template) is judged once, where written.
        std::unordered_set<const Node*> seen;
        check_block(doc, sink, p->variables, "variables", services);
        for (const GlJob& job : p->jobs) {
            if (job.variables != nullptr && seen.insert(job.variables).second) {
                check_block(doc, sink, job.variables, child_path(job.path, "variables"), services);
            }
        }
    }

private:
    static void check_block(const Document& doc, FindingSink& sink, const Node* vars, const std::string& path, bool services) {
        if (vars == nullptr || !vars->is_map()) return;
        for (const Node& entry : vars->children) {
            if (!is_secret_name(entry.key) || gitlab_predefined_variable(entry.key)) continue;
            const Node* value = gitlab_variable_value(entry);
            if (value == nullptr || !value->is_scalar() || value->type == ScalarType::boolean || value->type == ScalarType::null) continue;
            std::string_view v = trim(value->value);
            std::string name = lower(entry.key);
            bool password = password_name(name);
            if (v.empty() || v.find('$') != std::string_view::npos || is_placeholder_value(v)) continue;
            if (value->type == ScalarType::number && !password) continue;
            if (not_a_secret_name(name) || not_a_secret_value(v, password)) continue;
            if (services && service_login(name)) continue;
            if (token_engine_reports(entry.key, v, value->span)) continue;
            Hit hit;
            hit.span = value->span;
            hit.node_path = child_path(path, entry.key);
            hit.message = entry.key + " is given a literal value in the file instead of a masked CI/CD variable";
            hit.evidence = redact(v);
            hit.identity = std::string(v);
            sink.report(doc, kRule, std::move(hit));
        }
    }

    // The embedded-token rules judge the same value under the same name; what they report
    // is theirs (with the provider and its rotation advice), so one value is one finding.
    static bool token_engine_reports(std::string_view name, std::string_view value, Span span) {
        const tokens::Engine& engine = tokens::Engine::instance();
        std::vector<tokens::TokenMatch> found;
        engine.scan(value, false, found);
        engine.judge_keyed(name, name, value, span, found);
        return !found.empty();
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_secret_variable_in_file() { return std::make_unique<GitlabSecretVariableInFile>(); }

} // namespace handoff
