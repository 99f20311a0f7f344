#include "parsers/syntax/syntax.hpp"

#include <algorithm>

namespace handoff {

namespace {

ParseResult parse_as(Syntax syntax, std::string_view bytes, const ParseLimits& limits) {
    switch (syntax) {
    case Syntax::yaml: return parse_yaml(bytes, limits);
    case Syntax::json: return parse_json(bytes, limits);
    case Syntax::xml: return parse_xml(bytes, limits);
    case Syntax::toml: return parse_toml(bytes, limits);
    case Syntax::dotenv: return parse_dotenv(bytes, limits);
    case Syntax::jsonl: return parse_jsonl(bytes, limits);
    case Syntax::text: return {};
    }
    return {};
}

} // namespace

ParseResult parse(Syntax syntax, std::string_view bytes, const ParseLimits& limits) {
    ParseResult result = parse_as(syntax, bytes, limits);
    // A parser may report where it stopped in a buffer of its own (pugixml after an
    // encoding conversion): a problem never points past the input it was given.
    for (ParseProblem& p : result.problems) p.offset = static_cast<std::uint32_t>(std::min<std::size_t>(p.offset, bytes.size()));
    return result;
}

} // namespace handoff
