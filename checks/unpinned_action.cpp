// unpinned-action: `uses:` of an action or reusable workflow not pinned to a full
// commit SHA, and docker:// or job/service container images without a digest.
#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "unpinned-action",
    "Action or image not pinned to an immutable version",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "A tag or branch can be moved to new code at any time; whoever controls the action's repository or "
    "image then runs code with this job's token and secrets (tj-actions/changed-files, March 2025).",
    "Pin third-party actions to a full commit SHA with the version in a comment "
    "(uses: owner/repo@<40-hex sha> # v1.2.3) and images to a digest (image@sha256:...); let Dependabot "
    "or Renovate update the pins.",
};

// GitHub's own actions: the same owner as the platform, so a lower risk.
bool first_party(const GhUses& uses) { return uses.owner == "actions" || uses.owner == "github"; }

bool has_digest(std::string_view image) { return image.find("@sha256:") != std::string_view::npos; }

class UnpinnedAction final : public SingleRuleCheck {
public:
    UnpinnedAction() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        check_includes(doc, sink);
        if (!is_github_document(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        for (const GhJob& job : wf.jobs) {
            if (job.uses != nullptr) check_uses(doc, sink, *job.uses, child_path(job.path, "uses"));
            for (const GhStep& step : job.steps) {
                if (step.uses != nullptr) check_uses(doc, sink, *step.uses, child_path(step.path, "uses"));
            }
            check_container(doc, sink, job.container, child_path(job.path, "container"));
            if (job.services != nullptr) {
                for (const Node& service : job.services->children) {
                    check_container(doc, sink, &service, child_path(child_path(job.path, "services"), service.key));
                }
            }
        }
    }

private:
    // GitLab includes: another project's file without a pinned ref, or a remote URL, is
    // pipeline code that changes without a commit here. GitLab's own templates are not reported.
    static void check_includes(const Document& doc, FindingSink& sink) {
        for (const Endpoint& ep : doc.facts.endpoints) {
            if (ep.kind != endpoint_kind::ci_include) continue;
            Hit hit = hit_at(ep.site);
            if (ep.url.rfind("project:", 0) == 0) {
                std::string ref = ep.auth.rfind("ref:", 0) == 0 ? ep.auth.substr(4) : "";
                if (is_full_sha(ref)) continue;
                hit.message = "include of " + ep.url.substr(8) +
                              (ref.empty() ? " follows its default branch" : " at " + ref + " is not pinned to a commit SHA");
                if (!ref.empty()) hit.severity = Severity::low;
            } else if (ep.url.rfind("http://", 0) == 0 || ep.url.rfind("https://", 0) == 0) {
                hit.message = "remote include " + ep.url + " is fetched at pipeline time and can change at any moment";
            } else {
                continue;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }

    static void check_uses(const Document& doc, FindingSink& sink, const Node& node, const std::string& path) {
        GhUses uses = parse_uses(node.value);
        if (node.value.find("${{") != std::string::npos) return;
        Hit hit;
        hit.span = node.span;
        hit.node_path = path;
        if (uses.kind == GhUses::Kind::docker) {
            if (has_digest(uses.image)) return;
            hit.message = "docker://" + uses.image + " is not pinned to a digest";
            sink.report(doc, kRule, std::move(hit));
            return;
        }
        if (uses.kind != GhUses::Kind::repository || is_full_sha(uses.ref)) return;
        std::string name = uses_slug(uses) + (uses.path.empty() ? "" : "/" + uses.path);
        hit.message = uses.ref.empty() ? name + " has no version at all"
                                       : name + "@" + uses.ref + " is not pinned to a full commit SHA";
        if (first_party(uses)) {
            hit.message += " (a GitHub-owned action)";
            hit.severity = Severity::low;
        }
        sink.report(doc, kRule, std::move(hit));
    }

    static void check_container(const Document& doc, FindingSink& sink, const Node* container, const std::string& path) {
        if (container == nullptr) return;
        const Node* image = container->is_map() ? container->find("image") : container;
        if (image == nullptr || !image->is_scalar() || image->value.empty()) return;
        if (has_digest(image->value) || image->value.find("${{") != std::string::npos) return;
        Hit hit;
        hit.span = image->span;
        hit.node_path = container->is_map() ? child_path(path, "image") : path;
        hit.message = "container image " + image->value + " is not pinned to a digest";
        hit.severity = Severity::low;
        hit.confidence = Confidence::medium;
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_unpinned_action() { return std::make_unique<UnpinnedAction>(); }

} // namespace handoff
