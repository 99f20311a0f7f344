#include "fix/code_strings.hpp"

#include <cctype>
#include <vector>

namespace handoff {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

struct Field {
    std::uint32_t begin, end;  // a replacement field's ${ ... } or { ... }
};

struct Found {
    StringLiteral lit;
    std::vector<Field> fields;  // JavaScript templates
};

// One pass over the text; false when something is left open.
class Lexer {
public:
    Lexer(std::string_view bytes, CodeLanguage language) : s_(bytes), language_(language) {}

    bool run() {
        if (language_ == CodeLanguage::python) return python();
        std::size_t i = 0;
        return js_code(i, false) && i >= s_.size();
    }
    [[nodiscard]] const std::vector<Found>& literals() const { return found_; }

private:
    std::string_view s_;
    CodeLanguage language_;
    std::vector<Found> found_;

    // Python: comments, prefixed and triple-quoted literals. An f-string's fields are read as
    // text: before 3.12 they cannot hold the quote that closes the literal.
    bool python() {
        std::size_t i = 0;
        while (i < s_.size()) {
            char c = s_[i];
            if (c == '#') {
                while (i < s_.size() && s_[i] != '\n') ++i;
            } else if (c == '"' || c == '\'') {
                if (!python_literal(i, i)) return false;
            } else if (ident_char(c)) {
                std::size_t start = i;
                while (i < s_.size() && ident_char(s_[i])) ++i;
                std::string prefix;
                for (std::size_t k = start; k < i; ++k) prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[k])));
                bool is_prefix = prefix == "r" || prefix == "u" || prefix == "f" || prefix == "b" || prefix == "br" ||
                                 prefix == "rb" || prefix == "fr" || prefix == "rf";
                if (is_prefix && i < s_.size() && (s_[i] == '"' || s_[i] == '\'')) {
                    if (!python_literal(start, i)) return false;
                }
            } else {
                ++i;
            }
        }
        return true;
    }

    bool python_literal(std::size_t start, std::size_t& i) {
        Found f;
        f.lit.begin = static_cast<std::uint32_t>(start);
        for (std::size_t k = start; k < i; ++k) {
            char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s_[k])));
            f.lit.raw = f.lit.raw || p == 'r';
            f.lit.bytes = f.lit.bytes || p == 'b';
            f.lit.format = f.lit.format || p == 'f';
        }
        char q = s_[i];
        f.lit.quote = q;
        f.lit.triple = s_.substr(i, 3) == std::string(3, q);
        std::size_t width = f.lit.triple ? 3 : 1;
        i += width;
        f.lit.body_begin = static_cast<std::uint32_t>(i);
        for (;;) {
            if (i >= s_.size()) return false;
            char c = s_[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n' && !f.lit.triple) return false;
            if (c == q && (!f.lit.triple || s_.substr(i, 3) == std::string(3, q))) break;
            ++i;
        }
        f.lit.body_end = static_cast<std::uint32_t>(i);
        i += width;
        f.lit.end = static_cast<std::uint32_t>(i);
        found_.push_back(std::move(f));
        return true;
    }

    // The last significant token before a '/', to tell a regular expression from a division.
    char last_ = '\0';
    std::string last_word_;

    bool regex_allowed() const {
        if (last_ == '\0') return true;
        if (ident_char(last_)) {
            static constexpr std::string_view kWords[] = {"return", "typeof", "case",  "do",    "else", "in",   "of",
                                                           "new",    "delete", "void", "throw", "yield", "await", "instanceof"};
            for (std::string_view w : kWords) {
                if (last_word_ == w) return true;
            }
            return false;
        }
        return last_ != ')' && last_ != ']' && last_ != '}';
    }

    // Code until the end, or until the '}' closing a template's field when `field`.
    bool js_code(std::size_t& i, bool field) {
        int depth = 0;
        while (i < s_.size()) {
            char c = s_[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++i;
            } else if (c == '/' && i + 1 < s_.size() && s_[i + 1] == '/') {
                while (i < s_.size() && s_[i] != '\n') ++i;
            } else if (c == '/' && i + 1 < s_.size() && s_[i + 1] == '*') {
                std::size_t close = s_.find("*/", i + 2);
                if (close == std::string_view::npos) return false;
                i = close + 2;
            } else if (c == '"' || c == '\'') {
                if (!js_string(i)) return false;
                last_ = '"';
            } else if (c == '`') {
                if (!js_template(i)) return false;
                last_ = '"';
            } else if (c == '/') {
                if (regex_allowed()) {
                    if (!js_regex(i)) return false;
                    last_ = '"';
                } else {
                    ++i;
                    last_ = '/';
                }
            } else if (ident_char(c)) {
                std::size_t start = i;
                while (i < s_.size() && ident_char(s_[i])) ++i;
                last_word_ = std::string(s_.substr(start, i - start));
                last_ = 'a';
            } else {
                if (c == '{') ++depth;
                if (c == '}') {
                    if (depth == 0) {
                        if (field) return true;  // the caller steps past it
                        return false;
                    }
                    --depth;
                }
                last_ = c;
                ++i;
            }
        }
        return !field && depth == 0;
    }

    bool js_string(std::size_t& i) {
        Found f;
        char q = s_[i];
        f.lit.begin = static_cast<std::uint32_t>(i);
        f.lit.quote = q;
        ++i;
        f.lit.body_begin = static_cast<std::uint32_t>(i);
        for (;;) {
            if (i >= s_.size() || s_[i] == '\n') return false;
            if (s_[i] == '\\') {
                i += 2;
                continue;
            }
            if (s_[i] == q) break;
            ++i;
        }
        f.lit.body_end = static_cast<std::uint32_t>(i);
        f.lit.end = static_cast<std::uint32_t>(++i);
        found_.push_back(std::move(f));
        return true;
    }

    bool js_template(std::size_t& i) {
        std::size_t index = found_.size();
        found_.push_back({});
        found_[index].lit.begin = static_cast<std::uint32_t>(i);
        found_[index].lit.quote = '`';
        ++i;
        found_[index].lit.body_begin = static_cast<std::uint32_t>(i);
        for (;;) {
            if (i >= s_.size()) return false;
            char c = s_[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') break;
            if (c == '$' && i + 1 < s_.size() && s_[i + 1] == '{') {
                std::uint32_t begin = static_cast<std::uint32_t>(i);
                i += 2;
                last_ = '{';
                if (!js_code(i, true) || i >= s_.size()) return false;
                ++i;  // the field's '}'
                found_[index].fields.push_back({begin, static_cast<std::uint32_t>(i)});
                continue;
            }
            ++i;
        }
        found_[index].lit.body_end = static_cast<std::uint32_t>(i);
        found_[index].lit.end = static_cast<std::uint32_t>(++i);
        return true;
    }

    bool js_regex(std::size_t& i) {
        ++i;
        bool in_class = false;
        for (;;) {
            if (i >= s_.size() || s_[i] == '\n') return false;
            char c = s_[i];
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') in_class = true;
            if (c == ']') in_class = false;
            ++i;
            if (c == '/' && !in_class) break;
        }
        while (i < s_.size() && ident_char(s_[i])) ++i;  // flags
        return true;
    }
};

