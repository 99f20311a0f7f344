// The terminal view: findings grouped by file, then a one-line summary.
#include <map>

#include "reports/writer.hpp"

namespace handoff {

namespace {

std::string_view colour(Severity s) {
    switch (s) {
    case Severity::critical: return "\x1b[1;35m";
    case Severity::high: return "\x1b[1;31m";
    case Severity::medium: return "\x1b[33m";
    case Severity::low: return "\x1b[36m";
    case Severity::info: return "\x1b[2m";
    }
    return "";
}

// Scanned text reaches the terminal only without control characters.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7F) ? '?' : c;
    }
    return out;
}

class TextWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view id() const override { return "text"; }

    void write(const ScanResult& r, const ReportOptions& o, std::ostream& out) const override {
        const std::string_view reset = o.color ? "\x1b[0m" : "";
        const std::string_view bold = o.color ? "\x1b[1m" : "";
        std::string current;
        for (const Finding& f : r.findings) {
            if (f.location.path != current) {
                current = f.location.path;
                out << '\n' << bold << printable(current) << reset << '\n';
            }
            out << "  " << f.location.line << ':' << f.location.column << "  "
                << (o.color ? colour(f.severity) : "") << to_string(f.severity) << reset << "  " << f.rule << "  "
                << printable(f.message) << '\n';
            if (!f.evidence.empty()) out << "      evidence: " << printable(f.evidence) << '\n';
            if (!f.remediation.empty()) out << "      fix: " << printable(f.remediation) << '\n';
        }
        if (!r.findings.empty()) out << '\n';
        out << summary_line(r) << '\n';
    }

private:
    static std::string summary_line(const ScanResult& r) {
        std::string line = std::to_string(r.findings.size()) + (r.findings.size() == 1 ? " finding" : " findings");
        std::string parts;
        for (Severity s : {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
            if (std::size_t n = r.count(s); n > 0) {
                parts += parts.empty() ? "" : ", ";
                parts += std::to_string(n) + " " + std::string(to_string(s));
            }
        }
        if (!parts.empty()) line += " (" + parts + ")";
        line += " in " + std::to_string(r.files.size()) + " files";
        if (r.suppressed > 0) line += ", " + std::to_string(r.suppressed) + " suppressed";
        if (!r.diagnostics.empty()) line += ", " + std::to_string(r.diagnostics.size()) + " diagnostics";
        if (!r.inventory.empty()) line += "; " + std::to_string(r.inventory.size()) + " secrets to provide";
        return line;
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_text_writer() { return std::make_unique<TextWriter>(); }

} // namespace handoff
