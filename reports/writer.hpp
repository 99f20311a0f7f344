#pragma once
// One writer per output format, all fed the same scan result. Secrets are already
// redacted in a ScanResult; writers only escape for their own syntax.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/scan_result.hpp"

namespace handoff {

struct ReportOptions {
    bool color = false;        // terminal colours (text writer only)
    std::string title;         // report header (HTML, Markdown)
    std::string client;
    std::string author;
    std::string project;       // the project's name (HTML title); empty: the scanned folder's name
    bool compact = false;      // text: one line per finding
    // Text, Markdown and HTML show findings at or above this; JSON, SARIF and every count keep all.
    Severity min_severity = Severity::info;
    // SARIF: also list suppressed findings, with `suppressions`. Off by default: GitHub code
    // scanning ignores `suppressions` and would open an alert for each (docs/reports.md).
    bool sarif_suppressed = false;
};

class ReportWriter {
public:
    ReportWriter() = default;
    ReportWriter(const ReportWriter&) = delete;
    ReportWriter& operator=(const ReportWriter&) = delete;
    ReportWriter(ReportWriter&&) = delete;
    ReportWriter& operator=(ReportWriter&&) = delete;
    virtual ~ReportWriter() = default;

    [[nodiscard]] virtual std::string_view id() const = 0;  // the --format name
    virtual void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const = 0;
};

std::unique_ptr<ReportWriter> make_text_writer();
std::unique_ptr<ReportWriter> make_json_writer();
std::unique_ptr<ReportWriter> make_sarif_writer();
std::unique_ptr<ReportWriter> make_markdown_writer();
std::unique_ptr<ReportWriter> make_html_writer();
std::unique_ptr<ReportWriter> make_junit_writer();
std::unique_ptr<ReportWriter> make_github_writer();

// The writer for a --format name, or nullptr.
std::unique_ptr<ReportWriter> make_writer(std::string_view id);
// Every --format name, in the order help text lists them.
std::vector<std::string_view> writer_ids();

} // namespace handoff
