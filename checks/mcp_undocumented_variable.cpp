#include <cctype>
#include <map>
#include <set>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"
#include "model/dotenv.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-undocumented-variable", "Variable the config needs is documented nowhere in the project",
    Family::missing_secret_ref, Severity::low, Confidence::medium,
    "The config reads ${VAR} (or forwards it by name) but no .env.example, README or docs page in the handed-over "
    "project mentions it: the client cannot know it must set it, and the server starts without its key.",
    "List every variable in .env.example (name, empty value, a comment saying where to get it) or in the README's "
    "setup section."};

// Files that document a project's variables: env templates, READMEs, docs.
bool documents_variables(const Document& doc) {
    if (doc.model_as<DotenvFile>() != nullptr) return true;
    std::string path = lower(doc.path());
    std::size_t slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return name.starts_with(".env") || name.starts_with("env.") || name.starts_with("readme") ||
           name.ends_with(".md") || name.ends_with(".rst") || name.ends_with(".txt") ||
           path.find("docs/") != std::string::npos;
}

bool mentions(std::string_view text, std::string_view name) {
    std::size_t at = text.find(name);
    while (at != std::string_view::npos) {
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
        bool left = at == 0 || !word(text[at - 1]);
        bool right = at + name.size() >= text.size() || !word(text[at + name.size()]);
        if (left && right) return true;
        at = text.find(name, at + 1);
    }
    return false;
}

class McpUndocumentedVariable final : public SingleRuleCheck {
public:
    McpUndocumentedVariable() : SingleRuleCheck(kRule) {}
    void check_project(const Project& project, FindingSink& sink) const override {
        std::set<std::string> declared;
        for (const auto& doc : project.documents) {
            for (const SecretDecl& d : doc->facts.secret_decls) {
                if (d.store == store::env) declared.insert(d.name);
            }
        }
        std::map<std::string, bool> documented;  // memo: name -> found in some doc file
        auto is_documented = [&](const std::string& name) {
            if (declared.count(name) != 0) return true;
            auto it = documented.find(name);
            if (it != documented.end()) return it->second;
            bool found = false;
            for (const auto& doc : project.documents) {
                if (documents_variables(*doc) && mentions(doc->bytes(), name)) {
                    found = true;
                    break;
                }
            }
            documented[name] = found;
            return found;
        };
        for (const auto& doc : project.documents) {
            if (!is_agent_document(*doc)) continue;
            std::set<std::string> reported;
            for (const SecretRef& ref : doc->facts.secret_refs) {
                if (ref.store != store::env || ref.optional || !ref.expanded) continue;
                if (reported.count(ref.name) != 0 || is_documented(ref.name)) continue;
                reported.insert(ref.name);
                sink.report(*doc, kRule,
                            agent_hit(*doc, ref.site,
                                      holder_label(*doc, ref.owner) + " needs " + ref.name +
                                          ", which no .env.example, README or docs file mentions",
                                      ref.name));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_undocumented_variable() { return std::make_unique<McpUndocumentedVariable>(); }
} // namespace handoff
