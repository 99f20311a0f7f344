// GitHub Actions workflow commands (::error file=...::message), most severe first.
// Every piece of scanned text is escaped, so no line of output can start a command of
// its own: line breaks become %0A.
#include <algorithm>

#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

class GithubWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "github"; }

    void write(const ScanResult& result, const ReportOptions&, std::ostream& out) const override {
        std::vector<const Finding*> ordered;
        for (const Finding& f : result.findings) ordered.push_back(&f);
        std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) {
            if (a->severity != b->severity) return a->severity > b->severity;
            return finding_order(*a, *b);
        });
        for (const Finding* f : ordered) {
            const Location& loc = f->location;
            out << "::" << severity_style(f->severity).github_command;
            std::string properties;
            auto add = [&](std::string_view key, const std::string& value) {
                properties += properties.empty() ? " " : ",";
                properties += key;
                properties += '=';
                properties += value;
            };
            if (!loc.path.empty()) add("file", github_property(loc.path));
            if (loc.line > 0) {
                add("line", std::to_string(loc.line));
                if (loc.end_line >= loc.line) add("endLine", std::to_string(loc.end_line));
                // GitHub only uses columns for single-line annotations.
                if (loc.column > 0 && loc.end_line == loc.line) {
                    add("col", std::to_string(loc.column));
                    if (loc.end_column >= loc.column) add("endColumn", std::to_string(loc.end_column));
                }
            }
            RuleText rule = rule_text(result, *f);
            std::string title = rule.title == f->rule ? f->rule : rule.title + " (" + f->rule + ")";
            add("title", github_property(title + ", " + std::string(to_string(f->severity))));
            std::string message = f->message;
            if (!f->evidence.empty()) message += "\nEvidence: " + f->evidence;
            std::string fix = f->remediation.empty() ? rule.remediation : f->remediation;
            if (!fix.empty()) message += "\nFix: " + fix;
            out << properties << "::" << github_message(message) << "\n";
        }
        out << "handoff: ";
        if (result.findings.empty()) {
            out << "no findings in " << plural(result.files.size(), "file");
        } else {
            out << plural(result.findings.size(), "finding") << " (" << severity_breakdown(result) << ") in "
                << plural(result.files.size(), "file")
                << "; GitHub shows at most 10 errors and 10 warnings per step, see the job summary or SARIF for all";
        }
        out << "\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_github_writer() { return std::make_unique<GithubWriter>(); }

} // namespace handoff
