#include "core/glob.hpp"

#include <vector>

namespace handoff {

bool glob_match(std::string_view pattern, std::string_view text) {
    // Iterative matcher with single backtrack points for '*' and '**'.
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star_p = std::string_view::npos;
    std::size_t star_t = 0;
    bool star_crosses = false;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star_crosses = p + 1 < pattern.size() && pattern[p + 1] == '*';
            p += star_crosses ? 2 : 1;
            if (star_crosses && p < pattern.size() && pattern[p] == '/') {
                // "**/" also matches zero directories.
                if (glob_match(pattern.substr(p + 1), text.substr(t))) return true;
            }
            star_p = p;
            star_t = t;
            continue;
        }
        if (p < pattern.size() && (pattern[p] == '?' ? text[t] != '/' : pattern[p] == text[t])) {
            ++p;
            ++t;
            continue;
        }
        if (star_p != std::string_view::npos && (star_crosses || text[star_t] != '/')) {
            p = star_p;
            t = ++star_t;
            continue;
        }
        return false;
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool path_glob_match(std::string_view pattern, std::string_view relative_path) {
    if (pattern.empty()) return false;
    bool anchored = pattern.find('/') != std::string_view::npos && pattern.find('/') != pattern.size() - 1;
    while (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
    if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
    if (anchored) {
        // The pattern names a file or a directory whose contents are matched too.
        if (glob_match(pattern, relative_path)) return true;
        std::size_t slash = relative_path.find('/');
        while (slash != std::string_view::npos) {
            if (glob_match(pattern, relative_path.substr(0, slash))) return true;
            slash = relative_path.find('/', slash + 1);
        }
        return false;
    }
    std::size_t start = 0;
    while (start <= relative_path.size()) {
        std::size_t end = relative_path.find('/', start);
        std::string_view segment = relative_path.substr(start, end == std::string_view::npos ? end : end - start);
        if (glob_match(pattern, segment)) return true;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return false;
}

} // namespace handoff
