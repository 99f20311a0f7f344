#include "reports/report_view.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/rule_docs.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {
constexpr std::array<SeverityStyle, 5> kStyles{{
    {"Info", "note", "", "notice", "2", "#747474"},
    {"Low", "note", "2.0", "notice", "36", "#5fbb31"},
    {"Medium", "warning", "5.5", "warning", "33", "#e9c600"},
    {"High", "error", "8.0", "error", "31", "#ff8800"},
    {"Critical", "error", "9.5", "error", "1;31", "#e40000"},
}};

RuleText from_rule(const RuleInfo& rule) {
    RuleText text;
    text.id = std::string(rule.id);
    text.title = std::string(rule.title.empty() ? rule.id : rule.title);
    text.family = rule.family;
    text.severity = rule.severity;
    text.confidence = rule.confidence;
    text.doc = rule_doc(rule.id);
    text.why = rule.summary.empty() ? doc_section(text.doc, "Why it matters") : std::string(rule.summary);
    text.remediation = rule.remediation.empty() ? doc_section(text.doc, "What to do") : std::string(rule.remediation);
    return text;
}
} // namespace

const SeverityStyle& severity_style(Severity severity) { return kStyles.at(static_cast<std::size_t>(severity)); }

const std::vector<Severity>& severities_most_severe_first() {
    static const std::vector<Severity> order{Severity::critical, Severity::high, Severity::medium, Severity::low,
                                             Severity::info};
    return order;
}

std::string doc_section(std::string_view doc, std::string_view heading) {
    std::string marker = "## ";
    marker += heading;
    std::size_t at = 0;
    while (true) {
        at = doc.find(marker, at);
        if (at == std::string_view::npos) return {};
        bool line_start = at == 0 || doc[at - 1] == '\n';
        std::size_t after = at + marker.size();
        bool line_end = after == doc.size() || doc[after] == '\n' || doc[after] == '\r';
        if (line_start && line_end) break;
        at = after;
    }
    std::string_view rest = doc.substr(at + marker.size());
    std::size_t next = rest.find("\n## ");
    return std::string(trim(rest.substr(0, next), " \n\r"));
}

RuleText rule_text(const ScanResult& result, const Finding& finding) {
    if (const RuleInfo* rule = result.rule(finding.rule)) return from_rule(*rule);
    RuleText text;
    text.id = finding.rule;
    text.title = finding.rule;
    text.family = finding.family;
    text.severity = finding.severity;
    text.confidence = finding.confidence;
    text.doc = rule_doc(finding.rule);
    text.why = doc_section(text.doc, "Why it matters");
    text.remediation = finding.remediation;
    return text;
}

std::vector<RuleText> report_rules(const ScanResult& result, bool with_suppressed) {
    std::map<std::string, RuleText> by_id;
    for (const Finding& finding : result.findings) {
        if (!by_id.contains(finding.rule)) by_id.emplace(finding.rule, rule_text(result, finding));
    }
    for (const SuppressedFinding& s : result.suppressed) {
        if (with_suppressed && !by_id.contains(s.finding.rule)) by_id.emplace(s.finding.rule, rule_text(result, s.finding));
    }
    std::vector<RuleText> out;
    out.reserve(by_id.size());
    for (auto& entry : by_id) out.push_back(std::move(entry.second));
    return out;
}

std::vector<FileFindings> findings_by_file(const ScanResult& result) {
    std::vector<const Finding*> sorted;
    sorted.reserve(result.findings.size());
    for (const Finding& f : result.findings) sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) { return finding_order(*a, *b); });
    std::vector<FileFindings> out;
    for (const Finding* f : sorted) {
        if (out.empty() || out.back().path != f->location.path) out.push_back({f->location.path, {}});
        out.back().findings.push_back(f);
    }
    return out;
}

bool has_findings_at_or_above(const ScanResult& result, Severity severity) {
    return std::any_of(result.findings.begin(), result.findings.end(),
                       [&](const Finding& f) { return f.severity >= severity; });
}

std::string verdict_headline(const ScanResult& result) {
    if (has_findings_at_or_above(result, Severity::high)) return "Not ready to hand off";
    if (!result.findings.empty()) return "Ready to hand off after review";
    return "Ready to hand off";
}

std::string verdict_sentence(const ScanResult& result, KeyCounts keys) {
    std::string files = plural(result.files.size(), "file");
    std::string sentence;
    if (has_findings_at_or_above(result, Severity::high)) {
        std::size_t blocking = result.count(Severity::critical) + result.count(Severity::high);
        sentence = plural(blocking, "critical or high finding") + " must be fixed before handing this project over (" +
                   plural(result.findings.size(), "finding") + " in " + files + ": " + severity_breakdown(result) +
                   ").";
    } else if (!result.findings.empty()) {
        sentence = "Nothing critical or high; " + plural(result.findings.size(), "finding") + " in " + files +
                   " to review (" + severity_breakdown(result) + ").";
    } else {
        sentence = "No problems found in " + files + ".";
    }
    if (keys.keys > 0) {
        sentence += " The client must set up " + plural(keys.keys, "key");
        if (keys.leaked > 0) sentence += ", and " + plural(keys.leaked, "leaked key") + " must be rotated";
        sentence += " (see the key checklist).";
    }
    return sentence;
}

std::string severity_breakdown(const ScanResult& result) {
    std::string out;
    for (Severity s : severities_most_severe_first()) {
        std::size_t n = result.count(s);
        if (n == 0) continue;
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + std::string(to_string(s));
    }
    return out.empty() ? "none" : out;
}

std::string plural(std::size_t n, std::string_view singular, std::string_view plural_form) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out + std::string(singular);
    if (!plural_form.empty()) return out + std::string(plural_form);
    return out + std::string(singular) + "s";
}

std::string location_text(const Location& location) {
    std::string out;
    if (!location.commit().empty()) out = "in history: " + location.commit().substr(0, 10) + " ";
    out += location.path.empty() ? std::string("(project)") : location.path;
    if (location.line > 0) {
        out += ":" + std::to_string(location.line);
        if (location.column > 0) out += ":" + std::to_string(location.column);
    }
    if (!location.commit_date().empty()) out += " (" + location.commit_date().substr(0, 10) + ")";
    if (!location.place().empty()) out += ", " + location.place();
    return out;
}

} // namespace handoff
