#include "parsers/loaders/url_text.hpp"

namespace handoff {

std::string safe_url_text(std::string_view url) {
    std::string out(url);
    std::size_t scheme = out.find("://");
    if (scheme != std::string::npos) {
        std::size_t host = scheme + 3;
        std::size_t end = out.find_first_of("/?#", host);
        std::size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
        if (at != std::string::npos && at >= host) out.erase(host, at + 1 - host);
    }
    // Cut at the first '?' outside an expression's {{ }}.
    int depth = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "{{") == 0) {
            ++depth;
            ++i;
        } else if (out.compare(i, 2, "}}") == 0 && depth > 0) {
            --depth;
            ++i;
        } else if (out[i] == '?' && depth == 0) {
            out.erase(i);
            break;
        }
    }
    constexpr std::size_t kMax = 200;
    if (out.size() > kMax) out = out.substr(0, kMax) + "...";
    return out;
}

} // namespace handoff
