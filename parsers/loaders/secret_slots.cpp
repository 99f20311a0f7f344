#include "parsers/loaders/secret_slots.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace handoff {

namespace {
} // namespace

bool is_unfilled_value(std::string_view value) {
    std::string v = lower(value);
    for (std::string_view scheme : {"bearer ", "basic ", "token "}) {
        if (v.starts_with(scheme)) {
            v = v.substr(scheme.size());
            value.remove_prefix(scheme.size());
        }
    }
    if (is_placeholder_value(value)) return true;
    // {secret}, [API_KEY]: a template slot, not JSON.
    if (v.size() >= 3 && ((v.front() == '{' && v.back() == '}') || (v.front() == '[' && v.back() == ']')) &&
        v.find_first_of(":\",") == std::string::npos)
        return true;
    static constexpr std::array kWords{"none", "null", "undefined", "not-set", "not_set", "set_me", "set-me"};
    return std::find(kWords.begin(), kWords.end(), v) != kWords.end();
}

std::string provider_from_name(std::string_view name) {
    std::string n = lower(name);
    std::size_t cut = n.find('_');
    if (cut == std::string::npos) return {};
    std::string first = n.substr(0, cut);
    static constexpr std::array kGeneric{"api", "auth", "access", "secret", "token", "key", "mcp", "server",
                                         "client", "app", "my", "bearer", "private", "x"};
    if (first.empty() || std::find(kGeneric.begin(), kGeneric.end(), first) != kGeneric.end()) return {};
    return first;
}

} // namespace handoff
