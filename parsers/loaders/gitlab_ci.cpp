#include "parsers/loaders/loader.hpp"

namespace handoff {

// Placeholder: this format's facts are not read yet.
void load_gitlab_ci(Document& /*doc*/) {}

} // namespace handoff