// Python f-string: whether `at` of the body sits inside a {} replacement field.
bool in_python_field(std::string_view bytes, const StringLiteral& lit, std::uint32_t at) {
    int depth = 0;
    for (std::uint32_t i = lit.body_begin; i < at; ++i) {
        char c = bytes[i];
        if ((c == '{' || c == '}') && depth == 0 && i + 1 < at && bytes[i + 1] == c) {
            ++i;  // {{ and }} are literal braces
            continue;
        }
        if (c == '{') ++depth;
        if (c == '}' && depth > 0) --depth;
    }
    return depth > 0;
}

// The first significant byte before `at` on its line ('\n' at the line's start) and after `at`.
char before(std::string_view bytes, std::uint32_t at) {
    while (at > 0) {
        char c = bytes[--at];
        if (c != ' ' && c != '\t') return c == '\r' ? '\n' : c;
    }
    return '\n';
}
char after(std::string_view bytes, std::uint32_t at) {
    for (; at < bytes.size(); ++at) {
        char c = bytes[at];
        if (c != ' ' && c != '\t') return c == '\r' ? '\n' : c;
    }
    return '\n';
}

bool odd_backslashes_at_end(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && text[text.size() - 1 - n] == '\\') ++n;
    return n % 2 == 1;
}

} // namespace

