#include "parsers/loaders/github_expressions.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>

namespace handoff {

namespace {

enum class Tok : unsigned char { ident, dot, lbracket, rbracket, lparen, rparen, string, number, star, other };

struct Token {
    Tok kind = Tok::other;
    std::string_view text;
};

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) { ++i; continue; }
        std::size_t start = i;
        if (ident_start(c)) {
            while (i < s.size() && ident_char(s[i])) ++i;
            out.push_back({Tok::ident, s.substr(start, i - start)});
        } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) != 0 || s[i] == '.')) ++i;
            out.push_back({Tok::number, s.substr(start, i - start)});
        } else if (c == '\'') {
            // '' is an escaped quote inside a string literal.
            ++i;
            while (i < s.size()) {
                if (s[i] == '\'') {
                    if (i + 1 < s.size() && s[i + 1] == '\'') { i += 2; continue; }
                    break;
                }
                ++i;
            }
            out.push_back({Tok::string, s.substr(start + 1, i - start - 1)});
            if (i < s.size()) ++i;
        } else {
            Tok kind = Tok::other;
            switch (c) {
            case '.': kind = Tok::dot; break;
            case '[': kind = Tok::lbracket; break;
            case ']': kind = Tok::rbracket; break;
            case '(': kind = Tok::lparen; break;
            case ')': kind = Tok::rparen; break;
            case '*': kind = Tok::star; break;
            default: break;
            }
            ++i;
            out.push_back({kind, s.substr(start, 1)});
        }
    }
    return out;
}

bool is_literal_keyword(std::string_view word) {
    std::string w = lower(word);
    return w == "true" || w == "false" || w == "null" || w == "nan" || w == "infinity";
}

// Reads one property chain starting at tokens[i] (an identifier); returns the index
// just past it. A computed index ends the chain: its inner tokens are read as chains
// of their own by the caller.
std::size_t read_chain(const std::vector<Token>& toks, std::size_t i, Expression& expr) {
    ContextRead read;
    read.path = lower(toks[i].text);
    read.last_name = std::string(toks[i].text);
    ++i;
    while (i < toks.size()) {
        if (toks[i].kind == Tok::dot && i + 1 < toks.size()) {
            const Token& next = toks[i + 1];
            if (next.kind == Tok::ident) {
                read.path += '.';
                read.path += lower(next.text);
                read.last_name = std::string(next.text);
                i += 2;
                continue;
            }
            if (next.kind == Tok::star) {
                read.path += ".*";
                i += 2;
                continue;
            }
            break;
        }
        if (toks[i].kind == Tok::lbracket && i + 2 < toks.size() && toks[i + 2].kind == Tok::rbracket) {
            const Token& inner = toks[i + 1];
            if (inner.kind == Tok::string) {
                read.path += '.';
                read.path += lower(inner.text);
                read.last_name = std::string(inner.text);
                i += 3;
                continue;
            }
            if (inner.kind == Tok::number || inner.kind == Tok::star) {
                read.path += ".*";
                i += 3;
                continue;
            }
        }
        if (toks[i].kind == Tok::lbracket) {
            read.path += ".*";
            read.computed_index = true;
            ++i;  // the index expression's own chains are read by the caller
        }
        break;
    }
    expr.reads.push_back(std::move(read));
    return i;
}

void read_body(Expression& expr) {
    std::vector<Token> toks = tokenize(expr.body);
    std::size_t i = 0;
    while (i < toks.size()) {
        const Token& t = toks[i];
        bool after_dot = i > 0 && toks[i - 1].kind == Tok::dot;
        if (t.kind != Tok::ident || after_dot || is_literal_keyword(t.text)) { ++i; continue; }
        if (i + 1 < toks.size() && toks[i + 1].kind == Tok::lparen) {
            expr.functions.push_back(lower(t.text));
            ++i;
            continue;
        }
        i = read_chain(toks, i, expr);
    }
}

// Finds the "}}" that closes an expression, skipping string literals that may hold braces.
std::size_t closing_braces(std::string_view text, std::size_t from) {
    bool in_string = false;
    for (std::size_t i = from; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\'') {
            in_string = !in_string;  // '' toggles twice, which is what an escaped quote needs
        } else if (!in_string && c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            return i;
        }
    }
    return std::string_view::npos;
}

} // namespace

Expression parse_expression_body(std::string_view body) {
    Expression expr;
    expr.body = trim(body);
    read_body(expr);
    return expr;
}

std::vector<Expression> find_expressions(std::string_view text) {
    std::vector<Expression> out;
    std::size_t pos = 0;
    while ((pos = text.find("${{", pos)) != std::string_view::npos) {
        std::size_t close = closing_braces(text, pos + 3);
        std::size_t body_end = close == std::string_view::npos ? text.size() : close;
        Expression expr = parse_expression_body(text.substr(pos + 3, body_end - pos - 3));
        expr.begin = pos;
        expr.end = close == std::string_view::npos ? text.size() : close + 2;
        pos = expr.end;
        out.push_back(std::move(expr));
    }
    return out;
}

} // namespace handoff
