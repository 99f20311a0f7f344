#pragma once
// What every writer derives from a ScanResult the same way: severity styles, rule text,
// the verdict, findings grouped by file. One table drives every format.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/scan_result.hpp"

namespace handoff {

struct SeverityStyle {
    std::string_view label;              // "Critical"
    std::string_view sarif_level;        // error / warning / note
    std::string_view security_severity;  // GitHub's "9.5"..."2.0"; empty for info
    std::string_view github_command;     // error / warning / notice
    std::string_view ansi;               // SGR parameters for the terminal
    std::string_view html_color;         // Trivy's palette
};
const SeverityStyle& severity_style(Severity severity);
// critical first.
const std::vector<Severity>& severities_most_severe_first();

// A rule's text for reports: from the scan's rule table, or made up from the finding when its
// rule is unknown (a finding built by hand, or a rule removed since).
struct RuleText {
    std::string id;
    std::string title;
    Family family = Family::embedded_token;
    Severity severity = Severity::medium;
    Confidence confidence = Confidence::medium;
    std::string why;          // rule summary, else the doc page's "Why it matters"
    std::string remediation;  // rule remediation, else the doc page's "What to do"
    std::string_view doc;     // the embedded docs/rules page; may be empty
};
RuleText rule_text(const ScanResult& result, const Finding& finding);
// The rules the findings name (and, when asked, the suppressed findings), sorted by id.
std::vector<RuleText> report_rules(const ScanResult& result, bool with_suppressed = false);

// The text under "## <heading>" of a Markdown page, trimmed; empty when absent.
std::string doc_section(std::string_view doc, std::string_view heading);

struct FileFindings {
    std::string path;
    std::vector<const Finding*> findings;  // in finding_order
};
// Findings grouped by file, files in path order.
std::vector<FileFindings> findings_by_file(const ScanResult& result);

// The highest severity found, if anything was found.
bool has_findings_at_or_above(const ScanResult& result, Severity severity);
// "Not ready to hand off", "Ready to hand off after review" or "Ready to hand off".
std::string verdict_headline(const ScanResult& result);
// The key checklist's totals the verdict names (reports/checklist.hpp: key_counts).
struct KeyCounts {
    std::size_t keys = 0;    // keys the client must set up
    std::size_t leaked = 0;  // of them, leaked: to rotate
};
// One sentence that explains the headline with counts.
std::string verdict_sentence(const ScanResult& result, KeyCounts keys);
// "1 critical, 2 high" (only non-zero severities); "none" when nothing was found.
std::string severity_breakdown(const ScanResult& result);
// "3 findings", "1 finding".
std::string plural(std::size_t n, std::string_view singular, std::string_view plural_form = {});
// path:line:column, or path alone for a whole-file location.
std::string location_text(const Location& location);

} // namespace handoff
