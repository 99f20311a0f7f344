#pragma once
// Helpers the syntax parsers share: building problems and scalar nodes.
#include <cstddef>
#include <string>
#include <string_view>

#include "parsers/syntax/syntax.hpp"

namespace handoff::syntax_detail {

// A problem whose message is cut short, so that a library error that echoes the
// input (toml++, nlohmann) cannot leak more than a few characters of it.
ParseProblem make_problem(std::size_t offset, DiagnosticKind kind, std::string_view message);

Node make_scalar(std::string value, ScalarType type, Span span);

inline Span span_of(std::size_t begin, std::size_t end) {
    return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

} // namespace handoff::syntax_detail
