// gitlab-remote-include: include: entries that pull pipeline code which can change
// without a commit in this repository: remote: URLs without integrity:, project: files
// without a ref: or at a branch, CI/CD components at ~latest, a branch or a partial version.
// local: and template: (GitLab's own) are not reported.
#include <algorithm>
#include <cctype>

#include "checks/registry.hpp"
#include "checks/support/gitlab.hpp"
#include "core/text.hpp"
#include "model/ci.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-remote-include",
    "GitLab CI include that can change without a commit here",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "An included file is part of the pipeline: its jobs run with this project's CI/CD variables and job "
    "token. A URL, a branch or a floating component version lets whoever controls that source change "
    "what runs here, without a commit or a review in this repository.",
    "Add integrity: sha256-... to remote: includes (GitLab 17.9+) or copy the file into the repository; "
    "pin project: includes to a commit SHA (ref: <40-hex sha>) and components to a released version or SHA.",
};

// v1.2.3, 1.2, 17, 2.0.0-rc1: a tag that names a version.
bool version_like(std::string_view ref) {
    if (!ref.empty() && (ref.front() == 'v' || ref.front() == 'V')) ref.remove_prefix(1);
    if (ref.empty() || std::isdigit(static_cast<unsigned char>(ref.front())) == 0) return false;
    return std::all_of(ref.begin(), ref.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '+' || c == '_';
    });
}

// 1.2.3 (or v1.2.3, 1.2.3-rc1): a whole version, not a prefix that GitLab resolves to the newest match.
bool full_version(std::string_view ref) {
    if (!version_like(ref)) return false;
    if (ref.front() == 'v' || ref.front() == 'V') ref.remove_prefix(1);
    std::string_view core = ref.substr(0, ref.find_first_of("-+"));
    return std::count(core.begin(), core.end(), '.') >= 2;
}

// A path segment of the URL that is a full commit SHA (/-/raw/<sha>/, raw.githubusercontent.com/o/r/<sha>/).
bool url_names_commit(std::string_view url) {
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    while (start < url.size()) {
        std::size_t slash = url.find('/', start);
        std::string_view seg = url.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (is_full_sha(seg)) return true;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return false;
}

bool url_names_version(std::string_view url) {
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    start = url.find('/', start);  // past the host
    while (start != std::string_view::npos && start < url.size()) {
        std::size_t slash = url.find('/', start + 1);
        std::string_view seg = url.substr(start + 1, slash == std::string_view::npos ? std::string_view::npos : slash - start - 1);
        if (full_version(seg)) return true;
        start = slash;
    }
    return false;
}

class GitlabRemoteInclude final : public SingleRuleCheck {
public:
    GitlabRemoteInclude() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr) return;
        for (const GlInclude& inc : p->includes) {
            if (inc.target == nullptr) continue;
            switch (inc.kind) {
            case GlIncludeKind::remote: remote(doc, sink, inc); break;
            case GlIncludeKind::project: project(doc, sink, inc); break;
            case GlIncludeKind::component: component(doc, sink, inc); break;
            case GlIncludeKind::local:
            case GlIncludeKind::template_file:
            case GlIncludeKind::unknown: break;
            }
        }
    }

private:
    static Hit hit_on(const GlInclude& inc) {
        Hit hit;
        hit.span = inc.node->span;
        hit.node_path = inc.path;
        return hit;
    }

    static void remote(const Document& doc, FindingSink& sink, const GlInclude& inc) {
        if (inc.integrity != nullptr && !trim(inc.integrity->value).empty()) return;
        const std::string& url = inc.target->value;
        Hit hit = hit_on(inc);
        if (url.rfind("http://", 0) == 0) {
            hit.message = "remote include " + url + " is fetched over plain HTTP at pipeline creation, without integrity:; anyone on the path can change this pipeline";
            hit.severity = Severity::high;
        } else if (url_names_commit(url)) {
            hit.message = "remote include " + url + " names a commit, but without integrity: the pipeline trusts whatever that host serves";
            hit.severity = Severity::low;
            hit.confidence = Confidence::medium;
        } else if (url.rfind("$CI_", 0) == 0 || url.rfind("${CI_", 0) == 0) {
            hit.message = "remote include " + url + " is a file on this GitLab instance fetched without integrity:; it follows whatever ref its URL names";
            hit.severity = Severity::medium;
            hit.confidence = Confidence::medium;
        } else if (url_names_version(url)) {
            hit.message = "remote include " + url + " is fetched at pipeline creation without integrity:; the version in its URL is a tag its owner can move";
            hit.severity = Severity::medium;
        } else {
            hit.message = "remote include " + url + " is fetched at pipeline creation without integrity:; whoever controls that URL controls this pipeline";
            hit.severity = Severity::high;
        }
        sink.report(doc, kRule, std::move(hit));
    }

    static void project(const Document& doc, FindingSink& sink, const GlInclude& inc) {
        const std::string& name = inc.target->value;
        std::string ref = inc.ref != nullptr ? std::string(trim(inc.ref->value)) : "";
        if (is_full_sha(ref)) return;
        Hit hit = hit_on(inc);
        if (ref.empty()) {
            hit.message = "include of " + name + " has no ref: and follows that project's default branch";
            hit.severity = Severity::medium;
        } else if (ref.find('$') != std::string::npos) {
            hit.message = "include of " + name + " at " + ref + " takes its ref from a variable, not a commit SHA";
            hit.severity = Severity::medium;
            hit.confidence = Confidence::low;
        } else if (version_like(ref)) {
            hit.message = "include of " + name + " at tag " + ref + " is not pinned to a commit SHA; a tag can be moved";
            hit.severity = Severity::low;
        } else {
            hit.message = "include of " + name + " follows the branch " + ref + ", not a commit SHA";
            hit.severity = Severity::medium;
        }
        sink.report(doc, kRule, std::move(hit));
    }

    static void component(const Document& doc, FindingSink& sink, const GlInclude& inc) {
        const std::string& address = inc.target->value;
        std::size_t at = address.rfind('@');
        if (at == std::string::npos) return;  // GitLab refuses a component without a version
        std::string version = address.substr(at + 1);
        if (is_full_sha(version) || full_version(version)) return;
        Hit hit = hit_on(inc);
        if (version == "~latest") {
            hit.message = "component " + address.substr(0, at) + " at ~latest runs whatever its next release is";
            hit.severity = Severity::medium;
        } else if (version.find('$') != std::string::npos) {
            hit.message = "component " + address + " takes its version from a variable";
            hit.severity = Severity::low;
            hit.confidence = Confidence::low;
        } else if (version_like(version)) {
            hit.message = "component " + address + " names a partial version, which GitLab resolves to the newest matching release";
            hit.severity = Severity::low;
        } else {
            hit.message = "component " + address + " follows the branch " + version + ", not a release or commit SHA";
            hit.severity = Severity::medium;
        }
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_remote_include() { return std::make_unique<GitlabRemoteInclude>(); }

} // namespace handoff
