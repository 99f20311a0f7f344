#pragma once
// `handoff init [PATH]`: writes a commented .handoff.yml for the project, listing the
// formats handoff detects there and the rules of the current findings for review.
#include <string>

namespace CLI {
class App;
}

namespace handoff {

struct InitArgs {
    std::string path = ".";
    bool force = false;
};

CLI::App* add_init_command(CLI::App& app, InitArgs& args);

// 0 written, 2 a config already exists there (without --force) or it cannot be written.
int init_command(const InitArgs& args);

} // namespace handoff
