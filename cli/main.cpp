// handoff: audit a project before it is handed over.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>

#include "checks/registry.hpp"
#include "cli/baseline.hpp"
#include "cli/config.hpp"
#include "cli/explain_command.hpp"
#include "cli/fix_command.hpp"
#include "cli/init_command.hpp"
#include "cli/scan.hpp"
#include "cli/stdin_path.hpp"
#include "core/version.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/writer.hpp"

namespace {

using namespace handoff;

struct ReportTarget {
    std::string format;
    std::string file;  // empty: stdout
};

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0';
}

bool want_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (env_set("NO_COLOR")) return false;
    if (env_set("FORCE_COLOR")) return true;
    const char* term = std::getenv("TERM");
    return isatty(fd) != 0 && (term == nullptr || std::string_view(term) != "dumb");
}

// A progress line on stderr, only on a terminal, only once a scan takes over a second.
// With --history: commits walked, file versions scanned, MB/s and the time left.
class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
    void update(const ScanProgress& now) {
        if (!enabled_) return;
        auto clock = std::chrono::steady_clock::now();
        std::lock_guard lock(mutex_);
        if (clock - start_ < std::chrono::seconds(1) || clock - last_ < std::chrono::milliseconds(100)) return;
        last_ = clock;
        shown_ = true;
        double seconds = std::chrono::duration<double>(clock - start_).count();
        std::ostringstream line;
        line << "\rhandoff: scanned " << now.files_done << " of " << now.files_total << " files";
        if (now.commits_total > 0) {
            line << " · history: " << now.commits_done << " of " << now.commits_total << " commits";
            line << " · " << std::fixed << std::setprecision(1) << static_cast<double>(now.bytes_done) / 1e6 / seconds
                 << " MB/s";
            // The walk's share of commits done estimates the whole; the scan follows it closely.
            if (now.commits_done > 0 && now.commits_done < now.commits_total) {
                double left = seconds * static_cast<double>(now.commits_total - now.commits_done) /
                              static_cast<double>(now.commits_done);
                line << " · about " << static_cast<long>(left + 0.5) << " s left";
            }
        }
        std::cerr << line.str() << "\x1b[K" << std::flush;
    }
    void clear() {
        if (shown_) std::cerr << "\r\x1b[2K" << std::flush;
    }

private:
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
    std::mutex mutex_;
};

bool write_report(const ReportTarget& target, const ScanResult& result, ReportOptions options) {
    std::unique_ptr<ReportWriter> writer = make_writer(target.format);
    if (target.file.empty() || target.file == "-") {
        writer->write(result, options, std::cout);
        return true;
    }
    options.color = false;
    std::ofstream out(target.file, std::ios::binary);
    if (!out) {
        std::cerr << "handoff: cannot write " << target.file << '\n';
        return false;
    }
    writer->write(result, options, out);
    return static_cast<bool>(out);
}

std::string formats_help() {
    std::string list;
    for (std::string_view id : writer_ids()) {
        if (!list.empty()) list += '|';
        list += id;
    }
    return list;
}

// The scan subcommand's settings, as the command line gave them.
struct ScanArgs {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::vector<std::string> reports;
    std::string fail_on = "high";
    bool fail_on_given = false;  // --fail-on on the command line beats the config file
    unsigned jobs = 0;
    std::vector<std::string> excludes;
    std::string color = "auto";
    bool no_ignores = false;
    std::uint64_t max_file_size = 16U << 20U;
    std::string baseline_file;
    std::string config_file;
    bool no_config = false;
    std::string write_baseline_file;
    std::string stdin_filename = "stdin";
    std::string min_severity = "info";
    bool history = false;
    std::string since;
    bool staged = false;
    ReportOptions report_options;
};

