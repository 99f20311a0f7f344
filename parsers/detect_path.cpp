#include "parsers/detect_path.hpp"

#include "core/path_name.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>

namespace handoff {

namespace {
bool strip_suffix(std::string& name, std::string_view suffix) {
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        name.resize(name.size() - suffix.size());
        return true;
    }
    return false;
}
} // namespace

std::string effective_extension(std::string_view path) {
    std::string name = lower(base_name(path));
    static constexpr std::array<std::string_view, 9> kNoise{".tmpl", ".template", ".example", ".sample", ".dist",
                                                            ".bak", ".orig", ".j2", "_"};
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view noise : kNoise) stripped = stripped || strip_suffix(name, noise);
    }
    std::size_t dot = name.find_last_of('.');
    if (dot == std::string::npos || dot == 0) return {};
    return name.substr(dot + 1);
}

bool path_contains(std::string_view path, std::string_view fragment) {
    std::string padded = "/";
    padded += path;
    return padded.find(fragment) != std::string::npos;
}

} // namespace handoff
