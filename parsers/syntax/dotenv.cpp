#include <cctype>

#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_scalar;
using syntax_detail::span_of;

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool key_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}

class DotenvParser {
public:
    DotenvParser(std::string_view text, const ParseLimits& limits) : s_(text), limits_(limits) {
        root_.kind = NodeKind::map;
        root_.span = span_of(0, s_.size());
    }

    ParseResult run() {
        while (pos_ < s_.size()) parse_line();
        ParseResult result;
        // Stray lines are ignored, unless they outnumber the assignments: then the
        // file is probably not dotenv at all and the caller should hear about it.
        if (bad_lines_ >= 3 && bad_lines_ > root_.children.size()) {
            result.problems.push_back(syntax_detail::make_problem(
                first_bad_, DiagnosticKind::parse_error, "most lines are not KEY=value assignments"));
        }
        if (root_.children.size() >= limits_.max_nodes) {
            result.problems.push_back(
                syntax_detail::make_problem(pos_, DiagnosticKind::limit, "too many entries"));
        }
        result.root = std::move(root_);
        return result;
    }

private:
    std::size_t line_end(std::size_t from) const {
        std::size_t end = s_.find('\n', from);
        return end == std::string_view::npos ? s_.size() : end;
    }
    void skip_blanks() {
        while (pos_ < s_.size() && is_blank(s_[pos_])) ++pos_;
    }
    // Moves past the rest of the current line, including its newline.
    void next_line() {
        pos_ = line_end(pos_);
        if (pos_ < s_.size()) ++pos_;
    }
    void bad_line(std::size_t at) {
        if (bad_lines_++ == 0) first_bad_ = at;
        next_line();
    }

    void parse_line() {
        skip_blanks();
        if (pos_ >= s_.size()) return;
        char c = s_[pos_];
        if (c == '\n' || c == '#' || (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n')) {
            next_line();
            return;
        }
        std::size_t line_begin = pos_;
        if (s_.substr(pos_, 6) == "export" && pos_ + 6 < s_.size() && is_blank(s_[pos_ + 6])) {
            pos_ += 6;
            skip_blanks();
        }
        if (pos_ >= s_.size() || !key_start(s_[pos_])) return bad_line(line_begin);
        std::size_t key_begin = pos_;
        while (pos_ < s_.size() && key_char(s_[pos_])) ++pos_;
        std::size_t key_end = pos_;
        skip_blanks();
        if (pos_ >= s_.size() || s_[pos_] != '=') return bad_line(line_begin);
        ++pos_;
        skip_blanks();

        Node member = parse_value();
        member.key = std::string(s_.substr(key_begin, key_end - key_begin));
        member.key_span = span_of(key_begin, key_end);
        if (root_.children.size() < limits_.max_nodes) root_.children.push_back(std::move(member));
    }

    Node parse_value() {
        if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
            std::size_t begin = pos_;
            std::string value;
            std::size_t end = s_[pos_] == '"' ? double_quoted(begin, value) : single_quoted(begin, value);
            if (end != std::string_view::npos) {
                pos_ = end;
                next_line();  // whatever follows the closing quote is a comment or noise
                return make_scalar(std::move(value), ScalarType::string, span_of(begin, end));
            }
            // An unterminated quote: read the line as an unquoted value.
        }
        return unquoted();
    }

    // Returns the offset after the closing quote, or npos when there is none.
    std::size_t double_quoted(std::size_t begin, std::string& value) const {
        for (std::size_t i = begin + 1; i < s_.size(); ++i) {
            char c = s_[i];
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < s_.size()) {
                char e = s_[++i];
                switch (e) {
                case 'n': value += '\n'; break;
                case 'r': value += '\r'; break;
                case 't': value += '\t'; break;
                case '\\': case '"': case '$': value += e; break;
                case '\n': break;  // a backslash-newline joins lines
                default: value += '\\'; value += e; break;
                }
                continue;
            }
            if (c == '\r' && i + 1 < s_.size() && s_[i + 1] == '\n') continue;
            value += c;
        }
        return std::string_view::npos;
    }

    std::size_t single_quoted(std::size_t begin, std::string& value) const {
        std::size_t close = s_.find('\'', begin + 1);
        if (close == std::string_view::npos) return close;
        for (std::size_t i = begin + 1; i < close; ++i) {
            if (s_[i] == '\r' && i + 1 < close && s_[i + 1] == '\n') continue;
            value += s_[i];
        }
        return close + 1;
    }

    Node unquoted() {
        std::size_t begin = pos_;
        std::size_t end = line_end(pos_);
        // An inline comment starts at a '#' that follows whitespace.
        for (std::size_t i = begin; i < end; ++i) {
            if (s_[i] == '#' && (i == begin || is_blank(s_[i - 1]))) {
                end = i;
                break;
            }
        }
        while (end > begin && (is_blank(s_[end - 1]) || s_[end - 1] == '\r')) --end;
        pos_ = end;
        next_line();
        return make_scalar(std::string(s_.substr(begin, end - begin)), ScalarType::string, span_of(begin, end));
    }

    std::string_view s_;
    const ParseLimits& limits_;
    std::size_t pos_ = 0;
    Node root_;
    std::size_t bad_lines_ = 0;
    std::size_t first_bad_ = 0;
};

} // namespace

ParseResult parse_dotenv(std::string_view bytes, const ParseLimits& limits) {
    return DotenvParser(bytes, limits).run();
}

} // namespace handoff
