#include "checks/tokens/pairs.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "checks/tokens/engine.hpp"
#include "core/text.hpp"

namespace handoff::tokens {

namespace {
constexpr std::size_t kMaxKeyedLine = 2000;

constexpr std::array<std::string_view, 9> kPairWords = {
    "pass", "pwd", "secret", "token", "key", "auth", "credential", "-u ", "--user ",
};

bool is_key_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }

Span span_of(std::size_t begin, std::size_t size) {
    return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + size)};
}

// The "value": after a pair's "name": "X".
const RE2& pair_value_re() {
    static const RE2 re(R"(^[^{}\[\]]{0,200}?\bvalue\\?["']?[ \t]*[:=][ \t]*())", RE2::Quiet);
    return re;
}

// curl -u user:password
const RE2& curl_user_re() {
    static const RE2 re(R"((?:^|\s)(?:-u|--user)[ \t]+["']?([^\s"':$]{1,64}):([^\s"']{1,128}))", RE2::Quiet);
    return re;
}

// The identifier [kb, ke) is the quoted value of a name/key/header member: "name": "X".
bool is_pair_name(std::string_view text, std::size_t kb, std::size_t ke) {
    if (kb < 2 || ke >= text.size()) return false;
    char q = text[kb - 1];
    if ((q != '"' && q != '\'') || text[ke] != q) return false;
    std::size_t p = kb - 1;
    if (p > 0 && text[p - 1] == '\\') --p;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p == 0 || (text[p - 1] != ':' && text[p - 1] != '=')) return false;
    --p;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p > 0 && (text[p - 1] == '"' || text[p - 1] == '\'')) --p;
    if (p > 0 && text[p - 1] == '\\') --p;
    std::size_t e = p;
    while (p > 0 && is_alnum(text[p - 1])) --p;
    std::string_view member = text.substr(p, e - p);
    return member == "name" || member == "key" || member == "header";
}

// A value after a separator: quoted (to the closing quote) or bare (to whitespace or
// punctuation that ends an expression). Returns its offset within line and its length.
std::pair<std::size_t, std::size_t> read_value(std::string_view line, std::size_t pos) {
    pos = std::min(pos, line.size());
    if (pos < line.size() && line[pos] == '\\' && pos + 1 < line.size() && (line[pos + 1] == '"' || line[pos + 1] == '\'')) ++pos;
    if (pos >= line.size()) return {pos, 0};
    char q = line[pos];
    if (q == '"' || q == '\'' || q == '`') {
        std::size_t start = pos + 1;
        std::size_t end = start;
        while (end < line.size() && line[end] != q && !(line[end] == '\\' && end + 1 < line.size() && line[end + 1] == q)) ++end;
        return {start, end - start};
    }
    std::size_t end = pos;
    while (end < line.size()) {
        char c = line[end];
        if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' ||
            c == '(' || c == ')' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\\' || c == '<') {
            break;
        }
        ++end;
    }
    return {pos, end - pos};
}

// The value at pos of line (line_offset into the text) under key; then the Key=Value
// parts of a quoted connection string.
void judge_value_at(const Engine& engine, std::string_view key, std::string_view line, std::size_t pos,
                    std::size_t line_offset, std::vector<TokenMatch>& out) {
    auto [vb, vl] = read_value(line, pos);
    if (vl == 0) return;
    std::string_view value = line.substr(vb, vl);
    std::size_t skipped = 0;
    std::string_view stripped = strip_scheme(value, skipped);
    if (skipped > 0 && stripped.empty()) return;
    if (stripped.size() != value.size()) {
        // A quoted "Bearer x y" keeps only its first word.
        stripped = stripped.substr(0, stripped.find_first_of(" \t"));
    } else if (value == "Bearer" || value == "bearer" || value == "token" || value == "Token" || value == "Basic") {
        // A bare "Bearer" (Authorization: Bearer x, or NetBox and DRF's Token x) takes the next word.
        auto [nb, nl] = read_value(line, vb + vl + 1);
        stripped = line.substr(nb, nl);
    }
    if (stripped.empty()) return;
    std::size_t off = line_offset + static_cast<std::size_t>(stripped.data() - line.data());
    engine.judge_keyed(key, line, stripped, span_of(off, stripped.size()), out);
    // Connection strings and similar: Key=Value;Password=...; inside a quoted value.
    if (vb > pos && value.find(';') != std::string_view::npos) {
        std::size_t from = 0;
        while (from < value.size()) {
            std::size_t semi = value.find(';', from);
            std::string_view part = value.substr(from, semi == std::string_view::npos ? std::string_view::npos : semi - from);
            std::size_t eq = part.find('=');
            if (eq != std::string_view::npos && eq + 1 < part.size()) {
                std::string_view k = part.substr(0, eq);
                std::string_view v = part.substr(eq + 1);
                std::size_t voff = line_offset + static_cast<std::size_t>(v.data() - line.data());
                engine.judge_keyed(k, line, v, span_of(voff, v.size()), out);
            }
            if (semi == std::string_view::npos) break;
            from = semi + 1;
        }
    }
}
} // namespace

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::span<const std::string_view> pair_words() { return kPairWords; }

