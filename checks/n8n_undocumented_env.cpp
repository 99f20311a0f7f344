// $env variables a workflow reads that nothing in the bundle tells the client to set.
#include <map>
#include <set>

#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "core/vocabulary.hpp"
#include "model/dotenv.hpp"

namespace handoff {
namespace {

bool documentation_file(const Document& doc) {
    std::string_view path = doc.path();
    std::size_t slash = path.rfind('/');
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return doc.model_as<DotenvFile>() != nullptr || base.starts_with("README") || base.starts_with("readme") ||
           base.ends_with(".md") || base.ends_with(".txt") || base.find(".env") != std::string_view::npos;
}

constexpr RuleInfo kRule{
    "n8n-undocumented-env", "n8n workflow reads an environment variable nobody documents",
    Family::missing_secret_ref, Severity::low, Confidence::medium,
    "The workflow expects a variable on the client's n8n host that no .env.example or README in the "
    "bundle mentions; n8n 2.x also blocks $env in nodes unless N8N_BLOCK_ENV_ACCESS_IN_NODE=false.",
    "List the variable in a .env.example or the README, or move the value into an n8n credential or "
    "variable."};

class N8nUndocumentedEnv final : public SingleRuleCheck {
public:
    N8nUndocumentedEnv() : SingleRuleCheck(kRule) {}

    void check_project(const Project& project, FindingSink& sink) const override {
        std::set<std::string> declared;
        std::vector<const Document*> docs;
        for (const auto& doc : project.documents) {
            for (const SecretDecl& d : doc->facts.secret_decls) {
                if (d.store == store::env) declared.insert(d.name);
            }
            if (documentation_file(*doc)) docs.push_back(doc.get());
        }
        std::map<std::string, bool> mentioned;  // by name: does a documentation file say it?
        // Reads the workflows' facts: the pipeline releases their trees and models.
        for (const auto& doc : project.documents) {
            if (doc->facts.platform != platform::n8n) continue;
            std::set<std::string> reported;
            for (const SecretRef& ref : doc->facts.secret_refs) {
                if (ref.store != store::env || declared.count(ref.name) > 0 || !reported.insert(ref.name).second) continue;
                auto [known, added] = mentioned.try_emplace(ref.name, false);
                if (added) {
                    for (const Document* d : docs) known->second = known->second || d->bytes().find(ref.name) != std::string_view::npos;
                }
                if (known->second) continue;
                Hit hit = hit_at(ref.site);
                hit.message = "Node " + quoted(ref.owner) + " reads environment variable " + ref.name +
                              ", which no .env.example or README in the bundle documents";
                sink.report(*doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_undocumented_env() { return std::make_unique<N8nUndocumentedEnv>(); }
} // namespace handoff
