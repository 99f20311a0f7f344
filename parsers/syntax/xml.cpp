#include "parsers/syntax/syntax.hpp"

namespace handoff {

// Placeholder until the real parser lands.
ParseResult parse_xml(std::string_view /*bytes*/, const ParseLimits& /*limits*/) { return {}; }

} // namespace handoff
