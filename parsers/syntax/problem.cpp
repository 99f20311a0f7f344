#include "parsers/syntax/problem.hpp"

#include <algorithm>

namespace handoff::syntax_detail {

namespace {
constexpr std::size_t max_message = 120;
}

ParseProblem make_problem(std::size_t offset, DiagnosticKind kind, std::string_view message) {
    ParseProblem problem;
    problem.offset = static_cast<std::uint32_t>(offset);
    problem.kind = kind;
    std::size_t cut = std::min(message.size(), max_message);
    // Never split a UTF-8 sequence.
    while (cut > 0 && cut < message.size() && (static_cast<unsigned char>(message[cut]) & 0xC0U) == 0x80U) --cut;
    std::string text;
    for (char c : message.substr(0, cut)) {
        text += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    if (cut < message.size()) text += "...";
    problem.message = std::move(text);
    return problem;
}

Node make_scalar(std::string value, ScalarType type, Span span) {
    Node node;
    node.kind = NodeKind::scalar;
    node.type = type;
    node.value = std::move(value);
    node.span = span;
    return node;
}

} // namespace handoff::syntax_detail
