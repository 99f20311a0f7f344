// unpinned-action: `uses:` of an action or reusable workflow not pinned to a full
// commit SHA, and docker:// or job/service container images without a digest.
#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"
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
        if (!is_github_document(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        for (const GhJob& job : wf.jobs) {
            if (job.uses != nullptr) check_uses(doc, sink, *job.uses, child_path(job.path, "uses"));
            for (const GhStep& step : job.steps) {
                if (step.uses != nullptr) check_uses(doc, sink, *step.uses, child_path(step.path, "uses"));
            }
            check_container(doc, sink, job, job.container, child_path(job.path, "container"));
            if (job.services != nullptr) {
                for (const Node& service : job.services->children) {
                    check_container(doc, sink, job, &service, child_path(child_path(job.path, "services"), service.key));
                }
            }
        }
    }

private:
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
        // The SLSA generator's reusable workflows prove which version built the artifact by
        // their tag and refuse to run from a SHA: their documentation requires a tag.
        if (uses.owner == "slsa-framework" && uses.repo == "slsa-github-generator" && !uses.ref.empty()) return;
        std::string name = uses_slug(uses) + (uses.path.empty() ? "" : "/" + uses.path);
        hit.message = uses.ref.empty() ? name + " has no version at all"
                                       : name + "@" + uses.ref + " is not pinned to a full commit SHA";
        if (first_party(uses)) {
            hit.message += " (a GitHub-owned action)";
            hit.severity = Severity::low;
        }
        sink.report(doc, kRule, std::move(hit));
    }

    static void check_container(const Document& doc, FindingSink& sink, const GhJob& job, const Node* container,
                                const std::string& path) {
        if (container == nullptr) return;
        const Node* image = container->is_map() ? container->find("image") : container;
        if (image == nullptr || !image->is_scalar() || image->value.empty()) return;
        Hit hit;
        hit.span = image->span;
        hit.node_path = container->is_map() ? child_path(path, "image") : path;
        std::vector<std::string> images;
        if (image->value.find("${{") != std::string::npos) {
            // ${{ matrix.image }}: every literal value of that matrix entry runs.
            images = matrix_values(job, image->value);
        } else {
            images.push_back(image->value);
        }
        std::vector<std::string> floating;  // no tag, or latest
        std::vector<std::string> tagged;
        for (const std::string& name : images) {
            if (has_digest(name)) continue;
            (mutable_tag(name) ? floating : tagged).push_back(name);
        }
        if (floating.empty() && tagged.empty()) return;
        const std::vector<std::string>& worst = floating.empty() ? tagged : floating;
        std::string list;
        for (std::size_t i = 0; i < worst.size() && i < 3; ++i) list += (i ? ", " : "") + worst[i];
        if (worst.size() > 3) list += ", ...";
        std::string from_matrix = images.size() == 1 && images.front() == image->value ? "" : " (from the matrix)";
        if (!floating.empty()) {
            hit.message = "container image " + list + from_matrix +
                          " has no tag or uses latest: whatever is pushed next runs with the job's secrets";
            hit.severity = Severity::medium;
            hit.confidence = Confidence::high;
        } else {
            hit.message = "container image " + list + from_matrix + " is not pinned to a digest (a tag can be moved)";
            hit.severity = Severity::low;
            hit.confidence = Confidence::medium;
        }
        sink.report(doc, kRule, std::move(hit));
    }

    // "ubuntu", "node:latest", "ghcr.io/x/y" (a registry port is not a tag).
    static bool mutable_tag(std::string_view image) {
        std::size_t slash = image.rfind('/');
        std::string_view last = slash == std::string_view::npos ? image : image.substr(slash + 1);
        std::size_t colon = last.find(':');
        return colon == std::string_view::npos || last.substr(colon + 1) == "latest";
    }

    // The literal values of the matrix entry an image expression names: `${{ matrix.image }}`
    // with strategy.matrix.image: [a, b] and include: entries.
    static std::vector<std::string> matrix_values(const GhJob& job, std::string_view value) {
        std::vector<std::string> out;
        std::string v = lower(value);
        std::size_t at = v.find("matrix.");
        std::size_t open = v.find("${{");
        std::size_t close = v.find("}}");
        if (at == std::string::npos || open != 0 || close + 2 != v.size()) return out;  // only a whole-value reference
        std::string name = std::string(trim(std::string_view(value).substr(at + 7, close - at - 7)));
        const Node* matrix = job.node->get({"strategy", "matrix"});
        if (matrix == nullptr || !matrix->is_map()) return out;
        auto add = [&](const Node* n) {
            if (n != nullptr && n->is_scalar() && n->value.find("${{") == std::string::npos) out.push_back(n->value);
        };
        if (const Node* list = matrix->find(name); list != nullptr && list->is_seq()) {
            for (const Node& item : list->children) add(&item);
        }
        if (const Node* include = matrix->find("include"); include != nullptr && include->is_seq()) {
            for (const Node& entry : include->children) add(entry.is_map() ? entry.find(name) : nullptr);
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Check> make_unpinned_action() { return std::make_unique<UnpinnedAction>(); }

} // namespace handoff
