#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_problem;
using syntax_detail::make_scalar;
using syntax_detail::span_of;

// nlohmann's SAX events carry no positions. This iterator records how many bytes
// the lexer has consumed; at each event the last consumed byte is the end of the
// token (or, for numbers, one byte of lookahead past it).
class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* p, const char* base, std::size_t* consumed) : p_(p), base_(base), consumed_(consumed) {}

    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        *consumed_ = static_cast<std::size_t>(p_ - base_);
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.p_ == b.p_; }

private:
    const char* p_ = nullptr;
    const char* base_ = nullptr;
    std::size_t* consumed_ = nullptr;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// JSONC allows a comma before a closing bracket. Blank such commas with a space, so
// that every other byte keeps its offset. Returns false when there were none.
bool blank_trailing_commas(std::string& text) {
    bool changed = false;
    std::size_t pending = std::string::npos;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        char c = text[i];
        if (c == '"') {
            pending = std::string::npos;
            for (++i; i < n && text[i] != '"'; ++i) {
                if (text[i] == '\\') ++i;
            }
            ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && text[i + 1] == '/') {
            while (i < n && text[i] != '\n') ++i;
            continue;
        }
        if (c == '/' && i + 1 < n && text[i + 1] == '*') {
            std::size_t close = text.find("*/", i + 2);
            i = close == std::string::npos ? n : close + 2;
            continue;
        }
        if (!is_space(c)) {
            if ((c == ']' || c == '}') && pending != std::string::npos) {
                text[pending] = ' ';
                changed = true;
            }
            pending = c == ',' ? i : std::string::npos;
        }
        ++i;
    }
    return changed;
}

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
public:
    TreeBuilder(std::string_view text, const std::size_t& consumed, const ParseLimits& limits)
        : s_(text), consumed_(consumed), limits_(limits) {}

    bool null() override { return add(make_scalar("null", ScalarType::null, literal_span(4))); }
    bool boolean(bool v) override {
        return add(make_scalar(v ? "true" : "false", ScalarType::boolean, literal_span(v ? 4 : 5)));
    }
    bool number_integer(number_integer_t /*v*/) override { return number(); }
    bool number_unsigned(number_unsigned_t /*v*/) override { return number(); }
    bool number_float(number_float_t /*v*/, const string_t& /*s*/) override { return number(); }
    bool string(string_t& v) override { return add(make_scalar(std::move(v), ScalarType::string, string_span())); }
    bool binary(binary_t& /*v*/) override { return true; }

    bool start_object(std::size_t /*n*/) override { return open(NodeKind::map); }
    bool start_array(std::size_t /*n*/) override { return open(NodeKind::seq); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        key_ = std::move(k);
        key_span_ = string_span();
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& ex) override {
        // The lexer may count past the end (a comment running to the end of the input).
        std::size_t at = std::min(position > 0 ? position - 1 : 0, s_.size());
        problems_.push_back(make_problem(at, DiagnosticKind::parse_error, clean(ex.what())));
        return false;
    }

    ParseResult finish() {
        // After an error or a limit, keep what was read: close the open collections.
        while (!stack_.empty()) {
            stack_.back().span.end = static_cast<std::uint32_t>(consumed_);
            close();
        }
        ParseResult result;
        result.root = std::move(root_);
        result.problems = std::move(problems_);
        return result;
    }

private:
    // nlohmann's messages end with "; last read: '<input>'": keep only the reason.
    static std::string clean(std::string_view what) {
        if (auto pos = what.find("; last read"); pos != std::string_view::npos) what = what.substr(0, pos);
        if (auto pos = what.find("] "); pos != std::string_view::npos && what.front() == '[') what = what.substr(pos + 2);
        // The position is reported separately.
        if (what.rfind("parse error at line", 0) == 0) {
            if (auto pos = what.find(": "); pos != std::string_view::npos) what = what.substr(pos + 2);
        }
        return std::string(what);
    }

    Span literal_span(std::size_t length) const { return span_of(consumed_ - length, consumed_); }

    Span string_span() const {
        std::size_t end = consumed_;
        // Walk back to the opening quote: a quote preceded by an odd run of
        // backslashes is escaped.
        std::size_t i = end >= 2 ? end - 2 : 0;
        while (i > 0) {
            std::size_t q = s_.rfind('"', i);
            if (q == std::string_view::npos) return span_of(0, end);
            std::size_t run = 0;
            while (run < q && s_[q - 1 - run] == '\\') ++run;
            if (run % 2 == 0) return span_of(q, end);
            if (q == 0) break;
            i = q - 1;
        }
        return span_of(0, end);
    }

    bool number() {
        std::size_t end = consumed_;
        bool at_eof_inside = end == s_.size() && end > 0 && is_number_char(s_[end - 1]);
        if (!at_eof_inside && end > 0) --end;  // the lexer read one byte past the number
        std::size_t begin = end;
        while (begin > 0 && is_number_char(s_[begin - 1])) --begin;
        return add(make_scalar(std::string(s_.substr(begin, end - begin)), ScalarType::number, span_of(begin, end)));
    }

    bool count_node() {
        if (++nodes_ <= limits_.max_nodes) return true;
        problems_.push_back(make_problem(consumed_, DiagnosticKind::limit, "too many nodes"));
        return false;
    }

    bool open(NodeKind kind) {
        if (stack_.size() >= limits_.max_depth) {
            problems_.push_back(make_problem(consumed_ - 1, DiagnosticKind::limit, "nesting too deep"));
            return false;
        }
        if (!count_node()) return false;
        Node node;
        node.kind = kind;
        node.span = span_of(consumed_ - 1, consumed_);
        if (!stack_.empty() && stack_.back().is_map()) {
            node.key = std::move(key_);
            node.key_span = key_span_;
        }
        stack_.push_back(std::move(node));
        return true;
    }

    bool close() {
        Node node = std::move(stack_.back());
        stack_.pop_back();
        if (node.span.end < consumed_) node.span.end = static_cast<std::uint32_t>(consumed_);
        attach(std::move(node));
        return true;
    }

    bool add(Node node) {
        if (!count_node()) return false;
        if (!stack_.empty() && stack_.back().is_map()) {
            node.key = std::move(key_);
            node.key_span = key_span_;
        }
        attach(std::move(node));
        return true;
    }

    void attach(Node node) {
        if (stack_.empty()) {
            root_ = std::move(node);
        } else {
            stack_.back().children.push_back(std::move(node));
        }
    }

    std::string_view s_;
    const std::size_t& consumed_;
    const ParseLimits& limits_;
    std::vector<Node> stack_;
    std::optional<Node> root_;
    std::string key_;
    Span key_span_;
    std::size_t nodes_ = 0;
    std::vector<ParseProblem> problems_;
};

} // namespace

ParseResult parse_json(std::string_view bytes, const ParseLimits& limits) {
    std::string blanked;
    std::string_view text = bytes;
    if (bytes.find(',') != std::string_view::npos) {
        blanked.assign(bytes);
        if (blank_trailing_commas(blanked)) text = blanked;
    }
    std::size_t consumed = 0;
    TreeBuilder builder(text, consumed, limits);
    CountingIterator first(text.data(), text.data(), &consumed);
    CountingIterator last(text.data() + text.size(), text.data(), &consumed);
    try {
        nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/true);
    } catch (const std::exception& e) {
        ParseResult failed = builder.finish();
        failed.problems.push_back(make_problem(std::min(consumed, text.size()), DiagnosticKind::parse_error, e.what()));
        return failed;
    }
    return builder.finish();
}

} // namespace handoff
