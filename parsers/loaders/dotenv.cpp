#include "parsers/loaders/loader.hpp"

#include "core/secret_names.hpp"

namespace handoff {

// Every KEY in a dotenv file declares an environment variable; a .env.example documents
// it, a .env sets it.
void load_dotenv(Document& doc) {
    for (const Node& member : doc.tree->children) {
        if (member.key.empty()) continue;
        SecretDecl decl;
        decl.name = member.key;
        decl.store = "env";
        decl.has_value = !is_placeholder_value(member.value);
        decl.site = {member.key_span, member.key};
        doc.facts.secret_decls.push_back(std::move(decl));
    }
}

} // namespace handoff
