#include "core/path_name.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.hpp"

namespace handoff {

std::string_view base_name(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view folder_of(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
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

bool is_template_name(std::string_view path) {
    std::string name = lower(base_name(path));
    static constexpr std::array<std::string_view, 6> kMarkers{"example", "sample", "template", "dist", "defaults", "schema"};
    return std::any_of(kMarkers.begin(), kMarkers.end(), [&](std::string_view m) { return contains(name, m); });
}

bool inside_archive(std::string_view path) { return path.find("!/") != std::string_view::npos; }

} // namespace handoff