CLI::App* add_scan_command(CLI::App& app, ScanArgs& a) {
    CLI::App* scan = app.add_subcommand("scan", "Scan files or folders and report findings");
    scan->add_option("paths", a.paths, "Files or folders to scan; - reads standard input (see --stdin-filename)")
        ->required()->check(stdin_or(CLI::ExistingPath));
    scan->add_option("--stdin-filename", a.stdin_filename, "The name standard input (-) is scanned and reported under");
    scan->add_option("-f,--format", a.format, "Report format on stdout (or --output): " + formats_help())
        ->capture_default_str();
    scan->add_option("-o,--output", a.output, "Write the --format report to FILE instead of stdout");
    scan->add_option("--report", a.reports,
                     "Also write FORMAT=FILE (repeatable), e.g. --report sarif=handoff.sarif --report html=review.html");
    scan->add_option("--fail-on", a.fail_on, "Exit 1 when a finding is at or above: critical|high|medium|low|info|none")
        ->capture_default_str()
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none", "never"}));
    scan->add_option("-j,--jobs", a.jobs, "Files scanned in parallel (default: one per core; at most four per core)");
    scan->add_option("--exclude", a.excludes, "Skip paths matching GLOB (repeatable; ** crosses folders)");
    scan->add_option("--color", a.color, "Colour the terminal report: auto|always|never (NO_COLOR is honoured)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
    scan->add_flag("--history", a.history,
                   "Also scan every version of every file in git history (all refs, the stash); reports keys "
                   "that left the files but stay in the repository");
    scan->add_option("--since", a.since, "With --history: only commits after REV (e.g. origin/main)");
    scan->add_flag("--staged", a.staged, "Scan what is staged in git (the index) instead of the work tree, for a pre-commit hook");
    scan->add_flag("--no-ignores", a.no_ignores, "Report findings silenced by inline `handoff: ignore` comments too");
    scan->add_option("--config", a.config_file,
                     "Read settings from FILE (default: .handoff.yml, handoff.yml or .github/handoff.yml at the "
                     "scanned folder or a parent up to the repository root; HANDOFF_CONFIG also works)")
        ->check(CLI::ExistingFile);
    scan->add_flag("--no-config", a.no_config, "Ignore any config file");
    scan->add_option("--baseline", a.baseline_file,
                     "Leave out findings listed in FILE (a --write-baseline file or an earlier JSON report)")
        ->check(CLI::ExistingFile);
    scan->add_option("--write-baseline", a.write_baseline_file, "Write the findings of this scan to FILE as a baseline");
    scan->add_option("--max-file-size", a.max_file_size, "Skip files larger than BYTES (with a diagnostic)")
        ->capture_default_str();
    scan->add_flag("--compact", a.report_options.compact, "Text report: one line per finding, worst first");
    scan->add_option("--min-severity", a.min_severity,
                     "Show only findings at or above LEVEL in the text, Markdown and HTML reports "
                     "(JSON, SARIF and every count keep them all): critical|high|medium|low|info")
        ->capture_default_str()
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info"}));
    scan->add_flag("--sarif-include-suppressed", a.report_options.sarif_suppressed,
                   "SARIF: also list suppressed findings, with `suppressions` (GitHub code scanning ignores them "
                   "and would open alerts: for other SARIF viewers)");
    scan->add_option("--project-name", a.report_options.project,
                     "The project's name in the reports (default: the scanned folder's name)");
    scan->add_option("--title", a.report_options.title, "Report title (HTML and Markdown)");
    scan->add_option("--client", a.report_options.client, "Client name for the report header");
    scan->add_option("--author", a.report_options.author, "Author name for the report header");
    scan->footer(
        "\nExit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error,\n"
        "3 nothing at or above --fail-on but some file could not be read or parsed.\n"
        "Examples:\n"
        "  handoff scan .\n"
        "  handoff scan . --format sarif --output handoff.sarif --fail-on none\n"
        "  handoff scan project/ --report html=review.html --report json=handoff.json");
    return scan;
}

// The name of the folder a path names ("." resolved to the real folder), or of the file.
std::string folder_name(const std::string& path) {
    std::error_code ec;
    std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
    if (ec) real = path;
    std::string name = real.filename().string();
    if (name.empty()) name = real.parent_path().filename().string();  // "/work/project/"
    return name;
}

// The scan options every subcommand starts from: the paths, nothing else set.
ScanOptions scan_options(const std::vector<std::string>& paths) {
    ScanOptions options;
    options.paths = paths;
    return options;
}

// The project config the scan names or finds; a broken one is reported here.
bool load_config(const ScanArgs& a, std::optional<Config>& config) {
    if (a.no_config) return true;
    std::optional<std::filesystem::path> file;
    if (!a.config_file.empty()) file = a.config_file;
    else if (env_set("HANDOFF_CONFIG")) file = std::getenv("HANDOFF_CONFIG");
    else file = find_config(a.paths.front());
    if (!file) return true;
    std::string error;
    config = read_config(*file, error);
    if (!config) std::cerr << "handoff: configuration error: " << clean_text(error) << '\n';
    return config.has_value();
}

// The --format report and every --report FORMAT=FILE, or nothing when one is malformed.
std::optional<std::vector<ReportTarget>> report_targets(const ScanArgs& a) {
    std::vector<ReportTarget> targets{{a.format, a.output}};
    for (const std::string& spec : a.reports) {
        std::size_t eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
            std::cerr << "handoff: --report takes FORMAT=FILE, got '" << spec << "'\n";
            return std::nullopt;
        }
        targets.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
    }
    for (const ReportTarget& t : targets) {
        if (!make_writer(t.format)) {
            std::cerr << "handoff: unknown report format '" << t.format << "' (known: " << formats_help() << ")\n";
            return std::nullopt;
        }
    }
    return targets;
}