std::string_view strip_scheme(std::string_view v, std::size_t& skipped) {
    skipped = 0;
    for (std::string_view s : {std::string_view("Bearer "), std::string_view("bearer "), std::string_view("Token "),
                               std::string_view("token "), std::string_view("Basic "), std::string_view("basic ")}) {
        if (v.starts_with(s)) {
            skipped = s.size();
            while (skipped < v.size() && v[skipped] == ' ') ++skipped;
            return v.substr(skipped);
        }
    }
    return v;
}

std::size_t read_pair_at(const Engine& engine, std::string_view text, std::size_t at, std::vector<TokenMatch>& out) {
    // curl -u user:password / --user user:password
    if (text.substr(at, 3) == "-u " || text.substr(at, 7) == "--user ") {
        std::size_t le = line_end(text, at);
        std::size_t from = at >= 1 ? at - 1 : 0;
        std::string_view line = text.substr(from, std::min<std::size_t>(le - from, 512));
        re2::StringPiece user, pass;
        if (RE2::PartialMatch(line, curl_user_re(), &user, &pass)) {
            std::size_t off = static_cast<std::size_t>(pass.data() - text.data());
            engine.judge_keyed("password", line, std::string_view(pass.data(), pass.size()), span_of(off, pass.size()), out);
        }
        return at + 3;
    }
    // The identifier around the keyword: the key name.
    std::size_t kb = at;
    while (kb > 0 && at - kb < 80 && is_key_char(text[kb - 1])) --kb;
    std::size_t ke = at;
    while (ke < text.size() && ke - at < 80 && is_key_char(text[ke])) ++ke;
    if (ke == kb) return at + 1;
    // A name glued to a value before it (arn:aws:secretsmanager:..., a=b=c) is part of that value.
    if (kb > 0 && (text[kb - 1] == ':' || text[kb - 1] == '/' || text[kb - 1] == '=' || text[kb - 1] == '@')) return ke;
    std::string_view key = text.substr(kb, ke - kb);
    // The member names of {key: X, value: Y} pairs are structure, not key names.
    std::string lowered = lower(key);
    if (lowered == "key" || lowered == "name" || lowered == "value" || lowered == "header") return ke;
    std::size_t le = line_end(text, ke);
    std::size_t ls = line_start(text, kb);
    // Minified bundles: generated names say nothing about their values.
    if (le - ls > kMaxKeyedLine) return le;
    std::string_view line = text.substr(ls, std::min<std::size_t>(le - ls, 4096));
    // {"name": "Authorization", "value": "..."}: the keyword sits in the pair's name.
    if (is_pair_name(text, kb, ke)) {
        std::size_t q = ke < text.size() && (text[ke] == '"' || text[ke] == '\'') ? ke + 1 : ke;
        std::string_view after = text.substr(q, std::min<std::size_t>(240, text.size() - q));
        re2::StringPiece in(after.data(), after.size());
        re2::StringPiece m;
        if (RE2::PartialMatch(in, pair_value_re(), &m)) {
            std::size_t sep_end = static_cast<std::size_t>(m.data() - text.data());
            std::size_t vls = line_start(text, sep_end);
            std::size_t vle = line_end(text, sep_end);
            judge_value_at(engine, key, text.substr(vls, vle - vls), sep_end - vls, vls, out);
        }
        return ke;
    }
    // KEY <sep> value, with optional closing quote/bracket before the separator.
    std::size_t p = ke;
    if (p < text.size() && text[p] == '\\') ++p;
    if (p < text.size() && (text[p] == '"' || text[p] == '\'')) ++p;
    if (p < text.size() && text[p] == ']') ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    std::size_t sep = p;
    if (p + 1 < text.size() && ((text[p] == '=' && text[p + 1] == '>') || (text[p] == ':' && text[p + 1] == '=') ||
                                (text[p] == '?' && text[p + 1] == '='))) {
        p += 2;
    } else if (p < text.size() && (text[p] == '=' || text[p] == ':')) {
        ++p;
    } else if (key.starts_with("aws_") || key.starts_with("AWS_")) {
        // aws configure set aws_secret_access_key VALUE
    } else {
        return ke;
    }
    if (p == sep && !(key.starts_with("aws_") || key.starts_with("AWS_"))) return ke;
    // KEY= value (nothing before '=', blank after) is an empty assignment in shell, dotenv
    // and -Dprop= flags; "KEY = value" with blanks on both sides is code or INI.
    bool tight = sep == ke || (sep > ke && text[sep - 1] != ' ' && text[sep - 1] != '\t');
    if (text[sep] == '=' && tight && p < text.size() && (text[p] == ' ' || text[p] == '\t')) return ke;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p >= le) return ke;
    judge_value_at(engine, key, line, p - ls, ls, out);
    return ke;
}

} // namespace handoff::tokens
