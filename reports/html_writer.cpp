// The client-facing review report: one self-contained HTML file that loads nothing, needs no
// JavaScript and prints well. The first page speaks plain language: the verdict, what must
// happen before the handoff, and the key checklist. Then the findings, worst first, one
// rule at a time (why it matters and how to fix it once, then every place it was found),
// the suppressed findings with their reasons, and what was checked. Rule ids and
// fingerprints stay on small details lines for whoever fixes the findings.
#include <algorithm>
#include <sstream>

#include "core/version.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/html_style.hpp"
#include "reports/report_view.hpp"
#include "reports/review_order.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

constexpr std::size_t kExcludedShown = 50;
constexpr std::size_t kSuppressedShown = 50;

std::string esc(std::string_view text) { return html_escape(text); }

std::string sev_var(Severity s) { return "--sev:" + std::string(severity_style(s).html_color); }

struct Bar {
    std::string label;
    std::size_t value = 0;
    std::string color;
};

// A horizontal bar chart in inline SVG; the aria-label carries the same numbers as text.
std::string bar_chart(const std::vector<Bar>& bars, std::string_view caption) {
    constexpr int kLabelWidth = 220;
    constexpr int kBarWidth = 260;
    constexpr int kRow = 26;
    std::size_t max = 1;
    for (const Bar& b : bars) max = std::max(max, b.value);
    std::string summary = std::string(caption) + ":";
    for (const Bar& b : bars) summary += " " + b.label + " " + std::to_string(b.value) + ";";
    int height = static_cast<int>(bars.size()) * kRow + 4;
    std::ostringstream svg;
    svg << "<svg role=\"img\" aria-label=\"" << esc(summary) << "\" width=\"" << kLabelWidth + kBarWidth + 50
        << "\" height=\"" << height << "\" viewBox=\"0 0 " << kLabelWidth + kBarWidth + 50 << " " << height
        << "\" xmlns=\"http://www.w3.org/2000/svg\">";
    int y = 2;
    for (const Bar& b : bars) {
        int width = static_cast<int>(static_cast<double>(b.value) / static_cast<double>(max) * kBarWidth);
        if (b.value > 0) width = std::max(width, 3);
        svg << "<text x=\"0\" y=\"" << y + 17 << "\" font-size=\"13\" fill=\"#1d2330\">" << esc(b.label) << "</text>";
        svg << "<rect x=\"" << kLabelWidth << "\" y=\"" << y + 3 << "\" width=\"" << kBarWidth
            << "\" height=\"18\" rx=\"3\" fill=\"#eef0f4\"/>";
        if (width > 0) {
            svg << "<rect x=\"" << kLabelWidth << "\" y=\"" << y + 3 << "\" width=\"" << width
                << "\" height=\"18\" rx=\"3\" fill=\"" << b.color << "\"/>";
        }
        svg << "<text x=\"" << kLabelWidth + kBarWidth + 8 << "\" y=\"" << y + 17
            << "\" font-size=\"13\" font-weight=\"700\" fill=\"#1d2330\">" << b.value << "</text>";
        y += kRow;
    }
    svg << "</svg>";
    return svg.str();
}

void write_header(const ScanResult& result, const ReportOptions& options, std::ostream& out) {
    out << "<header class=\"top\">\n<p class=\"kicker\">Security review before handover</p>\n<h1>"
        << esc(project_name(result, options.project)) << "</h1>\n";
    if (!options.title.empty()) out << "<p class=\"subtitle\">" << esc(options.title) << "</p>\n";
    out << "<dl class=\"meta\">";
    if (!options.client.empty()) out << "<dt>Client</dt><dd>" << esc(options.client) << "</dd>";
    if (!options.author.empty()) out << "<dt>Prepared by</dt><dd>" << esc(options.author) << "</dd>";
    out << "<dt>Checked</dt><dd>" << plural(result.files.size(), "file") << " with handoff " << esc(kVersion)
        << "</dd></dl>\n</header>\n";
}

