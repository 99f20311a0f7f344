// The client-facing review report: one self-contained HTML file that loads nothing,
// needs no JavaScript and prints well. The first screen answers "can this be handed
// over?"; then the findings by file; then the key checklist.
#include <algorithm>
#include <sstream>

#include "core/secret_stores.hpp"
#include "core/version.hpp"
#include "reports/checklist.hpp"
#include "reports/escape.hpp"
#include "reports/html_style.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

constexpr std::size_t kExcludedShown = 50;

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
    std::string title = options.title.empty() ? std::string("Security review before handover") : options.title;
    out << "<header class=\"top\">\n<p class=\"kicker\">handoff security review</p>\n<h1>" << esc(title) << "</h1>\n";
    out << "<dl class=\"meta\">";
    if (!options.client.empty()) out << "<dt>Client</dt><dd>" << esc(options.client) << "</dd>";
    if (!options.author.empty()) out << "<dt>Prepared by</dt><dd>" << esc(options.author) << "</dd>";
    out << "<dt>Project</dt><dd><code>" << esc(result.root.empty() ? std::string(".") : result.root) << "</code></dd>";
    out << "<dt>Tool</dt><dd>handoff " << esc(kVersion) << "</dd></dl>\n</header>\n";
}

void write_verdict(const ScanResult& result, std::ostream& out) {
    std::string_view kind = has_findings_at_or_above(result, Severity::high) ? " bad"
                            : result.findings.empty()                       ? ""
                                                                            : " review";
    out << "<section class=\"panel verdict" << kind << "\" aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">"
        << esc(verdict_headline(result)) << "</h2>\n<p>" << esc(verdict_sentence(result)) << "</p>\n</section>\n";
}

void write_summary(const ScanResult& result, std::ostream& out) {
    out << "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<div class=\"cards\">";
    std::vector<Bar> severity_bars;
    for (Severity s : severities_most_severe_first()) {
        const SeverityStyle& style = severity_style(s);
        out << "<div class=\"card\" style=\"" << sev_var(s) << "\"><span class=\"n\">" << result.count(s)
            << "</span>" << style.label << "</div>";
        severity_bars.push_back({std::string(style.label), result.count(s), std::string(style.html_color)});
    }
    out << "</div>\n";
    std::vector<Bar> family_bars;
    for (Family family : all_families()) {
        family_bars.push_back({std::string(family_title(family)), result.count(family), "#3b6fd8"});
    }
    out << "<div class=\"charts\">\n<figure><figcaption>Findings by severity</figcaption>"
        << bar_chart(severity_bars, "Findings by severity") << "</figure>\n";
    out << "<figure><figcaption>Findings by family</figcaption>" << bar_chart(family_bars, "Findings by family")
        << "</figure>\n</div>\n</section>\n";
}

