#include "parsers/detect_path.hpp"

#include "core/text.hpp"

#include <array>
#include <cctype>

namespace handoff {

std::string_view base_name(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

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

bool is_dotenv_name(std::string_view path) {
    std::string name = lower(base_name(path));
    if (name == ".env" || name == ".envrc" || name == "env" || name.rfind(".env.", 0) == 0) return true;
    if (name.rfind("env.", 0) == 0 && name != "env.js" && name != "env.ts" && name != "env.py") {
        return name == "env.example" || name == "env.sample" || name == "env.template" || name == "env.local";
    }
    std::size_t size = name.size();
    return size > 4 && name.compare(size - 4, 4, ".env") == 0;
}

} // namespace handoff
