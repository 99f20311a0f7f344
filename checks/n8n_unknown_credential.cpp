// Credential references a credentials export in the same bundle does not contain.
#include <set>

#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-unknown-credential", "n8n credential reference missing from the bundled credentials export",
    Family::missing_secret_ref, Severity::medium, Confidence::high,
    "The bundle ships a credentials export, but a node points at a credential id it does not contain: "
    "after import the node has no credential and the workflow fails.",
    "Export the missing credential too, or tell the client which credential to create and select."};

class N8nUnknownCredential final : public SingleRuleCheck {
public:
    N8nUnknownCredential() : SingleRuleCheck(kRule) {}

    void check_project(const Project& project, FindingSink& sink) const override {
        std::set<std::string> ids;
        std::set<std::string> names;
        bool any_export = false;
        for (const auto& doc : project.documents) {
            const auto* export_file = doc->model_as<N8nCredentialExport>();
            if (export_file == nullptr) continue;
            any_export = true;
            for (const N8nCredentialEntry& c : export_file->entries) {
                ids.insert(c.id);
                names.insert(c.name);
            }
        }
        if (!any_export) return;
        // Reads the workflows' facts: the pipeline releases their trees and models.
        for (const auto& doc : project.documents) {
            if (doc->facts.platform != platform::n8n) continue;
            for (const SecretRef& ref : doc->facts.secret_refs) {
                if (ref.store != store::n8n_credential) continue;
                bool unnamed = ref.name == ref.provider || (!ref.id.empty() && ref.name == "id " + ref.id);
                if (ref.id.empty() && unnamed) continue;
                bool known = ref.id.empty() ? names.count(ref.name) > 0 : ids.count(ref.id) > 0;
                if (known) continue;
                Hit hit = hit_at(ref.site);
                hit.message = "Node " + quoted(ref.owner) + " uses " + ref.provider + " credential " +
                              quoted(unnamed ? std::string() : ref.name) +
                              (ref.id.empty() ? "" : " (id " + ref.id + ")") +
                              ", which the bundled credentials export does not contain";
                sink.report(*doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_unknown_credential() { return std::make_unique<N8nUnknownCredential>(); }
} // namespace handoff
