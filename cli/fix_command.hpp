#pragma once
// `handoff fix PATH`: the command line of fix/ (plan, diff, apply).
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace handoff {

struct FixArgs {
    std::string path;
    std::vector<std::string> rules;
    bool write = false;
    bool no_config = false;
    bool drop_pinned_data = false;
};

CLI::App* add_fix_command(CLI::App& app, FixArgs& args);

// Exit 0 when nothing is left to fix by hand, 1 when some keys need a person (listed on
// stderr), 2 on errors. The diff goes to stdout.
int fix_command(const FixArgs& args);

} // namespace handoff
