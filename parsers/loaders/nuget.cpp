#include "parsers/loaders/loader.hpp"

namespace handoff {

// Placeholder: this format's facts are not read yet.
void load_nuget_config(Document& /*doc*/) {}

} // namespace handoff
