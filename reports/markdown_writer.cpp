// GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY and PR comments. A comment body
// may hold 65,536 characters, so the whole report stays under kBudget bytes (bytes are
// never fewer than characters) and says what it left out.
#include <algorithm>
#include <sstream>

#include "core/version.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/review_order.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

constexpr std::size_t kBudget = 65000;
constexpr std::size_t kSuppressedShown = 20;

std::string header(const ScanResult& result, const std::vector<ChecklistRow>& rows, const ReportOptions& options) {
    std::ostringstream out;
    out << "<!-- handoff-report -->\n";
    std::string title = options.title.empty() ? std::string("handoff") : options.title;
    out << "## " << markdown_text(title) << ": " << markdown_text(verdict_headline(result)) << "\n\n";
    std::string_view alert = has_findings_at_or_above(result, Severity::high) ? "CAUTION"
                             : result.findings.empty()                       ? "TIP"
                                                                             : "WARNING";
    out << "> [!" << alert << "]\n> " << markdown_text(verdict_sentence(result, key_counts(rows))) << "\n\n";
    if (!options.client.empty()) out << "**Client:** " << markdown_text(options.client) << "  \n";
    if (!options.author.empty()) out << "**Prepared by:** " << markdown_text(options.author) << "  \n";
    if (!options.client.empty() || !options.author.empty()) out << "\n";

    out << "| Severity | Findings |\n| --- | ---: |\n";
    for (Severity s : severities_most_severe_first()) {
        out << "| " << severity_style(s).label << " | " << result.count(s) << " |\n";
    }
    out << "\n| Family | Findings |\n| --- | --- |\n";
    for (Family family : all_families()) {
        std::size_t n = result.count(family);
        std::string cell = n == 0 ? std::string("nothing found") : std::to_string(n);
        if (family == Family::embedded_token && n > 0) {
            cell += " (" + plural(count_rows(rows, KeyStatus::leaked), "leaked key") + " to rotate)";
        }
        out << "| " << family_title(family) << " | " << cell << " |\n";
    }
    out << "\n";
    return out.str();
}

std::string finding_row(const Finding& f) {
    std::string message = markdown_text(f.message);
    if (!f.evidence.empty()) message += " (evidence: " + markdown_code(f.evidence) + ")";
    return "| " + std::string(severity_style(f.severity).label) + " | " + markdown_code(f.rule) + " | " +
           markdown_code(location_text(f.location)) + " | " + message + " |\n";
}

// One fix per rule, in the order of the findings table (worst first).
std::string fixes(const ScanResult& result, Severity min) {
    std::ostringstream out;
    out << "<details><summary>How to fix each rule</summary>\n\n";
    for (const RuleGroup& group : rule_groups(result, min)) {
        out << "- " << markdown_code(group.rule.id);
        if (group.rule.title != group.rule.id) out << " " << markdown_text(group.rule.title);
        out << ": " << markdown_text(group.fix.empty() ? std::string("see the rule's documentation") : group.fix) << "\n";
    }
    out << "\n</details>\n\n";
    return out.str();
}

// The suppressed findings with their reasons, at most kSuppressedShown rows.
std::string suppressed_section(const ScanResult& result) {
    if (result.suppressed.empty()) return {};
    std::ostringstream out;
    out << "### Suppressed\n\n" << plural(result.suppressed.size(), "finding")
        << " left out on purpose, with the reason given:\n\n| Rule | Location | Reason | Written at |\n| --- | --- | --- | --- |\n";
    for (std::size_t i = 0; i < result.suppressed.size() && i < kSuppressedShown; ++i) {
        const SuppressedFinding& s = result.suppressed[i];
        out << "| " << markdown_code(s.finding.rule) << " | " << markdown_code(location_text(s.finding.location)) << " | "
            << markdown_text(suppression_reason(s.suppression)) << " | " << markdown_text(suppression_source(s.suppression))
            << " |\n";
    }
    out << "\n";
    if (result.suppressed.size() > kSuppressedShown) {
        out << "and " << result.suppressed.size() - kSuppressedShown << " more" << " (the JSON report lists them all).\n\n";
    }
    return out.str();
}

std::string footer(const ScanResult& result) {
    std::ostringstream out;
    out << "---\n\n";
    out << "Scanned " << plural(result.files.size(), "file") << " (" << result.bytes << " bytes) with handoff "
        << kVersion << "; " << result.suppressed.size() << " suppressed, " << result.excluded.size() << " excluded";
    if (!result.diagnostics.empty()) out << ", " << plural(result.diagnostics.size(), "warning") << " about the scan";
    out << ". The full report is in the SARIF and HTML outputs.\n";
    return out.str();
}

class MarkdownWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "markdown"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        std::vector<ChecklistRow> rows = checklist_rows(result);
        std::string head = header(result, rows, options);
        std::ostringstream checklist_stream;
        write_checklist_section(rows, checklist_stream, 3);
        std::string checklist = checklist_stream.str() + "\n";
        std::string tail = footer(result);
        std::string fix_list = result.findings.empty() ? std::string() : fixes(result, options.min_severity);
        std::string suppressed = suppressed_section(result);

        // The checklist is what the client acts on: keep it unless it alone is too long.
        constexpr std::size_t kReserve = 2000;  // headings, notes about cuts
        if (head.size() + checklist.size() + tail.size() + kReserve > kBudget) {
            checklist = "### Key checklist\n\nThe key checklist (" + plural(rows.size(), "entry", "entries") +
                        ") is too long for this summary; run `handoff checklist` or see the HTML report.\n\n";
        }
        if (head.size() + checklist.size() + tail.size() + fix_list.size() + suppressed.size() + kReserve > kBudget) {
            fix_list = "How to fix each rule is left out to keep this summary short; see the HTML report.\n\n";
        }
        std::size_t room = kBudget - std::min(kBudget, head.size() + checklist.size() + tail.size() + fix_list.size() + suppressed.size() + kReserve);

        std::string findings;
        std::size_t shown = 0;
        if (result.findings.empty()) {
            findings = "### Findings\n\nNothing found.\n\n";
        } else {
            findings = "### Findings\n\n| Severity | Rule | Location | Finding |\n| --- | --- | --- | --- |\n";
            // Worst first, so a cut drops the least important rows.
            std::vector<const Finding*> ordered = findings_worst_first(result, options.min_severity);
            for (const Finding* f : ordered) {
                std::string row = finding_row(*f);
                if (findings.size() + row.size() > room) break;
                findings += row;
                ++shown;
            }
            findings += "\n";
            if (std::size_t below = findings_below(result, options.min_severity); below > 0) {
                findings += plural(below, "finding") + " below " + std::string(to_string(options.min_severity)) +
                            " not shown here (they count in the totals above and in the SARIF report).\n\n";
            }
            if (shown < ordered.size()) {
                findings += "**" + plural(ordered.size() - shown, "more finding") +
                            " not shown** (this summary stays under 65,000 characters); the SARIF and HTML reports "
                            "list them all.\n\n";
            }
        }
        out << head << findings << fix_list << suppressed << checklist << tail;
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_markdown_writer() { return std::make_unique<MarkdownWriter>(); }

} // namespace handoff
