#include <algorithm>
#include <cctype>

#include <toml++/toml.h>

#include "core/location.hpp"
#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_problem;
using syntax_detail::make_scalar;
using syntax_detail::span_of;

// toml++ bounds nested arrays and inline tables, but a dotted key or table header with
// tens of thousands of parts (a.a.a...) nests tables without bound and overflows
// the stack. Counts the dots in each run of key characters; returns the offset
// where a run exceeds the limit, or npos.
std::size_t dotted_key_depth_exceeded(std::string_view s, std::size_t limit) {
    std::size_t dots = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"' || c == '\'') {
            // A quoted key part: the run goes on after it.
            for (++i; i < s.size() && s[i] != c && s[i] != '\n'; ++i) {
                if (c == '"' && s[i] == '\\') ++i;
            }
        } else if (c == '.') {
            if (++dots > limit) return i;
        } else if (c == '#') {
            while (i < s.size() && s[i] != '\n') ++i;
            dots = 0;
        } else if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && c != '-' && c != ' ' && c != '\t') {
            dots = 0;
        }
    }
    return std::string_view::npos;
}

class TreeBuilder {
public:
    TreeBuilder(std::string_view text, const ParseLimits& limits) : s_(text), lines_(text), limits_(limits) {}

    std::vector<ParseProblem> problems;

    // toml++ positions are 1-based lines and code-point columns.
    std::size_t offset(const toml::source_position& p) const {
        if (p.line == 0) return 0;
        std::size_t i = lines_.line_start(p.line);
        for (std::uint32_t col = 1; col < p.column && i < s_.size(); ++col) {
            ++i;
            while (i < s_.size() && (static_cast<unsigned char>(s_[i]) & 0xC0U) == 0x80U) ++i;
        }
        return std::min(i, s_.size());
    }
    Span span(const toml::source_region& r) const { return span_of(offset(r.begin), offset(r.end)); }

    Node convert(const toml::node& n, std::size_t depth) {
        ++nodes_;
        Span where = span(n.source());
        if (const toml::table* table = n.as_table()) {
            Node node;
            node.kind = NodeKind::map;
            node.span = where;
            for (auto&& [key, value] : *table) {
                if (!room(value, depth)) break;
                Node member = convert(value, depth + 1);
                member.key = std::string(key.str());
                member.key_span = span(key.source());
                node.span.end = std::max(node.span.end, member.span.end);
                node.children.push_back(std::move(member));
            }
            // toml++ tables are sorted by key; restore the order they were written in.
            std::stable_sort(node.children.begin(), node.children.end(),
                             [](const Node& a, const Node& b) { return a.key_span.begin < b.key_span.begin; });
            return node;
        }
        if (const toml::array* array = n.as_array()) {
            Node node;
            node.kind = NodeKind::seq;
            node.span = where;
            for (const toml::node& item : *array) {
                if (!room(item, depth)) break;
                Node child = convert(item, depth + 1);
                node.span.end = std::max(node.span.end, child.span.end);
                node.children.push_back(std::move(child));
            }
            return node;
        }
        std::string_view written = s_.substr(where.begin, where.size());
        if (const auto* str = n.as_string()) return make_scalar(str->get(), ScalarType::string, where);
        if (const auto* b = n.as_boolean()) return make_scalar(b->get() ? "true" : "false", ScalarType::boolean, where);
        if (n.is_number()) return make_scalar(std::string(written), ScalarType::number, where);
        // Dates and times: keep them as written.
        return make_scalar(std::string(written), ScalarType::string, where);
    }

private:
    bool room(const toml::node& next, std::size_t depth) {
        if (depth + 1 < limits_.max_depth && nodes_ < limits_.max_nodes) return true;
        if (!limit_reported_) {
            limit_reported_ = true;
            problems.push_back(make_problem(offset(next.source().begin), DiagnosticKind::limit,
                                            depth + 1 >= limits_.max_depth ? "nesting too deep" : "too many nodes"));
        }
        return false;
    }

    std::string_view s_;
    LineIndex lines_;
    const ParseLimits& limits_;
    std::size_t nodes_ = 0;
    bool limit_reported_ = false;
};

} // namespace

ParseResult parse_toml(std::string_view bytes, const ParseLimits& limits) {
    ParseResult result;
    TreeBuilder builder(bytes, limits);
    if (std::size_t at = dotted_key_depth_exceeded(bytes, limits.max_depth); at != std::string_view::npos) {
        result.problems.push_back(make_problem(at, DiagnosticKind::limit, "nesting too deep"));
        return result;
    }
    try {
        toml::table table = toml::parse(bytes);
        Node root = builder.convert(table, 0);
        root.span = span_of(0, bytes.size());
        result.root = std::move(root);
        result.problems = std::move(builder.problems);
    } catch (const toml::parse_error& e) {
        result.problems.push_back(make_problem(builder.offset(e.source().begin), DiagnosticKind::parse_error, e.description()));
    } catch (const std::exception& e) {
        result.problems.push_back(make_problem(0, DiagnosticKind::parse_error, e.what()));
    }
    return result;
}

} // namespace handoff
