// The terminal view, worst first: a short "fix these first" block (critical and high), then
// the findings grouped by rule (one title and one fix per rule, one line per location), the
// suppressed findings with their reasons, warnings about the scan, counts per rule and one
// summary line. --compact prints one line per finding instead.
#include <algorithm>
#include <cctype>
#include <iomanip>
#include <sstream>

#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/review_order.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

constexpr std::size_t kFirstShown = 15;       // lines of the "fix these first" block: one screen with its frame
constexpr std::size_t kSuppressedShown = 20;  // the JSON report lists every one

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

// "critical " padded to one width, coloured.
std::string severity_cell(const Painter& p, Severity s) {
    std::string label(to_string(s));
    return p.paint(severity_style(s).ansi, label) + std::string(label.size() < 9 ? 9 - label.size() : 1, ' ');
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
    if (result.history.ran) {
        line << " and " << plural(result.history.versions, "older version") << " in "
             << plural(result.history.commits, "commit") << " of history";
        if (result.history.shallow) line << " (shallow clone)";
    }
    KeyCounts keys = key_counts(checklist_rows(result));
    line << " · " << plural(keys.keys, "key") << " for the client";
    if (keys.leaked > 0) line << " · " << keys.leaked << " leaked, to rotate";
    if (!result.suppressed.empty()) line << " · " << result.suppressed.size() << " suppressed";
    if (!result.excluded.empty()) line << " · " << result.excluded.size() << " excluded";
    if (!result.diagnostics.empty()) line << " · " << plural(result.diagnostics.size(), "warning");
    line << " · " << std::fixed << std::setprecision(2) << result.seconds << " s";
    return line.str();
}

class TextView {
public:
    TextView(const ScanResult& result, const ReportOptions& options, std::ostream& out)
        : r_(result), o_(options), p_(options.color), out_(out) {}

    void write() {
        if (o_.compact) {
            compact();
        } else {
            first();
            groups();
            suppressed();
        }
        hidden();
        warnings();
        if (!o_.compact) counts();
        Severity top = Severity::info;
        for (const Finding& f : r_.findings) top = std::max(top, f.severity);
        std::string_view sgr = r_.findings.empty() ? "1;32" : severity_style(top).ansi;
        out_ << p_.paint(sgr, summary_line(r_)) << "\n";
    }

private:
    // One finding on one line: severity, where, what, and the rule in brackets.
    void line(const Finding& f) {
        out_ << "  " << severity_cell(p_, f.severity) << clean_text(location_text(f.location)) << "  "
             << clean_text(f.message) << "  " << p_.paint("2", "[" + f.rule + "]") << "\n";
    }

    void compact() {
        for (const Finding* f : findings_worst_first(r_, o_.min_severity)) line(*f);
        if (!r_.findings.empty()) out_ << "\n";
    }

    // Critical and high findings, at most one screen, before anything else.
    void first() {
        std::vector<const Finding*> urgent = findings_worst_first(r_, std::max(Severity::high, o_.min_severity));
        if (urgent.empty()) return;
        std::size_t critical = r_.count(Severity::critical);
        std::string head = "Fix these first: " + plural(urgent.size(), "finding") + " (";
        head += o_.min_severity > Severity::high ? std::to_string(critical) + " critical"
                                                 : severity_breakdown_of(critical, r_.count(Severity::high));
        out_ << p_.paint("1", head + ")") << "\n";
        for (std::size_t i = 0; i < urgent.size() && i < kFirstShown; ++i) line(*urgent[i]);
        if (urgent.size() > kFirstShown) {
            out_ << "  " << p_.paint("2", "and " + std::to_string(urgent.size() - kFirstShown) + " more below") << "\n";
        }
        out_ << "\n";
    }

    static std::string severity_breakdown_of(std::size_t critical, std::size_t high) {
        std::string out;
        if (critical > 0) out += std::to_string(critical) + " critical";
        if (high > 0) out += (out.empty() ? "" : ", ") + std::to_string(high) + " high";
        return out;
    }

