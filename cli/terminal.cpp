#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace handoff {

bool env_is_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0';
}

bool color_wanted(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (env_is_set("NO_COLOR")) return false;
    if (env_is_set("FORCE_COLOR")) return true;
    const char* term = std::getenv("TERM");
    return isatty(fd) != 0 && (term == nullptr || std::string_view(term) != "dumb");
}

} // namespace handoff
