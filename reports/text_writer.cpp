// The terminal view: findings grouped by file, severity colours when asked, one summary line.
#include <iomanip>
#include <sstream>

#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

class Painter {
public:
    explicit Painter(bool enabled) : enabled_(enabled) {}
    [[nodiscard]] std::string paint(std::string_view sgr, std::string_view text) const {
        if (!enabled_ || sgr.empty()) return std::string(text);
        return "\x1b[" + std::string(sgr) + "m" + std::string(text) + "\x1b[0m";
    }

private:
    bool enabled_;
};

// Continuation lines (evidence with context) are indented under the finding.
std::string indent_lines(std::string_view text, std::string_view indent) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

std::string summary_line(const ScanResult& result) {
    std::ostringstream line;
    line << "handoff: ";
    if (result.findings.empty()) {
        line << "no findings in " << plural(result.files.size(), "file");
    } else {
        line << plural(result.findings.size(), "finding") << " (" << severity_breakdown(result) << ") in "
             << findings_by_file(result).size() << " of " << plural(result.files.size(), "file");
    }
    line << " · " << plural(result.inventory.size(), "secret") << " for the client";
    if (std::size_t rotate = result.secrets_to_rotate(); rotate > 0) line << " · " << rotate << " to rotate";
    if (result.suppressed > 0) line << " · " << result.suppressed << " suppressed";
    if (!result.excluded.empty()) line << " · " << result.excluded.size() << " excluded";
    if (!result.diagnostics.empty()) line << " · " << plural(result.diagnostics.size(), "warning");
    line << " · " << std::fixed << std::setprecision(2) << result.seconds << " s";
    return line.str();
}

class TextWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "text"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        Painter p(options.color);
        constexpr std::string_view kIndent = "          ";
        for (const FileFindings& file : findings_by_file(result)) {
            out << p.paint("1;4", clean_text(file.path.empty() ? "(project)" : file.path)) << "\n";
            for (const Finding* f : file.findings) {
                const SeverityStyle& style = severity_style(f->severity);
                std::string where = f->location.line > 0 ? std::to_string(f->location.line) + ":" +
                                                                std::to_string(f->location.column)
                                                          : std::string("-");
                std::string label = std::string(to_string(f->severity));
                out << "  " << std::left << std::setw(8) << where << p.paint(style.ansi, label)
                    << std::string(label.size() < 9 ? 9 - label.size() : 1, ' ') << clean_text(f->message) << "  "
                    << p.paint("2", "[" + f->rule + "]") << "\n";
                if (!f->location.node_path.empty()) {
                    out << kIndent << p.paint("2", "at ") << clean_text(f->location.node_path) << "\n";
                }
                if (!f->evidence.empty()) {
                    out << kIndent << p.paint("2", "evidence: ")
                        << indent_lines(clean_text(f->evidence, Newlines::keep), kIndent) << "\n";
                }
                std::string fix = f->remediation.empty() ? rule_text(result, *f).remediation : f->remediation;
                if (!fix.empty()) out << kIndent << p.paint("32", "fix: ") << clean_text(fix) << "\n";
            }
            out << "\n";
        }
        if (!result.diagnostics.empty()) {
            out << p.paint("1", "Warnings about the scan itself") << "\n";
            for (const Diagnostic& d : result.diagnostics) {
                Location loc{d.path, d.line, d.column, 0, 0, {}};
                out << "  " << clean_text(location_text(loc)) << "  " << to_string(d.kind) << ": "
                    << clean_text(d.message) << "\n";
            }
            out << "\n";
        }
        Severity top = Severity::info;
        for (const Finding& f : result.findings) top = std::max(top, f.severity);
        std::string_view sgr = result.findings.empty() ? "1;32" : severity_style(top).ansi;
        out << p.paint(sgr, summary_line(result)) << "\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_text_writer() { return std::make_unique<TextWriter>(); }

} // namespace handoff
