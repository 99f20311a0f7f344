#include "parsers/loaders/loader.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include "core/path_name.hpp"
#include "core/secret_names.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"
#include "model/dotenv.hpp"

namespace handoff {

// Every KEY in a dotenv file declares an environment variable; a .env.example documents
// it, a .env sets it.
void load_dotenv(Document& doc) {
    auto model = std::make_unique<DotenvFile>();
    model->is_template = is_template_name(doc.path());
    doc.model = std::move(model);
    for (const Node& member : doc.tree->children) {
        if (member.key.empty()) continue;
        SecretDecl decl;
        decl.name = member.key;
        decl.store = store::env;
        decl.has_value = !is_placeholder_value(member.value);
        decl.site = {member.key_span, member.key};
        doc.facts.secret_decls.push_back(std::move(decl));
    }
}

} // namespace handoff