void write_scope(const ScanResult& result, std::ostream& out) {
    out << "<section aria-labelledby=\"scope\">\n<h2 id=\"scope\">What was checked</h2>\n";
    out << "<p>" << plural(result.files.size(), "file") << " (" << result.bytes << " bytes) scanned in "
        << static_cast<long long>(result.seconds * 1000) << " ms. " << plural(result.excluded.size(), "path")
        << " excluded; " << plural(result.suppressed.size(), "finding") << " suppressed by inline ignores, configuration or "
        << "baseline.</p>\n";
    auto by_format = result.files_by_format();
    if (!by_format.empty()) {
        out << "<table>\n<thead><tr><th>Format</th><th class=\"num\">Files</th></tr></thead>\n<tbody>\n";
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
    out << "<h3>Results by family</h3>\n<ul class=\"families\">\n";
    for (Family family : all_families()) {
        std::size_t n = result.count(family);
        out << "<li><strong>" << esc(family_title(family)) << ":</strong> ";
        if (n == 0) {
            out << "<span class=\"ok\">nothing found</span> in " << plural(result.files.size(), "file") << ".";
        } else {
            out << plural(n, "finding");
            if (family == Family::embedded_token) out << ", " << plural(result.secrets_to_rotate(), "distinct secret") << " to rotate";
            out << ".";
        }
        out << "</li>\n";
    }
    out << "</ul>\n</section>\n";
}

void write_finding(const ScanResult& result, const Finding& f, std::size_t index, std::ostream& out) {
    RuleText rule = rule_text(result, f);
    const SeverityStyle& style = severity_style(f.severity);
    out << "<article class=\"finding\" id=\"finding-" << index << "\" style=\"" << sev_var(f.severity) << "\">\n";
    out << "<h4><span class=\"badge " << to_string(f.severity) << "\">" << style.label << "</span>"
        << esc(rule.title) << "</h4>\n";
    out << "<p class=\"where\">";
    if (f.location.line > 0) {
        out << "Line " << f.location.line;
        if (f.location.column > 0) out << ", column " << f.location.column;
    } else {
        out << "Whole file";
    }
    if (!f.location.node_path.empty()) out << " · <code>" << esc(f.location.node_path) << "</code>";
    out << " · confidence " << to_string(f.confidence) << "</p>\n";
    out << "<p>" << esc(f.message) << "</p>\n";
    if (!rule.why.empty()) out << "<h5>Why it matters</h5>\n<p>" << esc(rule.why) << "</p>\n";
    if (!f.evidence.empty()) out << "<h5>Evidence (redacted)</h5>\n<pre>" << esc(f.evidence) << "</pre>\n";
    if (!f.context.empty()) {
        out << "<h5>In the file (secrets masked)</h5>\n<pre>";
        for (const ContextLine& l : f.context) {
            std::string number = std::to_string(l.line);
            bool marked = l.line >= f.location.line && l.line <= std::max(f.location.end_line, f.location.line);
            out << (marked ? "&gt; " : "  ") << std::string(number.size() < 5 ? 5 - number.size() : 0, ' ') << number
                << " | " << esc(l.text) << '\n';
        }
        out << "</pre>\n";
    }
    std::string fix = f.remediation.empty() ? rule.remediation : f.remediation;
    if (!fix.empty()) out << "<h5>How to fix</h5>\n<p>" << esc(fix) << "</p>\n";
    out << "<p class=\"ref\">Rule <code>" << esc(f.rule) << "</code> · finding <code>" << esc(f.fingerprint)
        << "</code></p>\n</article>\n";
}

void write_findings(const ScanResult& result, std::ostream& out) {
    out << "<section aria-labelledby=\"findings\">\n<h2 id=\"findings\">Findings</h2>\n";
    std::vector<FileFindings> files = findings_by_file(result);
    if (files.empty()) out << "<p class=\"empty\">Nothing found in " << plural(result.files.size(), "file") << ".</p>\n";
    std::size_t index = 0;
    for (const FileFindings& file : files) {
        out << "<section class=\"file\">\n<h3><code>" << esc(file.path.empty() ? std::string("(project)") : file.path)
            << "</code> <span class=\"count\">" << plural(file.findings.size(), "finding") << "</span></h3>\n";
        for (const Finding* f : file.findings) write_finding(result, *f, ++index, out);
        out << "</section>\n";
    }
    out << "</section>\n";
}

void write_checklist_html(const ScanResult& result, std::ostream& out) {
    out << "<section aria-labelledby=\"checklist\">\n<h2 id=\"checklist\">Key checklist</h2>\n";
    if (result.inventory.empty()) {
        out << "<p class=\"empty\">The project needs no secrets: nothing references a secret store, an environment "
               "variable or a credential.</p>\n";
    } else {
        out << "<p>The project needs " << plural(result.inventory.size(), "secret")
            << ". For each one, create a new key in the provider's console (never reuse the developer's), then store "
               "it where the table says. Never paste a value into a file that is committed.</p>\n";
        out << "<table class=\"keys\">\n<thead><tr><th>Secret</th><th>Create it in</th><th>Put it in</th><th>Used by</th>"
               "<th>Referenced at</th></tr></thead>\n<tbody>\n";
        for (const InventoryEntry& e : result.inventory) {
            ProviderConsole console = provider_console(result.providers, e.provider, e.name);
            out << "<tr><td><span class=\"box\" aria-hidden=\"true\">\u2610</span> <code>" << esc(e.name) << "</code>";
            if (!console.name.empty()) out << "<br>" << esc(console.name);
            out << "</td><td>" << esc(console.where);
            if (!console.url.empty()) out << "<br><a href=\"" << esc(console.url) << "\">" << esc(console.url) << "</a>";
            out << "</td><td>" << esc(e.where_to_set.empty() ? store_destination(e.store) : e.where_to_set) << "</td><td>";
            for (std::size_t i = 0; i < e.used_by.size(); ++i) out << (i ? ", " : "") << esc(e.used_by[i]);
            out << "</td><td>";
            std::vector<std::string> refs = reference_texts(e, 5);
            for (std::size_t i = 0; i < refs.size(); ++i) out << (i ? "<br>" : "") << "<code>" << esc(refs[i]) << "</code>";
            out << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    out << "<h3>.env.example</h3>\n<pre>" << esc(env_example(result.inventory, result.providers)) << "</pre>\n</section>\n";
}

class HtmlWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "html"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        std::string title = options.title.empty() ? std::string("handoff security review") : options.title;
        out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>"
            << esc(title) << ": " << esc(verdict_headline(result)) << "</title>\n<style>" << kHtmlReportStyle
            << "</style>\n</head>\n<body>\n";
        write_header(result, options, out);
        out << "<main>\n";
        write_verdict(result, out);
        write_summary(result, out);
        write_scope(result, out);
        write_findings(result, out);
        write_checklist_html(result, out);
        out << "</main>\n<footer>Generated offline by handoff " << esc(kVersion)
            << ". This file is self-contained: it loads nothing from the network and needs no JavaScript. "
               "Secrets are shown redacted.</footer>\n</body>\n</html>\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_html_writer() { return std::make_unique<HtmlWriter>(); }

} // namespace handoff
