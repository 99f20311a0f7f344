// A .env file with real values that no .gitignore rule covers: the next `git add .`
// publishes every key in it.
#include "checks/registry.hpp"
#include "core/gitignore.hpp"
#include "core/path_name.hpp"
#include "core/secret_names.hpp"
#include "model/dotenv.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "dotenv-not-ignored",
    ".env file with values is not git-ignored",
    Family::embedded_token,
    Severity::high,
    Confidence::high,
    "A .env file holds the real values of the project's keys. When no .gitignore rule covers it, "
    "the next `git add .` commits them, and everyone who can read the repository can use them.",
    "Add `.env` (and `.env.*`, keeping `!.env.example`) to .gitignore, remove the file from git with "
    "`git rm --cached`, and rotate every key it held. Ship a .env.example with empty values instead.",
};

class DotenvNotIgnored final : public SingleRuleCheck {
public:
    DotenvNotIgnored() : SingleRuleCheck(kRule) {}

    void check_project(const Project& project, FindingSink& sink) const override {
        GitIgnore ignore;
        for (const auto& doc : project.documents) {
            if (base_name(doc->path()) == ".gitignore") ignore.add(folder_of(doc->path()), doc->bytes());
        }
        for (const auto& doc : project.documents) {
            const auto* dotenv = doc->model_as<DotenvFile>();
            if (dotenv == nullptr || dotenv->is_template || ignore.ignored(doc->path())) continue;
            if (inside_archive(doc->path())) continue;  // no git inside an archive: the token rules report its keys
            report(*doc, sink);
        }
    }

private:
    static void report(const Document& doc, FindingSink& sink) {
        const SecretDecl* first = nullptr;
        const SecretDecl* first_secret = nullptr;
        std::size_t values = 0;
        for (const SecretDecl& decl : doc.facts.secret_decls) {
            if (!decl.has_value) continue;
            ++values;
            if (first == nullptr) first = &decl;
            if (first_secret == nullptr && is_secret_name(decl.name)) first_secret = &decl;
        }
        if (first == nullptr) return;
        const SecretDecl& at = first_secret != nullptr ? *first_secret : *first;
        Hit hit = hit_at(at.site);
        hit.message = std::to_string(values) + (values == 1 ? " value is" : " values are") + " set in " +
                      std::string(base_name(doc.path())) + " and no .gitignore rule covers it" +
                      (first_secret != nullptr ? ", including " + first_secret->name : std::string());
        hit.evidence = at.name + "=<set>";
        hit.identity = doc.path();
        if (first_secret == nullptr) hit.severity = Severity::low;
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_dotenv_not_ignored() { return std::make_unique<DotenvNotIgnored>(); }

} // namespace handoff