void write_verdict(const ScanResult& result, KeyCounts keys, std::ostream& out) {
    std::string_view kind = has_findings_at_or_above(result, Severity::high) ? " bad"
                            : result.findings.empty()                       ? ""
                                                                            : " review";
    out << "<section class=\"panel verdict" << kind << "\" aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">"
        << esc(verdict_headline(result)) << "</h2>\n<p>" << esc(verdict_sentence(result, keys)) << "</p>\n";
    out << "<div class=\"cards\">";
    for (Severity s : severities_most_severe_first()) {
        out << "<div class=\"card\" style=\"" << sev_var(s) << "\"><span class=\"n\">" << result.count(s) << "</span>"
            << severity_style(s).label << "</div>";
    }
    out << "</div>\n</section>\n";
}

// What must happen before the handoff, in the order it should happen.
void write_todo(const ScanResult& result, const std::vector<ChecklistRow>& rows, std::ostream& out) {
    std::vector<std::string> steps;
    std::size_t blocking = result.count(Severity::critical) + result.count(Severity::high);
    if (std::size_t leaked = count_rows(rows, KeyStatus::leaked); leaked > 0) {
        steps.push_back("<strong>Rotate " + plural(leaked, "key") +
                        " written into the files</strong> (marked leaked in the <a href=\"#checklist\">key "
                        "checklist</a>). Revoke each at its provider and create a new one: the developer's keys must "
                        "never become the client's.");
    }
    if (blocking > 0) {
        steps.push_back("<strong>Fix " + plural(blocking, "critical or high finding") +
                        ".</strong> They come first under <a href=\"#findings\">Findings</a>, each with how to fix it.");
    }
    std::size_t keys = rows.size() - count_rows(rows, KeyStatus::package);
    if (keys > 0) {
        steps.push_back("<strong>Set up " + plural(keys, "key") +
                        " in the client's own accounts</strong> and store each where the key checklist below says.");
    }
    std::size_t shared = static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const ChecklistRow& r) { return !r.one_key_each.empty(); }));
    if (shared > 0) {
        steps.push_back("<strong>Give each consumer its own key</strong> where one key serves several (" +
                        plural(shared, "key") + " in the checklist), with the narrowest scope the provider offers.");
    }
    std::size_t rest = result.findings.size() - blocking;
    if (rest > 0) {
        steps.push_back("Review " + plural(rest, "medium, low or informational finding") +
                        " and fix or accept each one.");
    }
    if (!result.suppressed.empty()) {
        steps.push_back("Confirm the reasons given for " + plural(result.suppressed.size(), "suppressed finding") +
                        " (<a href=\"#suppressed\">listed after the findings</a>).");
    }
    out << "<section aria-labelledby=\"todo\">\n<h2 id=\"todo\">Before the handoff</h2>\n";
    if (steps.empty()) {
        out << "<p>Nothing has to change before the handoff.</p>\n</section>\n";
        return;
    }
    out << "<ol class=\"todo\">\n";
    for (const std::string& step : steps) out << "<li>" << step << "</li>\n";
    out << "</ol>\n</section>\n";
}

