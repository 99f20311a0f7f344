#include "core/text.hpp"

#include <algorithm>

namespace handoff {
namespace {
constexpr char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
} // namespace

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = fold(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

bool icontains(std::string_view haystack, std::string_view needle) {
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char x, char y) { return fold(x) == fold(y); });
    return it != haystack.end() || needle.empty();
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string_view trim(std::string_view text, std::string_view chars) {
    std::size_t first = text.find_first_not_of(chars);
    if (first == std::string_view::npos) return {};
    std::size_t last = text.find_last_not_of(chars);
    return text.substr(first, last - first + 1);
}

std::size_t line_start(std::string_view text, std::size_t pos, std::size_t floor) {
    pos = std::min(pos, text.size());
    if (floor >= pos) return pos == 0 ? 0 : floor;
    std::size_t nl = text.substr(floor, pos - floor).rfind('\n');
    return nl == std::string_view::npos ? floor : floor + nl + 1;
}

std::size_t line_end(std::string_view text, std::size_t pos, std::size_t ceiling) {
    ceiling = std::min(ceiling, text.size());
    if (pos >= ceiling) return ceiling;
    std::size_t nl = text.substr(pos, ceiling - pos).find('\n');
    return nl == std::string_view::npos ? ceiling : pos + nl;
}

} // namespace handoff
