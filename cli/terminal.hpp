#pragma once
// Whether a subcommand colours what it writes to a terminal: --color auto|always|never,
// NO_COLOR and FORCE_COLOR (https://no-color.org), a tty that is not TERM=dumb.
#include <string>

namespace handoff {

bool env_is_set(const char* name);
bool color_wanted(const std::string& mode, int fd);

} // namespace handoff
