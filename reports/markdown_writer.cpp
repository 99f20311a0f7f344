// GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY and PR comments. A comment body
// may hold 65,536 characters, so the whole report stays under kBudget bytes (bytes are
// never fewer than characters) and says what it left out.
#include <algorithm>
#include <sstream>

#include "core/version.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

constexpr std::size_t kBudget = 65000;

std::string header(const ScanResult& result, const ReportOptions& options) {
    std::ostringstream out;
    out << "<!-- handoff-report -->\n";
    std::string title = options.title.empty() ? std::string("handoff") : options.title;
    out << "## " << markdown_text(title) << ": " << markdown_text(verdict_headline(result)) << "\n\n";
    std::string_view alert = has_findings_at_or_above(result, Severity::high) ? "CAUTION"
                             : result.findings.empty()                       ? "TIP"
                                                                             : "WARNING";
    out << "> [!" << alert << "]\n> " << markdown_text(verdict_sentence(result)) << "\n\n";
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
        if (family == Family::embedded_token && n > 0) cell += " (" + plural(result.secrets_to_rotate(), "distinct secret") + " to rotate)";
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

std::string fixes(const ScanResult& result) {
    std::ostringstream out;
    out << "<details><summary>How to fix each rule</summary>\n\n";
    for (const RuleText& rule : report_rules(result)) {
        std::string fix;
        bool fired = false;
        for (const Finding& f : result.findings) {
            if (f.rule != rule.id) continue;
            fired = true;
            if (fix.empty()) fix = f.remediation;
        }
        if (!fired) continue;
        if (fix.empty()) fix = rule.remediation;
        out << "- " << markdown_code(rule.id);
        if (rule.title != rule.id) out << " " << markdown_text(rule.title);
        out << ": " << markdown_text(fix.empty() ? std::string("see the rule's documentation") : fix) << "\n";
    }
    out << "\n</details>\n\n";
    return out.str();
}

std::string footer(const ScanResult& result) {
    std::ostringstream out;
    out << "---\n\n";
    out << "Scanned " << plural(result.files.size(), "file") << " (" << result.bytes << " bytes) with handoff "
        << kVersion << "; " << result.suppressed << " suppressed, " << result.excluded.size() << " excluded";
    if (!result.diagnostics.empty()) out << ", " << plural(result.diagnostics.size(), "warning") << " about the scan";
    out << ". The full report is in the SARIF and HTML outputs.\n";
    return out.str();
}

class MarkdownWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "markdown"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        std::string head = header(result, options);
        std::ostringstream checklist_stream;
        write_checklist_section(result, checklist_stream, 3);
        std::string checklist = checklist_stream.str() + "\n";
        std::string tail = footer(result);
        std::string fix_list = result.findings.empty() ? std::string() : fixes(result);

        // The checklist is what the client acts on: keep it unless it alone is too long.
        constexpr std::size_t kReserve = 2000;  // headings, notes about cuts
        if (head.size() + checklist.size() + tail.size() + kReserve > kBudget) {
            checklist = "### Key checklist\n\nThe key checklist (" + plural(result.inventory.size(), "secret") +
                        ") is too long for this summary; run `handoff checklist` or see the HTML report.\n\n";
        }
        if (head.size() + checklist.size() + tail.size() + fix_list.size() + kReserve > kBudget) {
            fix_list = "How to fix each rule is left out to keep this summary short; see the HTML report.\n\n";
        }
        std::size_t room = kBudget - std::min(kBudget, head.size() + checklist.size() + tail.size() + fix_list.size() + kReserve);

        std::string findings;
        std::size_t shown = 0;
        if (result.findings.empty()) {
            findings = "### Findings\n\nNothing found.\n\n";
        } else {
            findings = "### Findings\n\n| Severity | Rule | Location | Finding |\n| --- | --- | --- | --- |\n";
            // Most severe first, so a cut drops the least important rows.
            std::vector<const Finding*> ordered;
            for (const Finding& f : result.findings) ordered.push_back(&f);
            std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) {
                if (a->severity != b->severity) return a->severity > b->severity;
                return finding_order(*a, *b);
            });
            for (const Finding* f : ordered) {
                std::string row = finding_row(*f);
                if (findings.size() + row.size() > room) break;
                findings += row;
                ++shown;
            }
            findings += "\n";
            if (shown < result.findings.size()) {
                findings += "**" + plural(result.findings.size() - shown, "more finding") +
                            " not shown** (this summary stays under 65,000 characters); the SARIF and HTML reports "
                            "list them all.\n\n";
            }
        }
        out << head << findings << fix_list << checklist << tail;
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_markdown_writer() { return std::make_unique<MarkdownWriter>(); }

} // namespace handoff
