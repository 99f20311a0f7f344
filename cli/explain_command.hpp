#pragma once
// `handoff explain RULE`: the rule's page (docs/rules/<id>.md, compiled in), headings in
// colour on a terminal. An unknown id exits 2 naming the nearest ids.
#include <string>

namespace CLI {
class App;
}

namespace handoff {

struct ExplainArgs {
    std::string rule;
    std::string color = "auto";
};

CLI::App* add_explain_command(CLI::App& app, ExplainArgs& args);
int explain_command(const ExplainArgs& args);

// After a parse error: when the first argument is no subcommand, names the nearest ones on
// stderr ("did you mean 'scan'?"). Returns true when it printed a suggestion.
bool suggest_subcommand(const CLI::App& app, int argc, const char* const* argv);

} // namespace handoff