int scan_command(ScanArgs a) {
    std::optional<std::vector<ReportTarget>> targets = report_targets(a);
    if (!targets) return kExitUsage;

    ScanOptions options = scan_options(a.paths);
    options.jobs = a.jobs;
    options.inline_ignores = !a.no_ignores;
    options.discover.excludes = a.excludes;
    options.max_file_bytes = a.max_file_size;
    options.stdin_name = a.stdin_filename;
    options.history = a.history;
    options.since = a.since;
    options.staged = a.staged;
    options.free_on_return = false;  // the process exits after the reports
    if (std::string error = git_usage_error(options); !error.empty()) {
        std::cerr << "handoff: " << clean_text(error) << '\n';
        return kExitUsage;
    }

    std::optional<Config> config;
    if (!load_config(a, config)) return kExitUsage;
    if (config) {
        options.discover.excludes.insert(options.discover.excludes.end(), config->excludes.begin(),
                                         config->excludes.end());
        if (config->fail_on && !a.fail_on_given) a.fail_on = *config->fail_on;
    }

    std::optional<Baseline> baseline;
    if (!a.baseline_file.empty()) {
        std::string error;
        baseline = read_baseline(a.baseline_file, error);
        if (!baseline) {
            std::cerr << "handoff: " << error << '\n';
            return kExitUsage;
        }
    }

    bool show_progress = isatty(STDERR_FILENO) != 0 && !env_set("CI");
    Progress progress(show_progress);
    if (show_progress) options.progress = [&](const ScanProgress& now) { progress.update(now); };  // else no per-file call
    ScanResult result = run_scan(options);
    progress.clear();
    if (config) apply_config(*config, result);
    if (baseline) apply_baseline(*baseline, result);
    if (!a.write_baseline_file.empty() && !write_baseline(result, a.write_baseline_file)) {
        std::cerr << "handoff: cannot write " << a.write_baseline_file << '\n';
        return kExitUsage;
    }

    for (const Diagnostic& d : result.diagnostics) {
        std::cerr << "handoff: " << (d.path.empty() ? "scan" : clean_text(d.path));
        if (d.line > 0) std::cerr << ':' << d.line << ':' << d.column;
        std::cerr << ": " << to_string(d.kind) << ": " << clean_text(d.message) << '\n';
    }

    a.report_options.min_severity = severity_from_string(a.min_severity).value_or(Severity::info);
    if (a.report_options.project.empty()) a.report_options.project = folder_name(a.paths.front());
    bool written = true;
    for (const ReportTarget& t : *targets) {
        ReportOptions o = a.report_options;
        o.color = t.format == "text" && t.file.empty() && want_color(a.color, STDOUT_FILENO);
        written = write_report(t, result, o) && written;
    }
    if (!written) return kExitUsage;
    // Leave without destroying the result: freeing tens of thousands of findings one by
    // one only delays the exit. std::exit still flushes and closes the standard streams.
    std::exit(scan_exit_code(result, a.fail_on));
}

