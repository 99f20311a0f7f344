#include "core/text_encoding.hpp"

#include <cstring>

namespace handoff {

namespace {
bool has_utf16_bom(std::string_view b) {
    return b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
} // namespace

bool looks_binary(std::string_view bytes) {
    if (has_utf16_bom(bytes)) return false;
    return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<std::string> transcode_utf16(std::string_view bytes) {
    if (!has_utf16_bom(bytes)) return std::nullopt;
    bool little = bytes[0] == '\xFF';
    std::string out;
    out.reserve(bytes.size() / 2);
    auto unit = [&](std::size_t i) -> std::uint32_t {
        auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
        auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
        return (std::uint32_t{hi} << 8) | lo;
    };
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
            std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

std::optional<std::uint32_t> first_invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        // Eight ASCII bytes at a time: most scanned text is ASCII.
        while (i + 8 <= bytes.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
        if (i >= bytes.size()) break;
        auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t need = 0;
        std::uint32_t min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) { need = 1; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { need = 2; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { need = 3; min = 0x10000; }
        else return static_cast<std::uint32_t>(i);
        if (i + need >= bytes.size()) return static_cast<std::uint32_t>(i);
        std::uint32_t cp = c & (0x3F >> need);
        for (std::size_t k = 1; k <= need; ++k) {
            auto cc = static_cast<unsigned char>(bytes[i + k]);
            if ((cc & 0xC0) != 0x80) return static_cast<std::uint32_t>(i);
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) return static_cast<std::uint32_t>(i);
        i += need + 1;
    }
    return std::nullopt;
}

} // namespace handoff