    void groups() {
        constexpr std::string_view kIndent = "              ";
        for (const RuleGroup& g : rule_groups(r_, o_.min_severity)) {
            std::string label(severity_style(g.worst()).label);
            for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            std::string tail = plural(g.findings.size(), "finding");
            if (g.rule.title != g.rule.id) tail = "[" + g.rule.id + "] · " + tail;
            out_ << p_.paint(severity_style(g.worst()).ansi, label) << "  " << p_.paint("1", clean_text(g.rule.title))
                 << "  " << p_.paint("2", tail) << "\n";
            if (!g.fix.empty()) out_ << "  " << p_.paint("32", "fix: ") << clean_text(g.fix) << "\n";
            for (const Finding* f : g.findings) {
                bool multiline = f->evidence.find('\n') != std::string::npos;
                out_ << "  " << severity_cell(p_, f->severity) << clean_text(location_text(f->location)) << "  "
                     << clean_text(f->message);
                if (!f->evidence.empty() && !multiline) out_ << "  " << p_.paint("2", "evidence: ") << clean_text(f->evidence);
                out_ << "\n";
                if (multiline) {
                    out_ << kIndent << p_.paint("2", "evidence: ")
                         << indent_lines(clean_text(f->evidence, Newlines::keep), kIndent) << "\n";
                }
                if (std::string fix = own_fix(r_, g, *f); !fix.empty()) {
                    out_ << kIndent << p_.paint("32", "fix: ") << clean_text(fix) << "\n";
                }
            }
            out_ << "\n";
        }
    }

    void suppressed() {
        if (r_.suppressed.empty()) return;
        out_ << p_.paint("1", "Suppressed: " + plural(r_.suppressed.size(), "finding") + ", not counted above") << "\n";
        for (std::size_t i = 0; i < r_.suppressed.size() && i < kSuppressedShown; ++i) {
            const SuppressedFinding& s = r_.suppressed[i];
            out_ << "  " << clean_text(location_text(s.finding.location)) << "  " << p_.paint("2", "[" + s.finding.rule + "]")
                 << "  \"" << clean_text(suppression_reason(s.suppression)) << "\" ("
                 << clean_text(suppression_source(s.suppression)) << ")\n";
        }
        if (r_.suppressed.size() > kSuppressedShown) {
            out_ << "  " << p_.paint("2", "and " + std::to_string(r_.suppressed.size() - kSuppressedShown) + " more" +
                                              " (the JSON report lists them all)")
                 << "\n";
        }
        out_ << "\n";
    }

    void hidden() {
        std::size_t below = findings_below(r_, o_.min_severity);
        if (below == 0) return;
        out_ << p_.paint("2", plural(below, "finding") + " below " + std::string(to_string(o_.min_severity)) +
                                  " not shown (--min-severity); they count in the summary and the JSON and SARIF reports")
             << "\n\n";
    }

    void warnings() {
        if (r_.diagnostics.empty()) return;
        out_ << p_.paint("1", "Warnings about the scan itself") << "\n";
        for (const Diagnostic& d : r_.diagnostics) {
            Location loc{d.path, d.line, d.column, 0, 0, {}};
            out_ << "  " << clean_text(location_text(loc)) << "  " << to_string(d.kind) << ": " << clean_text(d.message)
                 << "\n";
        }
        out_ << "\n";
    }

    void counts() {
        std::vector<RuleCount> rules = counts_per_rule(r_);
        if (rules.empty()) return;
        std::size_t width = 0;
        for (const RuleCount& c : rules) width = std::max(width, c.id.size());
        out_ << p_.paint("1", "Findings per rule") << "\n";
        for (const RuleCount& c : rules) {
            out_ << "  " << std::right << std::setw(5) << c.count << "  " << severity_cell(p_, c.worst) << c.id;
            if (c.title != c.id) out_ << std::string(width - c.id.size() + 2, ' ') << clean_text(c.title);
            out_ << "\n";
        }
        out_ << "\n";
    }

    const ScanResult& r_;
    const ReportOptions& o_;
    Painter p_;
    std::ostream& out_;
};

class TextWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "text"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        TextView(result, options, out).write();
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_text_writer() { return std::make_unique<TextWriter>(); }

} // namespace handoff
