// ci-container-password: a job's `container:` or `services:` image credentials written as
// a literal password instead of a secret reference, whatever its strength.
#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/redact.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "ci-container-password",
    "Container registry password written into the workflow",
    Family::embedded_token,
    Severity::high,
    Confidence::high,
    "The password a job uses to pull its container or service images is in the workflow file, so everyone "
    "who can read the repository (and every fork) can log in to the registry as that account; a weak "
    "password is no less a password.",
    "Store it as a repository or environment secret and write `password: ${{ secrets.REGISTRY_PASSWORD }}`; "
    "then change the password, since it is in the repository's history.",
};

class CiContainerPassword final : public SingleRuleCheck {
public:
    CiContainerPassword() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc)) return;
        for (const GhJob& job : github_view(doc).jobs) {
            if (job.container != nullptr) check_image(doc, sink, *job.container, child_path(job.path, "container"), "job " + job.id + " pulls its container image");
            if (job.services == nullptr || !job.services->is_map()) continue;
            for (const Node& service : job.services->children) {
                check_image(doc, sink, service, child_path(child_path(job.path, "services"), service.key),
                            "job " + job.id + " pulls service " + service.key);
            }
        }
    }

private:
    static void check_image(const Document& doc, FindingSink& sink, const Node& image, const std::string& path,
                            const std::string& who) {
        const Node* credentials = image.is_map() ? image.find("credentials") : nullptr;
        const Node* password = credentials != nullptr && credentials->is_map() ? credentials->find("password") : nullptr;
        if (password == nullptr || !password->is_scalar()) return;
        std::string_view value = trim(password->value);
        if (value.empty() || contains(value, "${{")) return;  // a reference, or nothing to leak
        Hit hit;
        hit.span = password->span;
        hit.node_path = child_path(child_path(path, "credentials"), "password");
        hit.message = who + " with a registry password written in the workflow";
        hit.evidence = redact(value);
        hit.identity = std::string(value);
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_ci_container_password() { return std::make_unique<CiContainerPassword>(); }

} // namespace handoff
