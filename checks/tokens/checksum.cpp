#include "checks/tokens/checksum.hpp"

#include <array>

namespace handoff::tokens {

namespace {
constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
        table[i] = c;
    }
    return table;
}
constexpr auto kCrcTable = make_crc_table();
constexpr std::string_view kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
} // namespace

std::uint32_t crc32(std::string_view data) {
    std::uint32_t c = 0xFFFFFFFFU;
    for (char ch : data) c = kCrcTable[(c ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (c >> 8U);
    return c ^ 0xFFFFFFFFU;
}

bool base62_crc32_valid(std::string_view token) {
    if (token.size() != 40) return false;
    std::string_view body = token.substr(4, 30);
    std::string_view check = token.substr(34, 6);
    std::uint32_t n = crc32(body);
    std::array<char, 6> digits{'0', '0', '0', '0', '0', '0'};
    for (int i = 5; i >= 0 && n != 0; --i) {
        digits[static_cast<std::size_t>(i)] = kBase62[n % 62];
        n /= 62;
    }
    if (n != 0) return false;  // cannot happen: 62^6 > 2^32
    return check == std::string_view(digits.data(), digits.size());
}

} // namespace handoff::tokens
