#include "parsers/loaders/source_span.hpp"

#include <algorithm>

namespace handoff {

Span span_of_text(std::string_view bytes, Span scalar, std::string_view needle, std::uint32_t from) {
    if (needle.empty()) return scalar;
    std::size_t begin = std::max(scalar.begin, from);
    std::size_t end = std::min<std::size_t>(scalar.end, bytes.size());
    if (begin >= end) return scalar;
    std::size_t at = bytes.substr(begin, end - begin).find(needle);
    if (at == std::string_view::npos) return scalar;
    auto b = static_cast<std::uint32_t>(begin + at);
    return {b, static_cast<std::uint32_t>(b + needle.size())};
}

} // namespace handoff
