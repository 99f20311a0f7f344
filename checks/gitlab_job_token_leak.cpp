// gitlab-job-token-leak: a GitLab CI script that sends the job's GitLab credentials
// (CI_JOB_TOKEN, CI_REGISTRY_PASSWORD, CI_DEPLOY_PASSWORD, CI_DEPENDENCY_PROXY_PASSWORD)
// to a host that is not the GitLab instance: a URL or registry on the same command line
// whose host is written out and is neither a GitLab variable ($CI_SERVER_URL,
// $CI_API_V4_URL, $CI_REGISTRY, ...) nor GitLab-shaped (a gitlab host, /api/v4/, the
// gitlab-ci-token user). Printing them is secret-in-log's.
#include <re2/re2.h>

#include <unordered_set>

#include <array>

#include "checks/registry.hpp"
#include "checks/support/gitlab.hpp"
#include "core/shell_text.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-job-token-leak",
    "GitLab job token sent to another host",
    Family::embedded_token,
    Severity::high,
    Confidence::medium,
    "CI_JOB_TOKEN acts as the user who started the pipeline on this project's API, repository, "
    "packages and container registry, and on every project that allows this one in its job token "
    "allowlist, until the job ends. A host that is not the GitLab instance has no use for it; whoever "
    "runs that host can use it while the job runs.",
    "Send a credential made for that service instead (a masked CI/CD variable), or use GitLab's own "
    "endpoints ($CI_API_V4_URL, $CI_REGISTRY) for what needs the job token; restrict the job token's "
    "access in Settings > CI/CD > Job token permissions.",
};

constexpr std::array<std::string_view, 4> kGitlabCredentials{
    "CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_DEPLOY_PASSWORD", "CI_DEPENDENCY_PROXY_PASSWORD",
};

const RE2& network_tool() {
    static const RE2 re(
        R"((?i)(?:^|[\s;&|(]|\$\()(?:curl|wget|http|https|invoke-webrequest|iwr|invoke-restmethod|irm|git|docker|podman|buildah|skopeo|crane|helm|oras|nc|ncat)(?:\.exe)?\s)");
    return re;
}
const RE2& url_pattern() {
    static const RE2 re(R"(((?:https?|ftp|wss?)://[^\s"'<>|;`)]+))");
    return re;
}
const RE2& registry_login() {
    static const RE2 re(R"((?i)\b(?:docker|podman|buildah|skopeo|crane|helm\s+registry|oras)\s+(?:auth\s+)?login\b(.*))");
    return re;
}

std::string_view credential_in(std::string_view line) {
    for (std::string_view c : kGitlabCredentials) {
        if (mentions_variable(line, c)) return c;
    }
    return {};
}

// The host of a URL: no scheme, user information, port or path.
std::string host_of(std::string_view url) {
    std::string h = lower(url);
    if (std::size_t s = h.find("://"); s != std::string::npos) h.erase(0, s + 3);
    h = h.substr(0, h.find_first_of("/?#"));
    if (std::size_t at = h.rfind('@'); at != std::string::npos) h.erase(0, at + 1);
    if (std::size_t colon = h.find(':'); colon != std::string::npos) h.erase(colon);
    return h;
}

bool local_host(const std::string& h) {
    return h == "localhost" || h.rfind("127.", 0) == 0 || h == "0.0.0.0" || h == "[::1]" || h.find('.') == std::string::npos;
}

bool host_in(const std::string& host, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names) {
        if (host == n || (host.size() > n.size() && host.ends_with(n) && host[host.size() - n.size() - 1] == '.')) return true;
    }
    return false;
}

// Registries that are certainly not a GitLab instance's: a registry named otherwise may
// be the instance's own under its own name (registry.example.com), which the file cannot tell.
bool public_registry(const std::string& host) {
    return host_in(host, {"docker.io", "registry.hub.docker.com", "ghcr.io", "quay.io", "gcr.io", "pkg.dev",
                          "public.ecr.aws", "amazonaws.com", "azurecr.io", "nvcr.io", "registry.redhat.io"});
}

// Git hosts that are not GitLab: a clone URL elsewhere is usually the instance itself.
bool other_forge(const std::string& host) {
    return host_in(host, {"github.com", "bitbucket.org", "dev.azure.com", "codeberg.org", "sourceforge.net"});
}

