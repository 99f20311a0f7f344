#include "cli/init_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/config.hpp"
#include "cli/scan.hpp"
#include "reports/escape.hpp"

namespace handoff {

namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// A YAML comment's text: one line, printable.
std::string comment_text(std::string_view text) { return clean_text(text); }

struct RuleCount {
    std::size_t findings = 0;
    Severity worst = Severity::info;
    std::string first_path;
};

std::string config_text(const ScanResult& result) {
    std::ostringstream out;
    out << "# handoff project config, written by `handoff init` (handoff " << result.tool_version << ").\n"
        << "# Every setting is commented out: uncomment what you decide to keep. `handoff scan` reads\n"
        << "# this file from the scanned folder or a parent up to the repository root; unknown keys\n"
        << "# and rule ids are errors, so a typo never turns a rule off in silence.\n#\n";
    out << "# Formats handoff detected here (" << plural(result.files.size(), "file", "files") << "):\n";
    for (const auto& [format, count] : result.files_by_format()) {
        out << "#   " << format_id(format) << ": " << plural(count, "file", "files") << '\n';
    }
    out << "\n# Exit 1 when a finding is at or above this level (the command line's --fail-on wins).\n"
        << "# fail-on: high\n\n"
        << "# Paths left out of the scan (`*` stays in a folder, `**` crosses folders).\n"
        << "# exclude: [\"tests/fixtures/**\"]\n\n";

    std::map<std::string, RuleCount> rules;
    for (const Finding& f : result.findings) {
        RuleCount& c = rules[f.rule];
        if (c.findings == 0) c.first_path = f.location.path;
        ++c.findings;
        c.worst = std::max(c.worst, f.severity);
    }
    if (rules.empty()) {
        out << "# The scan found nothing to review. Rules can be tuned here, e.g.:\n"
            << "# rules:\n#   unpinned-action: {severity: low}\n";
    } else {
        out << "# The rules of the current findings, for review. Fix what you can (`handoff fix`), silence\n"
            << "# one line with a `handoff: ignore[rule] reason` comment, or change a rule here for the\n"
            << "# whole project: uncomment `rules:` and the entries you mean, with the setting you want.\n"
            << "# rules:\n";
        for (const auto& [id, c] : rules) {
            const RuleInfo* info = result.rule(id);
            out << "#   " << id << ": {severity: " << to_string(c.worst) << "}   # "
                << plural(c.findings, "finding", "findings") << ", first in " << comment_text(c.first_path);
            if (info != nullptr) out << ": " << comment_text(info->title);
            out << '\n';
        }
        out << "#   (or {enabled: false} to turn a rule off)\n";
    }
    out << "\n# Findings accepted on some paths only, with the reason a reviewer will read.\n"
        << "# ignore:\n"
        << "#   - {rule: " << (rules.empty() ? std::string("openai-api-key") : rules.begin()->first)
        << ", paths: [\"docs/**\"], reason: \"documentation samples\"}\n";
    return out.str();
}

} // namespace

CLI::App* add_init_command(CLI::App& app, InitArgs& args) {
    CLI::App* init = app.add_subcommand(
        "init", "Write a commented .handoff.yml listing the project's formats and the rules of its findings");
    init->add_option("path", args.path, "The project folder (default: the current folder)")
        ->capture_default_str()
        ->check(CLI::ExistingDirectory);
    init->add_flag("--force", args.force, "Overwrite an existing .handoff.yml");
    init->footer(
        "\nExit codes: 0 written, 2 a .handoff.yml is already there (use --force) or it cannot be written.\n"
        "Examples:\n"
        "  handoff init\n"
        "  handoff init project/ --force");
    return init;
}

int init_command(const InitArgs& args) {
    namespace fs = std::filesystem;
    fs::path file = fs::path(args.path) / ".handoff.yml";
    std::error_code ec;
    if (!args.force && (fs::exists(file, ec) || fs::is_symlink(file, ec))) {
        std::cerr << "handoff: " << clean_text(file.string()) << " already exists; review it, or pass --force to replace it\n";
        return kExitUsage;
    }
    // The project's own config is not applied: every current finding is listed for review.
    ScanOptions options;
    options.paths = {args.path};
    options.discover.excludes = {".handoff.yml"};  // the config it replaces is not the project
    ScanResult result = run_scan(options);
    std::string text = config_text(result);

    fs::path temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            std::cerr << "handoff: cannot write " << clean_text(temp.string()) << '\n';
            fs::remove(temp, ec);
            return kExitUsage;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        std::cerr << "handoff: cannot write " << clean_text(file.string()) << ": " << ec.message() << '\n';
        fs::remove(temp, ec);
        return kExitUsage;
    }
    // What was written must load back: a config handoff wrote never breaks the next scan.
    std::string error;
    if (!read_config(file, error)) {
        std::cerr << "handoff: the written config does not load: " << clean_text(error) << '\n';
        return kExitUsage;
    }
    std::cerr << "handoff init: wrote " << clean_text(file.string()) << " (" << plural(result.files_by_format().size(), "format", "formats")
              << ", " << plural(result.findings.size(), "finding", "findings") << " to review)\n";
    return kExitClean;
}

} // namespace handoff
