#include "parsers/syntax/syntax.hpp"

namespace handoff {

ParseResult parse(Syntax syntax, std::string_view bytes, const ParseLimits& limits) {
    switch (syntax) {
    case Syntax::yaml: return parse_yaml(bytes, limits);
    case Syntax::json: return parse_json(bytes, limits);
    case Syntax::xml: return parse_xml(bytes, limits);
    case Syntax::toml: return parse_toml(bytes, limits);
    case Syntax::dotenv: return parse_dotenv(bytes, limits);
    case Syntax::text: return {};
    }
    return {};
}

} // namespace handoff