void write_checklist_html(const std::vector<ChecklistRow>& rows, std::ostream& out) {
    out << "<section aria-labelledby=\"checklist\">\n<h2 id=\"checklist\">Key checklist</h2>\n";
    if (rows.empty()) {
        out << "<p class=\"empty\">The project needs no secrets: nothing references a secret store, an environment "
               "variable or a credential.</p>\n";
    } else {
        out << "<p>For each key, create a new one in the client's own account at the provider (never reuse the "
               "developer's), then store it where the table says. Never paste a value into a file that is committed.";
        if (count_rows(rows, KeyStatus::leaked) > 0) {
            out << " A key marked <strong>leaked</strong> is written in the project's files: revoke it at the provider "
                   "before the handoff.";
        }
        out << "</p>\n<table class=\"keys\">\n<colgroup><col class=\"secret\"><col class=\"create\"><col class=\"put\">"
               "<col class=\"used\"></colgroup>\n<thead><tr><th>Key</th><th>Create it in</th><th>Put it in</th>"
               "<th>Used by</th></tr></thead>\n<tbody>\n";
        for (const ChecklistRow& r : rows) {
            out << "<tr><td><span class=\"box\" aria-hidden=\"true\">\u2610</span> <code>" << esc(r.name) << "</code>";
            if (!r.console.name.empty()) out << "<br>" << esc(r.console.name);
            std::string_view status_class = r.status == KeyStatus::leaked ? "leaked" : r.status == KeyStatus::to_supply ? "supply" : "";
            if (!status_class.empty()) out << "<br><span class=\"status " << status_class << "\">" << esc(status_text(r.status)) << "</span>";
            out << "</td><td>";
            if (r.status == KeyStatus::package) {
                out << "not a key: install it on the client's instance";
            } else {
                out << esc(r.console.where);
                if (!r.console.url.empty()) {
                    std::string_view shown = r.console.url;
                    if (shown.starts_with("https://")) shown.remove_prefix(8);
                    out << "<br><a class=\"console\" href=\"" << esc(r.console.url) << "\">" << esc(shown) << "</a>";
                }
            }
            out << "</td><td>";
            if (r.put_in.size() == 1) out << esc(r.put_in.front());
            if (r.put_in.size() > 1) {
                out << "<ul class=\"put\">";
                for (const std::string& place : r.put_in) out << "<li>" << esc(place) << "</li>";
                out << "</ul>";
            }
            out << "</td><td>";
            for (std::size_t i = 0; i < r.used_by.size(); ++i) out << (i ? ", " : "") << esc(r.used_by[i]);
            std::vector<std::string> refs = location_texts(r.references, 3);
            if (!refs.empty()) out << (r.used_by.empty() ? "" : "<br>") << "<span class=\"ref\">";
            for (std::size_t i = 0; i < refs.size(); ++i) out << (i ? ", " : "") << "<code>" << esc(refs[i]) << "</code>";
            if (!refs.empty()) out << "</span>";
            std::vector<std::string> leaked = location_texts(r.leaked_at, 3);
            if (!leaked.empty()) out << (r.used_by.empty() && refs.empty() ? "" : "<br>") << "<span class=\"ref leaked-at\">found written at ";
            for (std::size_t i = 0; i < leaked.size(); ++i) out << (i ? ", " : "") << "<code>" << esc(leaked[i]) << "</code>";
            if (!leaked.empty()) out << "</span>";
            out << "</td></tr>\n";
            if (!r.one_key_each.empty()) {
                out << "<tr class=\"note\"><td colspan=\"4\"><strong>Shared key:</strong> " << esc(r.one_key_each)
                    << "</td></tr>\n";
            }
        }
        out << "</tbody>\n</table>\n";
    }
    out << "<h3>.env.example</h3>\n<pre>" << esc(env_example(rows)) << "</pre>\n</section>\n";
}

// The source lines around a finding, its own lines marked.
void write_context(const Finding& f, std::ostream& out) {
    out << "<pre>";
    for (const ContextLine& l : f.context) {
        std::string number = std::to_string(l.line);
        bool marked = l.line >= f.location.line && l.line <= std::max(f.location.end_line, f.location.line);
        out << (marked ? "&gt; " : "  ") << std::string(number.size() < 5 ? 5 - number.size() : 0, ' ') << number
            << " | " << esc(l.text) << '\n';
    }
    out << "</pre>\n";
}

// One place a rule fired: where, what, the redacted evidence; the source lines for the
// findings that block the handoff; internal ids on a details line.
void write_place(const ScanResult& result, const RuleGroup& group, const Finding& f, std::ostream& out) {
    // A severity badge per place only where the places of one rule differ in severity.
    bool mixed = group.findings.back()->severity != group.worst();
    out << "<li><p class=\"place\">";
    if (mixed) {
        out << "<span class=\"badge " << to_string(f.severity) << "\" style=\"" << sev_var(f.severity) << "\">"
            << severity_style(f.severity).label << "</span>";
    }
    out << "<code>" << esc(location_text(f.location)) << "</code></p>\n<p>" << esc(f.message) << "</p>\n";
    bool show_context = f.severity >= Severity::high && !f.context.empty();
    if (!f.evidence.empty() && !show_context) {
        if (f.evidence.find('\n') == std::string::npos) {
            out << "<p class=\"evidence\">Evidence (redacted): <code>" << esc(f.evidence) << "</code></p>\n";
        } else {
            out << "<p class=\"evidence\">Evidence (redacted):</p>\n<pre>" << esc(f.evidence) << "</pre>\n";
        }
    }
    if (show_context) write_context(f, out);
    if (std::string fix = own_fix(result, group, f); !fix.empty()) out << "<p><strong>Fix:</strong> " << esc(fix) << "</p>\n";
    out << "<p class=\"ref\">confidence " << to_string(f.confidence);
    if (!f.location.node_path.empty()) out << " · at <code>" << esc(f.location.node_path) << "</code>";
    out << " · id <code>" << esc(f.fingerprint) << "</code></p>\n</li>\n";
}