int formats_command(const std::vector<std::string>& paths) {
    ScanResult result = run_scan(scan_options(paths));
    for (const ScannedFile& f : result.files) std::cout << f.path << '\t' << format_id(f.format) << '\n';
    return kExitClean;
}

int checklist_command(const std::vector<std::string>& paths, const std::string& output) {
    ScanResult result = run_scan(scan_options(paths));
    if (output.empty()) {
        write_checklist(result, std::cout);
        return kExitClean;
    }
    std::ofstream out(output, std::ios::binary);
    write_checklist(result, out);
    if (!out) {
        std::cerr << "handoff: cannot write " << output << '\n';
        return kExitUsage;
    }
    return kExitClean;
}

int rules_command() {
    for (const RuleInfo& rule : all_rules()) {
        std::cout << rule.id << '\t' << to_string(rule.family) << '\t' << to_string(rule.severity) << '\t' << rule.title
                  << '\n';
    }
    return kExitClean;
}

int version_command() {
    std::cout << "handoff " << kVersion << '\n';
    return kExitClean;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "handoff audits CI workflows, automation exports (n8n and others), MCP configs, agent settings and\n"
        "tool definitions before a project is handed to a client: embedded tokens, open webhooks, unsafe\n"
        "outbound permissions and missing secret references, plus the list of keys the client must create.\n"
        "It only reads files: nothing it scans is executed or fetched.",
        "handoff"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(kVersion));

    ScanArgs scan_args;
    CLI::App* scan = add_scan_command(app, scan_args);

    std::vector<std::string> format_paths;
    CLI::App* formats = app.add_subcommand("formats", "List each file with the format handoff detects");
    formats->add_option("paths", format_paths, "Files or folders")->required()->check(CLI::ExistingPath);

    std::vector<std::string> checklist_paths;
    std::string checklist_output;
    CLI::App* checklist = app.add_subcommand(
        "checklist", "Write the client's key checklist (Markdown) and a .env.example template for a project");
    checklist->add_option("paths", checklist_paths, "Files or folders")->required()->check(CLI::ExistingPath);
    checklist->add_option("-o,--output", checklist_output, "Write to FILE instead of stdout");

    FixArgs fix_args;
    CLI::App* fix = add_fix_command(app, fix_args);
    ExplainArgs explain_args;
    CLI::App* explain = add_explain_command(app, explain_args);
    InitArgs init_args;
    CLI::App* init = add_init_command(app, init_args);

    CLI::App* rules = app.add_subcommand("rules", "List every rule id with its family and default severity");
    CLI::App* version = app.add_subcommand("version", "Print the version");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (suggest_subcommand(app, argc, argv)) return kExitUsage;
        int code = app.exit(e);
        return code == 0 ? kExitClean : kExitUsage;
    }

    if (version->parsed()) return version_command();
    if (rules->parsed()) return rules_command();
    if (formats->parsed()) return formats_command(format_paths);
    if (checklist->parsed()) return checklist_command(checklist_paths, checklist_output);
    if (fix->parsed()) return fix_command(fix_args);
    if (explain->parsed()) return explain_command(explain_args);
    if (init->parsed()) return init_command(init_args);
    scan_args.fail_on_given = scan->count("--fail-on") > 0;
    return scan_command(std::move(scan_args));
}
