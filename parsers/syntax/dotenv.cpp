#include "parsers/syntax/syntax.hpp"

namespace handoff {

// Placeholder until the real parser lands.
ParseResult parse_dotenv(std::string_view /*bytes*/, const ParseLimits& /*limits*/) { return {}; }

} // namespace handoff
