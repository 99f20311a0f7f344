// Credential references a credentials export in the same bundle does not contain.
#include <set>

#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "parsers/loaders/n8n_credentials.hpp"

namespace handoff {
namespace {

class N8nUnknownCredential final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{
            {"n8n-unknown-credential", "n8n credential reference missing from the bundled credentials export",
             Family::missing_secret_ref, Severity::medium, Confidence::high,
             "The bundle ships a credentials export, but a node points at a credential id it does not contain: "
             "after import the node has no credential and the workflow fails.",
             "Export the missing credential too, or tell the client which credential to create and select."}};
        return rules;
    }

    void check_project(const Project& project, FindingSink& sink) const override {
        std::set<std::string> ids;
        std::set<std::string> names;
        bool any_export = false;
        for (const auto& doc : project.documents) {
            if (doc->format != Format::n8n_credentials || !doc->tree) continue;
            any_export = true;
            for (const N8nCredentialEntry& c : read_n8n_credentials(*doc->tree)) {
                ids.insert(c.id);
                names.insert(c.name);
            }
        }
        if (!any_export) return;
        for (const auto& doc : project.documents) {
            for (const N8nWorkflow& wf : n8n_workflows_of(*doc)) {
                for (const N8nNode& n : wf.nodes) {
                    const Node* creds = n.node->find("credentials");
                    if (creds == nullptr || !creds->is_map()) continue;
                    for (const Node& c : creds->children) {
                        std::string id(c.is_map() ? c.text("id") : std::string_view());
                        std::string name(c.is_map() ? c.text("name") : std::string_view(c.value));
                        bool known = id.empty() ? names.count(name) > 0 : ids.count(id) > 0;
                        if (known || (id.empty() && name.empty())) continue;
                        Hit hit;
                        hit.span = member_span(c);
                        hit.node_path = n.member_path({"credentials", c.key});
                        hit.message = "Node " + quoted(n.name) + " uses " + c.key + " credential " + quoted(name) +
                                      (id.empty() ? "" : " (id " + id + ")") +
                                      ", which the bundled credentials export does not contain";
                        sink.report(*doc, rules()[0], std::move(hit));
                    }
                }
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_unknown_credential() { return std::make_unique<N8nUnknownCredential>(); }
} // namespace handoff