void write_findings(const ScanResult& result, const ReportOptions& options, std::ostream& out) {
    // A new printed page for the findings; a clean project's report needs no page for "nothing found".
    out << "<section" << (result.findings.empty() ? "" : " class=\"break\"")
        << " aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n";
    std::vector<RuleGroup> groups = rule_groups(result, options.min_severity);
    if (result.findings.empty()) {
        out << "<p class=\"empty\">Nothing found in " << plural(result.files.size(), "file") << ".</p>\n";
    } else {
        out << "<p>Worst first. Each problem is explained once, with how to fix it, then every place it was found.</p>\n";
    }
    if (std::size_t below = findings_below(result, options.min_severity); below > 0) {
        out << "<p class=\"empty\">" << plural(below, "finding") << " below " << to_string(options.min_severity)
            << " not shown here; they are counted above and listed in the JSON and SARIF reports.</p>\n";
    }
    std::size_t index = 0;
    for (const RuleGroup& g : groups) {
        out << "<article class=\"group\" id=\"rule-" << ++index << "\" style=\"" << sev_var(g.worst()) << "\">\n";
        out << "<div class=\"head\">\n<h3><span class=\"badge " << to_string(g.worst()) << "\">"
            << severity_style(g.worst()).label << "</span>" << esc(g.rule.title) << " <span class=\"count\">"
            << plural(g.findings.size(), "place") << "</span></h3>\n";
        if (!g.rule.why.empty()) out << "<p><strong>Why it matters:</strong> " << esc(g.rule.why) << "</p>\n";
        if (!g.fix.empty()) out << "<p class=\"fix\"><strong>How to fix:</strong> " << esc(g.fix) << "</p>\n";
        out << "</div>\n";
        out << "<ol class=\"places\">\n";
        for (const Finding* f : g.findings) write_place(result, g, *f, out);
        out << "</ol>\n<p class=\"ref\">rule <code>" << esc(g.rule.id) << "</code> · "
            << esc(family_title(g.rule.family)) << "</p>\n</article>\n";
    }
    out << "</section>\n";
}

void write_suppressed(const ScanResult& result, std::ostream& out) {
    if (result.suppressed.empty()) return;
    out << "<section class=\"suppressed\" aria-labelledby=\"suppressed\">\n<h2 id=\"suppressed\">Suppressed findings</h2>\n<p>"
        << plural(result.suppressed.size(), "finding")
        << " left out on purpose. Each reason was written by the developer; check that it still holds.</p>\n";
    out << "<table>\n<thead><tr><th>Finding</th><th>Where</th><th>Reason</th><th>Written at</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < result.suppressed.size() && i < kSuppressedShown; ++i) {
        const SuppressedFinding& s = result.suppressed[i];
        out << "<tr><td>" << esc(rule_text(result, s.finding).title) << "</td><td><code>"
            << esc(location_text(s.finding.location)) << "</code></td><td>" << esc(suppression_reason(s.suppression))
            << "</td><td>" << esc(suppression_source(s.suppression)) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
    if (result.suppressed.size() > kSuppressedShown) {
        out << "<p>and " << result.suppressed.size() - kSuppressedShown << " more (the JSON report lists them all).</p>\n";
    }
    out << "</section>\n";
}

