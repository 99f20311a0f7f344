#include "core/text.hpp"

#include <algorithm>
#include <numeric>

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

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::vector<std::string_view> nearest_words(std::string_view word, const std::vector<std::string_view>& candidates,
                                            std::size_t limit) {
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // (distance, index)
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        std::string_view c = candidates[i];
        std::size_t d = edit_distance(word, c);
        std::size_t allowed = std::max<std::size_t>(2, std::max(word.size(), c.size()) / 3);
        bool prefix = !word.empty() && word.size() >= 3 && lower(c).starts_with(lower(word));
        if (d <= allowed || prefix) scored.emplace_back(prefix ? std::min<std::size_t>(d, 1) : d, i);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string_view> out;
    for (std::size_t k = 0; k < scored.size() && out.size() < limit; ++k) out.push_back(candidates[scored[k].second]);
    return out;
}

} // namespace handoff
