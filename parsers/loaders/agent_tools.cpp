#include "parsers/loaders/loader.hpp"

namespace handoff {

// Placeholder: this format's facts are not read yet.
void load_agent_tools(Document& /*doc*/) {}

} // namespace handoff
