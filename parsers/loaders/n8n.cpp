#include "parsers/loaders/loader.hpp"

namespace handoff {

// Placeholder: this format's facts are not read yet.
void load_n8n(Document& /*doc*/) {}

} // namespace handoff