const RE2& git_transfer() {
    static const RE2 re(R"((?:^|[\s;&|(])git\s+(?:-c\s+\S+\s+)*(?:clone|fetch|push|pull|remote|submodule|ls-remote)\b)");
    return re;
}
const RE2& http_client() {
    static const RE2 re(R"((?i)(?:^|[\s;&|(]|\$\()(?:curl|wget|http|https|invoke-webrequest|iwr|invoke-restmethod|irm)(?:\.exe)?\s)");
    return re;
}

enum class Via : unsigned char { http, git, registry };

struct Destination {
    std::string host;
    Via via = Via::http;
};

// Where a line sends things: the hosts of its URLs, and the registry a `docker login` names
// (Docker Hub when it names none).
std::vector<Destination> destinations(std::string_view line) {
    std::vector<Destination> out;
    bool git = RE2::PartialMatch(line, git_transfer()) && !RE2::PartialMatch(line, http_client());
    re2::StringPiece input(line.data(), line.size());
    std::string url;
    while (RE2::FindAndConsume(&input, url_pattern(), &url)) out.push_back({host_of(url), git ? Via::git : Via::http});
    std::string args;
    if (RE2::PartialMatch(line, registry_login(), &args)) {
        // The registry is the last argument that is not an option or an option's value.
        std::string last;
        std::string_view rest = args;
        bool skip_next = false;
        while (!rest.empty()) {
            rest = trim(rest);
            std::size_t end = rest.find_first_of(" \t");
            std::string_view word = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
            if (word.empty() || word.front() == '<' || word.front() == '|' || word.front() == ';' || word.front() == '&') break;
            if (skip_next) {
                skip_next = false;
                continue;
            }
            if (word.front() == '-') {
                skip_next = word.find('=') == std::string_view::npos && word != "--password-stdin";
                continue;
            }
            last = std::string(trim(word, "\"'"));
        }
        bool docker_like = contains(lower(line), "docker") || contains(lower(line), "podman");
        if (!last.empty()) out.push_back({host_of(last), Via::registry});
        else if (docker_like) out.push_back({"docker.io", Via::registry});
    }
    return out;
}

class GitlabJobTokenLeak final : public SingleRuleCheck {
public:
    GitlabJobTokenLeak() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr) return;
        // Lines merged into many jobs (<<: *template) are judged once, where written.
        std::unordered_set<std::uint32_t> seen;
        check_job(doc, sink, *p, p->defaults, nullptr, seen);
        for (const GlJob& job : p->jobs) check_job(doc, sink, *p, job, &job, seen);
    }

private:
    static void check_job(const Document& doc, FindingSink& sink, const GlPipeline& p, const GlJob& job, const GlJob* scope,
                          std::unordered_set<std::uint32_t>& seen) {
        for (const GlScript* s : {&job.before_script, &job.script, &job.after_script}) {
            for (const GlLine& line : s->lines) {
                if (!seen.insert(line.node->span.begin).second) continue;
                for (const ScriptLine& sl : script_lines(line.node->value)) check_line(doc, sink, p, scope, line, sl);
            }
        }
    }

    static void check_line(const Document& doc, FindingSink& sink, const GlPipeline& p, const GlJob* scope, const GlLine& line,
                           const ScriptLine& sl) {
        std::string_view credential = credential_in(sl.text);
        if (credential.empty() || !RE2::PartialMatch(sl.text, network_tool())) return;
        // The gitlab-ci-token user names a GitLab instance, whatever its host is called.
        if (contains(sl.text, "gitlab-ci-token")) return;
        // URLs the file keeps in variables ($STATUS_URL) are read where they are set.
        bool unresolved = false;
        std::string expanded = expand_file_variables(p, scope, sl.text, unresolved);
        for (const Destination& dest : destinations(expanded)) {
            const std::string& host = dest.host;
            // A host held in a variable the file does not set: most often the instance itself.
            if (host.empty() || host.find_first_of("$%{") != std::string::npos) continue;
            if (gitlab_instance_target(host) || local_host(host)) continue;
            if (dest.via == Via::registry && !public_registry(host)) continue;
            if (dest.via == Via::git && !other_forge(host)) continue;
            if (dest.via == Via::http && contains(expanded, "/api/v4")) continue;
            Hit hit;
            hit.span = line_span(doc, Site{line.node->span, line.path}, sl);
            hit.node_path = line.path;
            hit.message = "sends $" + std::string(credential) + " to " + host + ", which is not the GitLab instance";
            sink.report(doc, kRule, std::move(hit));
            return;
        }
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_job_token_leak() { return std::make_unique<GitlabJobTokenLeak>(); }

} // namespace handoff
