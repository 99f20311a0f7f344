// gitlab-unpinned-image: a GitLab CI image: or services: entry (top level, default: or a
// job, string or {name:}) not pinned to a digest. Floating tags (none, latest, stable,
// main, ...) are medium, version tags low; the project's own registry is low; an image
// built from variables the file does not define is reported at low confidence.
#include <algorithm>
#include <array>
#include <cctype>

#include "checks/registry.hpp"
#include "checks/support/gitlab.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "gitlab-unpinned-image",
    "GitLab CI image not pinned to a digest",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "A job runs inside its image with the job's CI_JOB_TOKEN and every CI/CD variable it can read. A tag "
    "is a pointer the image's publisher (or whoever takes over their account) can move to new content at "
    "any time; a digest names exactly one image.",
    "Pin the image to its digest, keeping the tag for readers (image: node:20.11@sha256:...), and let "
    "Renovate or Dependabot update the pin; prefer images from your own registry for jobs that hold secrets.",
};

// Tags, or parts of tags (latest-debian, stable-dind), that follow a release channel or
// are a variant of the newest release (alpine, slim, dind) rather than name a release.
constexpr std::array<std::string_view, 28> kFloatingWords{
    "latest", "stable", "edge", "nightly", "master", "main", "lts", "current", "rolling", "dev", "develop",
    "development", "testing", "unstable", "beta", "alpha", "canary", "next", "release", "head", "trunk", "snapshot",
    "debug", "alpine", "slim", "dind", "rc", "preview",
};

enum class TagKind : unsigned char { floating, release_name, version };

// No tag, or one made only of channel and variant words: the newest release, whatever it
// is. A word without a digit otherwise names a release (buster-slim, xenial): it moves with
// that release's updates, as a version tag does.
TagKind tag_kind(std::string_view tag) {
    if (tag.empty()) return TagKind::floating;
    if (std::any_of(tag.begin(), tag.end(), [](char c) { return c >= '0' && c <= '9'; })) return TagKind::version;
    std::string t = lower(tag);
    std::size_t start = 0;
    while (start <= t.size()) {
        std::size_t end = t.find_first_of("-_.", start);
        if (end == std::string::npos) end = t.size();
        std::string_view part = std::string_view(t).substr(start, end - start);
        if (std::find(kFloatingWords.begin(), kFloatingWords.end(), part) == kFloatingWords.end()) return TagKind::release_name;
        start = end + 1;
    }
    return TagKind::floating;
}

// $CI_REGISTRY_IMAGE and $CI_REGISTRY: the project's (or instance's) own container registry.
bool own_registry(std::string_view image) {
    return image.rfind("$CI_REGISTRY", 0) == 0 || image.rfind("${CI_REGISTRY", 0) == 0;
}

// A tag this pipeline gives the image it builds: its commit or pipeline id.
bool per_pipeline_tag(std::string_view tag) {
    for (std::string_view v : {"CI_COMMIT_SHA", "CI_COMMIT_SHORT_SHA", "CI_PIPELINE_ID", "CI_PIPELINE_IID", "CI_COMMIT_TAG"}) {
        if (tag == "$" + std::string(v) || tag == "${" + std::string(v) + "}") return true;
    }
    return false;
}

class GitlabUnpinnedImage final : public SingleRuleCheck {
public:
    GitlabUnpinnedImage() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        const GlPipeline* p = gitlab_view(doc);
        if (p == nullptr) return;
        for (const GlImage& image : p->images) check_image(doc, sink, *p, image);
    }

private:
    static void check_image(const Document& doc, FindingSink& sink, const GlPipeline& p, const GlImage& image) {
        const std::string& written = image.node->value;
        const GlJob* job = image.owner.empty() || image.owner == "default" ? nullptr : p.job(image.owner);
        bool unresolved = false;
        bool has_vars = written.find('$') != std::string::npos;
        std::string resolved = has_vars ? expand_file_variables(p, job, written, unresolved) : written;
        GlImageRef ref = parse_image(resolved);
        if (!ref.digest.empty() || trim(resolved).empty()) return;
        // A placeholder name (image: {name: _} in a template job) names no image.
        if (std::none_of(ref.name.begin(), ref.name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) return;
        bool own = own_registry(written);
        // The project's own image, built earlier in this pipeline and tagged with its commit.
        if (own && per_pipeline_tag(ref.tag)) return;
        // The tag is a variable, or the whole last part of the name is one ($IMAGE) that may
        // carry a tag or digest of its own; predefined ones ($CI_REGISTRY_IMAGE) carry none.
        bool tag_unknown = ref.tag.find('$') != std::string::npos;
        if (!tag_unknown && ref.tag.empty()) {
            std::string_view name = ref.name;
            if (std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
            for (const GlVarUse& use : gitlab_variable_uses(name)) {
                if (!gitlab_predefined_variable(use.name)) tag_unknown = true;
            }
        }
        std::string what = image.service ? "service image " : "image ";
        std::string shown = resolved == written ? written : written + " (" + resolved + ")";
        Hit hit;
        hit.span = image.node->span;
        hit.node_path = image.path;
        if (tag_unknown) {
            hit.message = what + shown + " is not pinned to a digest, and its tag is a variable the file does not set";
            hit.severity = Severity::low;
        } else if (tag_kind(ref.tag) == TagKind::floating) {
            hit.message = what + shown + (ref.tag.empty() ? " has no tag, so it follows latest" : " follows the floating tag " + ref.tag) +
                          ": whatever is pushed next runs in this job";
            hit.severity = Severity::medium;
        } else {
            hit.message = what + shown + " is pinned to the tag " + ref.tag + ", not a digest; the tag can be moved to other content";
            if (tag_kind(ref.tag) == TagKind::release_name) {
                hit.message = what + shown + " names the release " + ref.tag + ", not a digest; that tag moves with every update of the release";
            }
            hit.severity = Severity::low;
        }
        if (own) {
            hit.message += " (the project's own registry)";
            hit.severity = Severity::low;
        }
        if (unresolved) hit.confidence = Confidence::low;
        else if (has_vars) hit.confidence = Confidence::medium;
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_gitlab_unpinned_image() { return std::make_unique<GitlabUnpinnedImage>(); }

} // namespace handoff