std::optional<StringLiteral> literal_holding(std::string_view bytes, Span span, CodeLanguage language) {
    Lexer lexer(bytes, language);
    if (!lexer.run()) return std::nullopt;
    const Found* best = nullptr;
    for (const Found& f : lexer.literals()) {
        if (f.lit.body_begin <= span.begin && span.end <= f.lit.body_end &&
            (best == nullptr || f.lit.end - f.lit.begin < best->lit.end - best->lit.begin)) {
            best = &f;
        }
    }
    if (best == nullptr) return std::nullopt;
    StringLiteral lit = best->lit;
    for (const Field& field : best->fields) {
        lit.in_field = lit.in_field || (field.begin < span.end && span.begin < field.end);
    }
    if (lit.format) lit.in_field = in_python_field(bytes, lit, span.begin) || in_python_field(bytes, lit, span.end);
    return lit;
}

bool lexes_cleanly(std::string_view bytes, CodeLanguage language) { return Lexer(bytes, language).run(); }

std::string build_from_environment(std::string_view bytes, const StringLiteral& lit, Span span, const std::string& name,
                                   CodeLanguage language, std::string& why) {
    bool python = language == CodeLanguage::python;
    if (lit.in_field) {
        why = "the key is inside an expression of a formatted string: move it by hand";
        return {};
    }
    if (lit.triple || lit.bytes) {
        why = lit.triple ? "the key is inside a triple-quoted string: build it from the environment by hand"
                         : "the key is inside a bytes literal: build it from os.environb by hand";
        return {};
    }
    std::string_view body = bytes.substr(lit.body_begin, lit.body_end - lit.body_begin);
    if (lit.raw && body.find('\\') != std::string_view::npos) {
        why = "the key is inside a raw string with backslashes: build it from the environment by hand";
        return {};
    }
    std::string_view head = bytes.substr(lit.body_begin, span.begin - lit.body_begin);
    std::string_view tail = bytes.substr(span.end, lit.body_end - span.end);
    std::string lookup = python ? "os.environ[\"" + name + "\"]" : "process.env." + name;
    std::string text(bytes.substr(lit.begin, lit.end - lit.begin));
    std::uint32_t key_at = span.begin - lit.begin;
    if (lit.format) {
        // The field's quote must differ from the f-string's (before Python 3.12).
        char q = lit.quote == '"' ? '\'' : '"';
        return text.replace(key_at, span.size(), "{os.environ[" + std::string(1, q) + name + std::string(1, q) + "]}");
    }
    if (lit.quote == '`') return text.replace(key_at, span.size(), "${" + lookup + "}");
    if (odd_backslashes_at_end(head)) {
        why = "an escape runs into the key: build the string from the environment by hand";
        return {};
    }
    char prev = before(bytes, lit.begin);
    char next = after(bytes, lit.end);
    if (prev == '"' || prev == '\'' || next == '"' || next == '\'' || (!python && (prev == '`' || next == '`'))) {
        why = "the key is inside adjoining strings: build the string from the environment by hand";
        return {};
    }
    if (!python && next == ':' && (prev == '{' || prev == ',')) {
        why = "the key is inside an object's property name: build it from the environment by hand";
        return {};
    }
    std::string prefix(bytes.substr(lit.begin, lit.body_begin - lit.begin - 1));  // r, u: kept on each part
    std::string out;
    auto part = [&](std::string_view piece) { return prefix + lit.quote + std::string(piece) + lit.quote; };
    if (!head.empty()) out += part(head) + " + ";
    out += lookup;
    if (!tail.empty()) out += " + " + part(tail);
    // `+` binds looser than a call, an index, `%` or `*`: parentheses unless the literal
    // stands alone between separators and operators that bind looser still.
    static constexpr std::string_view kSafeBefore = "([{,=:+|&?\n";
    static constexpr std::string_view kSafeAfter = ")]},;:+=!<>|&?\n";
    bool safe_before = kSafeBefore.find(prev) != std::string_view::npos || ident_char(prev) ||
                       (prev == '>' && lit.begin >= 2 && bytes.substr(0, lit.begin).find_last_not_of(" \t") != std::string_view::npos &&
                        bytes[bytes.substr(0, lit.begin).find_last_not_of(" \t") - 1] == '=');
    bool safe_after = kSafeAfter.find(next) != std::string_view::npos || (python && next == '#') ||
                      (next != '$' && ident_char(next));
    if (!safe_before || !safe_after) out = "(" + out + ")";
    return out;
}

} // namespace handoff