void write_scope(const ScanResult& result, std::size_t leaked, std::ostream& out) {
    out << "<section" << (result.findings.empty() ? "" : " class=\"break\"")
        << " aria-labelledby=\"scope\">\n<h2 id=\"scope\">What was checked</h2>\n";
    out << "<p>" << plural(result.files.size(), "file") << " (" << result.bytes << " bytes) scanned in "
        << static_cast<long long>(result.seconds * 1000) << " ms. " << plural(result.excluded.size(), "path")
        << " excluded; " << plural(result.suppressed.size(), "finding")
        << " suppressed by inline ignores, configuration or baseline.</p>\n";
    std::vector<Bar> severity_bars;
    for (Severity s : severities_most_severe_first()) {
        const SeverityStyle& style = severity_style(s);
        severity_bars.push_back({std::string(style.label), result.count(s), std::string(style.html_color)});
    }
    std::vector<Bar> family_bars;
    for (Family family : all_families()) {
        family_bars.push_back({std::string(family_title(family)), result.count(family), "#3b6fd8"});
    }
    out << "<div class=\"charts\">\n<figure><figcaption>Findings by severity</figcaption>"
        << bar_chart(severity_bars, "Findings by severity") << "</figure>\n";
    out << "<figure><figcaption>Findings by family</figcaption>" << bar_chart(family_bars, "Findings by family")
        << "</figure>\n</div>\n";
    out << "<h3>Results by family</h3>\n<ul class=\"families\">\n";
    for (Family family : all_families()) {
        std::size_t n = result.count(family);
        out << "<li><strong>" << esc(family_title(family)) << ":</strong> ";
        if (n == 0) {
            out << "<span class=\"ok\">nothing found</span> in " << plural(result.files.size(), "file") << ".";
        } else {
            out << plural(n, "finding");
            if (family == Family::embedded_token) out << "; " << plural(leaked, "leaked key") << " to rotate (see the key checklist)";
            out << ".";
        }
        out << "</li>\n";
    }
    out << "</ul>\n";
    auto by_format = result.files_by_format();
    if (!by_format.empty()) {
        out << "<h3>Files by format</h3>\n<table>\n<thead><tr><th>Format</th><th class=\"num\">Files</th></tr></thead>\n<tbody>\n";
        for (const auto& [format, n] : by_format) {
            out << "<tr><td>" << esc(format_id(format)) << "</td><td class=\"num\">" << n << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    if (!result.excluded.empty()) {
        out << "<h3>Excluded</h3>\n<ul>\n";
        for (std::size_t i = 0; i < result.excluded.size() && i < kExcludedShown; ++i) {
            out << "<li><code>" << esc(result.excluded[i]) << "</code></li>\n";
        }
        if (result.excluded.size() > kExcludedShown) {
            out << "<li>and " << plural(result.excluded.size() - kExcludedShown, "more path") << "</li>\n";
        }
        out << "</ul>\n";
    }
    if (!result.diagnostics.empty()) {
        out << "<h3>Warnings about the scan itself</h3>\n<ul>\n";
        for (const Diagnostic& d : result.diagnostics) {
            Location loc{d.path, d.line, d.column, 0, 0, {}};
            out << "<li><code>" << esc(location_text(loc)) << "</code> " << esc(to_string(d.kind)) << ": "
                << esc(d.message) << "</li>\n";
        }
        out << "</ul>\n";
    }
    out << "</section>\n";
}

class HtmlWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "html"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>"
            << esc(project_name(result, options.project)) << ": " << esc(verdict_headline(result))
            << "</title>\n<style>" << kHtmlReportStyle << "</style>\n</head>\n<body>\n";
        write_header(result, options, out);
        out << "<main>\n";
        std::vector<ChecklistRow> rows = checklist_rows(result);
        write_verdict(result, key_counts(rows), out);
        write_todo(result, rows, out);
        write_checklist_html(rows, out);
        write_findings(result, options, out);
        write_suppressed(result, out);
        write_scope(result, count_rows(rows, KeyStatus::leaked), out);
        out << "</main>\n<footer>Generated offline by handoff " << esc(kVersion)
            << ". This file is self-contained: it loads nothing from the network and needs no JavaScript. "
               "Secrets are shown redacted.</footer>\n</body>\n</html>\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_html_writer() { return std::make_unique<HtmlWriter>(); }

} // namespace handoff
