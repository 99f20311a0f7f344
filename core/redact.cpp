#include "core/redact.hpp"

namespace handoff {

namespace {
// Keeps a prefix or suffix from cutting a UTF-8 sequence in half.
std::size_t utf8_floor(std::string_view s, std::size_t n) {
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0U) == 0x80U) --n;
    return n;
}
std::size_t utf8_ceil(std::string_view s, std::size_t n) {
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0U) == 0x80U) ++n;
    return n;
}
} // namespace

std::string redact(std::string_view secret) {
    std::size_t n = secret.size();
    std::size_t head = n >= 16 ? 4 : (n >= 8 ? 2 : 0);
    std::size_t tail = n >= 16 ? 2 : 0;
    head = utf8_floor(secret, head);
    std::size_t tail_from = utf8_ceil(secret, n - tail);
    std::string out;
    out.reserve(head + (n - tail_from) + 24);
    out.append(secret.substr(0, head));
    out += "\u2026";
    out.append(secret.substr(tail_from));
    out += " (";
    out += std::to_string(n);
    out += " chars)";
    return out;
}

std::string redact_within(std::string_view text, std::string_view secret) {
    if (secret.empty()) return std::string(text);
    std::string replacement = redact(secret);
    std::string out;
    std::size_t from = 0;
    while (true) {
        std::size_t at = text.find(secret, from);
        if (at == std::string_view::npos) break;
        out.append(text.substr(from, at - from));
        out += replacement;
        from = at + secret.size();
    }
    out.append(text.substr(from));
    return out;
}

} // namespace handoff
