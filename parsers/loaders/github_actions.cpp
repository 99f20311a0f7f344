#include "parsers/loaders/loader.hpp"

namespace handoff {

// Placeholder: this format's facts are not read yet.
void load_github_actions(Document& /*doc*/) {}

} // namespace handoff
