#include "cli/fix_command.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli/config.hpp"
#include "cli/scan.hpp"
#include "fix/fix.hpp"
#include "reports/escape.hpp"

namespace handoff {

CLI::App* add_fix_command(CLI::App& app, FixArgs& args) {
    CLI::App* fix = app.add_subcommand(
        "fix", "Move every key written into a file to its platform's secret reference, and the key into .env");
    fix->add_option("path", args.path, "The project folder (or one file in it)")->required()->check(CLI::ExistingPath);
    fix->add_flag("--write", args.write, "Change the files (without it, only print the diff)");
    fix->add_option("--rule", args.rules, "Only fix findings of this rule (repeatable)");
    fix->add_flag("--no-config", args.no_config, "Ignore any config file (its ignores included)");
    fix->add_flag("--drop-pinned-data", args.drop_pinned_data,
                  "Remove pinned execution data from n8n exports (captured requests and customer records)");
    fix->footer(
        "\nWithout --write nothing is changed: the diff of what would change is printed, keys masked.\n"
        "Exit codes: 0 nothing left to fix by hand, 1 some keys need a manual step (listed), 2 error.\n"
        "Examples:\n"
        "  handoff fix .\n"
        "  handoff fix . --write");
    return fix;
}

int fix_command(const FixArgs& args) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path given(args.path);
    bool single_file = fs::is_regular_file(given, ec);
    std::string root = single_file ? (given.has_parent_path() ? given.parent_path().string() : ".") : args.path;

    ScanOptions options;
    options.paths = {args.path};
    ScanResult scan = run_scan(options);
    if (!args.no_config) {
        if (std::optional<fs::path> file = find_config(args.path)) {
            std::string error;
            std::optional<Config> config = read_config(*file, error);
            if (!config) {
                std::cerr << "handoff: configuration error: " << clean_text(error) << '\n';
                return kExitUsage;
            }
            apply_config(*config, scan);
        }
    }
    if (single_file) {
        std::string name = given.filename().string();
        std::erase_if(scan.findings, [&](const Finding& f) { return f.location.path != name; });
    }

    FixPlan plan = plan_fixes(root, scan, FixOptions{args.rules, args.drop_pinned_data});
    std::cout << plan_diff(plan);
    std::cout.flush();

    if (args.write && !plan.changes.empty()) {
        std::string error;
        if (!apply_plan(root, plan, error)) {
            std::cerr << "handoff: " << clean_text(error) << '\n';
            return kExitUsage;
        }
    }
    std::string verb = args.write ? "moved" : "would move";
    std::cerr << "handoff fix: " << verb << ' ' << plan.keys_moved << (plan.keys_moved == 1 ? " key" : " keys")
              << " to .env"
              << (plan.other_fixes > 0 ? std::string(args.write ? " and made " : " and make ") +
                                             std::to_string(plan.other_fixes) + (plan.other_fixes == 1 ? " other fix" : " other fixes")
                                       : std::string())
              << ", changing " << plan.changes.size() << (plan.changes.size() == 1 ? " file" : " files")
              << (args.write || plan.changes.empty() ? "" : " (run again with --write to apply)") << '\n';
    for (const std::string& note : plan.notes) std::cerr << "  note: " << clean_text(note) << '\n';
    if (!plan.manual.empty()) {
        std::cerr << "handoff fix: " << plan.manual.size() << " to fix by hand:\n";
        for (const ManualStep& m : plan.manual) {
            std::cerr << "  " << clean_text(m.location.path) << ':' << m.location.line << ':' << m.location.column << ' '
                      << m.rule << ": " << clean_text(m.why) << '\n';
        }
    }
    std::size_t others = 0;
    for (const Finding& f : scan.findings) others += f.family != Family::embedded_token ? 1 : 0;
    if (others > 0) {
        std::cerr << "handoff fix: " << others << (others == 1 ? " other finding is" : " other findings are") << " not a key; run handoff scan to review them\n";
    }
    return plan.manual.empty() ? kExitClean : kExitFindings;
}

} // namespace handoff
