#pragma once
// `-` as a path on the command line: standard input (`handoff scan - --stdin-filename NAME`).
#include <CLI/CLI.hpp>
#include <string>

namespace handoff {

// A validator that accepts "-" and otherwise asks `check` (CLI::ExistingPath).
inline CLI::Validator stdin_or(const CLI::Validator& check) {
    return CLI::Validator(
        [check](std::string& value) -> std::string {
            if (value == "-") return {};
            std::string copy = value;
            return check(copy);
        },
        check.get_description());
}

} // namespace handoff
