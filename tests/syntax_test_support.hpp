#pragma once
// Helpers for the syntax parser tests: where a span is, as line:column, and what
// source text it covers.
#include <chrono>
#include <string>
#include <string_view>

#include "core/location.hpp"
#include "core/tree.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff::test {

// "line:col-line:col" of a span, computed with the same LineIndex the scanner uses.
inline std::string where(std::string_view text, Span span) {
    LineIndex index(text);
    Position b = index.position(span.begin);
    Position e = index.position(span.end);
    return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(e.line) + ":" +
           std::to_string(e.column);
}

inline std::string at(std::string_view text, std::uint32_t offset) {
    Position p = LineIndex(text).position(offset);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

inline std::string_view written(std::string_view text, Span span) { return text.substr(span.begin, span.size()); }

inline bool has_problem(const ParseResult& r, DiagnosticKind kind) {
    for (const ParseProblem& p : r.problems) {
        if (p.kind == kind) return true;
    }
    return false;
}

inline std::size_t tree_size(const Node& root) {
    std::size_t n = 0;
    walk(root, [&](const Node&, const NodePath&) {
        ++n;
        return true;
    });
    return n;
}

inline std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

template <typename F>
double seconds_to(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace handoff::test
