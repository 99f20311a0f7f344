// handoff: audit a project before it is handed over.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>

#include "checks/registry.hpp"
#include "cli/baseline.hpp"
#include "cli/config.hpp"
#include "cli/scan.hpp"
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
class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
    void update(std::size_t done, std::size_t total) {
        if (!enabled_) return;
        auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(mutex_);
        if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        shown_ = true;
        std::cerr << "\rhandoff: scanned " << done << " of " << total << " files" << std::flush;
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

    // scan
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::vector<std::string> reports;
    std::string fail_on = "high";
    unsigned jobs = 0;
    std::vector<std::string> excludes;
    std::string color = "auto";
    bool no_ignores = false;
    std::uint64_t max_file_size = 16U << 20U;
    std::string baseline_file;
    std::string config_file;
    bool no_config = false;
    std::string write_baseline_file;
    ReportOptions report_options;

    CLI::App* scan = app.add_subcommand("scan", "Scan files or folders and report findings");
    scan->add_option("paths", paths, "Files or folders to scan")->required()->check(CLI::ExistingPath);
    scan->add_option("-f,--format", format, "Report format on stdout (or --output): " + formats_help())
        ->capture_default_str();
    scan->add_option("-o,--output", output, "Write the --format report to FILE instead of stdout");
    scan->add_option("--report", reports,
                     "Also write FORMAT=FILE (repeatable), e.g. --report sarif=handoff.sarif --report html=review.html");
    scan->add_option("--fail-on", fail_on, "Exit 1 when a finding is at or above: critical|high|medium|low|info|none")
        ->capture_default_str()
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none", "never"}));
    scan->add_option("-j,--jobs", jobs, "Files scanned in parallel (default: one per core; at most four per core)");
    scan->add_option("--exclude", excludes, "Skip paths matching GLOB (repeatable; ** crosses folders)");
    scan->add_option("--color", color, "Colour the terminal report: auto|always|never (NO_COLOR is honoured)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
    scan->add_flag("--no-ignores", no_ignores, "Report findings silenced by inline `handoff: ignore` comments too");
    scan->add_option("--config", config_file,
                     "Read settings from FILE (default: .handoff.yml, handoff.yml or .github/handoff.yml at the "
                     "scanned folder or a parent up to the repository root; HANDOFF_CONFIG also works)")
        ->check(CLI::ExistingFile);
    scan->add_flag("--no-config", no_config, "Ignore any config file");
    scan->add_option("--baseline", baseline_file,
                     "Leave out findings listed in FILE (a --write-baseline file or an earlier JSON report)")
        ->check(CLI::ExistingFile);
    scan->add_option("--write-baseline", write_baseline_file, "Write the findings of this scan to FILE as a baseline");
    scan->add_option("--max-file-size", max_file_size, "Skip files larger than BYTES (with a diagnostic)")
        ->capture_default_str();
    scan->add_option("--title", report_options.title, "Report title (HTML and Markdown)");
    scan->add_option("--client", report_options.client, "Client name for the report header");
    scan->add_option("--author", report_options.author, "Author name for the report header");
    scan->footer(
        "\nExit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error,\n"
        "3 nothing at or above --fail-on but some file could not be read or parsed.\n"
        "Examples:\n"
        "  handoff scan .\n"
        "  handoff scan . --format sarif --output handoff.sarif --fail-on none\n"
        "  handoff scan project/ --report html=review.html --report json=handoff.json");

    // formats
    std::vector<std::string> format_paths;
    CLI::App* formats = app.add_subcommand("formats", "List each file with the format handoff detects");
    formats->add_option("paths", format_paths, "Files or folders")->required()->check(CLI::ExistingPath);

    std::vector<std::string> checklist_paths;
    std::string checklist_output;
    CLI::App* checklist = app.add_subcommand(
        "checklist", "Write the client's key checklist (Markdown) and a .env.example template for a project");
    checklist->add_option("paths", checklist_paths, "Files or folders")->required()->check(CLI::ExistingPath);
    checklist->add_option("-o,--output", checklist_output, "Write to FILE instead of stdout");

    CLI::App* rules = app.add_subcommand("rules", "List every rule id with its family and default severity");
    CLI::App* version = app.add_subcommand("version", "Print the version");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kExitClean : kExitUsage;
    }

    if (version->parsed()) {
        std::cout << "handoff " << kVersion << '\n';
        return kExitClean;
    }
    if (rules->parsed()) {
        for (const RuleInfo& rule : all_rules()) {
            std::cout << rule.id << '\t' << to_string(rule.family) << '\t' << to_string(rule.severity) << '\t'
                      << rule.title << '\n';
        }
        return kExitClean;
    }

    ScanOptions options;
    options.jobs = jobs;
    options.inline_ignores = !no_ignores;
    options.discover.excludes = excludes;
    options.max_file_bytes = max_file_size;

    if (formats->parsed()) {
        options.paths = format_paths;
        ScanResult result = run_scan(options);
        for (const ScannedFile& f : result.files) std::cout << f.path << '\t' << format_id(f.format) << '\n';
        return kExitClean;
    }

    if (checklist->parsed()) {
        options.paths = checklist_paths;
        ScanResult result = run_scan(options);
        if (checklist_output.empty()) {
            write_checklist(result, std::cout);
            return kExitClean;
        }
        std::ofstream out(checklist_output, std::ios::binary);
        write_checklist(result, out);
        if (!out) {
            std::cerr << "handoff: cannot write " << checklist_output << '\n';
            return kExitUsage;
        }
        return kExitClean;
    }

    std::vector<ReportTarget> targets{{format, output}};
    for (const std::string& spec : reports) {
        std::size_t eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
            std::cerr << "handoff: --report takes FORMAT=FILE, got '" << spec << "'\n";
            return kExitUsage;
        }
        targets.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
    }
    for (const ReportTarget& t : targets) {
        if (!make_writer(t.format)) {
            std::cerr << "handoff: unknown report format '" << t.format << "' (known: " << formats_help() << ")\n";
            return kExitUsage;
        }
    }

    std::optional<Config> config;
    if (!no_config) {
        std::optional<std::filesystem::path> file;
        if (!config_file.empty()) file = config_file;
        else if (env_set("HANDOFF_CONFIG")) file = std::getenv("HANDOFF_CONFIG");
        else file = find_config(paths.front());
        if (file) {
            std::string error;
            config = read_config(*file, error);
            if (!config) {
                std::cerr << "handoff: configuration error: " << clean_text(error) << '\n';
                return kExitUsage;
            }
            options.discover.excludes.insert(options.discover.excludes.end(), config->excludes.begin(),
                                             config->excludes.end());
            if (config->fail_on && scan->count("--fail-on") == 0) fail_on = *config->fail_on;
        }
    }

    std::optional<Baseline> baseline;
    if (!baseline_file.empty()) {
        std::string error;
        baseline = read_baseline(baseline_file, error);
        if (!baseline) {
            std::cerr << "handoff: " << error << '\n';
            return kExitUsage;
        }
    }

    Progress progress(isatty(STDERR_FILENO) != 0 && !env_set("CI"));
    options.paths = paths;
    options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
    ScanResult result = run_scan(options);
    progress.clear();
    if (config) apply_config(*config, result);
    if (baseline) apply_baseline(*baseline, result);
    if (!write_baseline_file.empty() && !write_baseline(result, write_baseline_file)) {
        std::cerr << "handoff: cannot write " << write_baseline_file << '\n';
        return kExitUsage;
    }

    for (const Diagnostic& d : result.diagnostics) {
        std::cerr << "handoff: " << (d.path.empty() ? "scan" : clean_text(d.path));
        if (d.line > 0) std::cerr << ':' << d.line << ':' << d.column;
        std::cerr << ": " << to_string(d.kind) << ": " << clean_text(d.message) << '\n';
    }

    bool written = true;
    for (const ReportTarget& t : targets) {
        ReportOptions o = report_options;
        o.color = t.format == "text" && t.file.empty() && want_color(color, STDOUT_FILENO);
        written = write_report(t, result, o) && written;
    }
    if (!written) return kExitUsage;
    // Leave without destroying the result: freeing tens of thousands of findings one by
    // one only delays the exit. std::exit still flushes and closes the standard streams.
    std::exit(scan_exit_code(result, fail_on));
}
