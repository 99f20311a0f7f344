#include "checks/tokens/base64.hpp"

#include <array>

namespace handoff::tokens {

namespace {
constexpr std::array<signed char, 256> make_decode_table() {
    std::array<signed char, 256> t{};
    for (auto& v : t) v = -1;
    constexpr std::string_view kStd = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < kStd.size(); ++i) t[static_cast<unsigned char>(kStd[i])] = static_cast<signed char>(i);
    t[static_cast<unsigned char>('-')] = 62;
    t[static_cast<unsigned char>('_')] = 63;
    return t;
}
constexpr auto kDecode = make_decode_table();
} // namespace

std::optional<std::string> base64_decode(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        signed char v = kDecode[static_cast<unsigned char>(c)];
        if (v < 0) return std::nullopt;
        acc = (acc << 6U) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> static_cast<unsigned>(bits)) & 0xFFU));
        }
    }
    return out;
}

bool is_printable_text(std::string_view bytes) {
    for (char c : bytes) {
        auto u = static_cast<unsigned char>(c);
        if (u == '\n' || u == '\r' || u == '\t') continue;
        if (u < 0x20 || u >= 0x7F) return false;
    }
    return true;
}

std::optional<std::string> decode_base64_text(std::string_view value) {
    if (value.size() < 12) return std::nullopt;
    std::size_t padded = value.size();
    while (padded > 0 && value[padded - 1] == '=') --padded;
    if (value.size() - padded > 2) return std::nullopt;
    if (value.size() != padded && value.size() % 4 != 0) return std::nullopt;
    auto decoded = base64_decode(value);
    if (!decoded || decoded->size() < 8 || !is_printable_text(*decoded)) return std::nullopt;
    return decoded;
}

} // namespace handoff::tokens
