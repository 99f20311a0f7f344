// SARIF 2.1.0 for GitHub code scanning (../shared/docs/reports-and-conventions.md, section 1).
#include <map>

#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "core/version.hpp"
#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

using Json = nlohmann::ordered_json;

// GitHub truncates descriptions past 1024 characters; cut on a UTF-8 boundary.
std::string limit(std::string text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    text.resize(cut);
    return text + "...";
}

std::string_view precision(Confidence confidence) {
    switch (confidence) {
    case Confidence::high: return "high";
    case Confidence::medium: return "medium";
    case Confidence::low: return "low";
    }
    return "medium";
}

Json rule_json(const RuleText& rule) {
    const SeverityStyle& style = severity_style(rule.severity);
    std::string full = rule.why.empty() ? rule.title : rule.why;
    std::string help_text = rule.doc.empty() ? full + "\n\nWhat to do: " + rule.remediation : std::string(rule.doc);
    std::string help_markdown = rule.doc.empty()
                                    ? "**" + markdown_text(rule.title) + "**\n\n" + markdown_text(full) +
                                          "\n\n**What to do:** " + markdown_text(rule.remediation)
                                    : std::string(rule.doc);
    Json properties = Json::object();
    properties["tags"] = Json::array({"security", std::string(to_string(rule.family))});
    properties["precision"] = precision(rule.confidence);
    if (!style.security_severity.empty()) properties["security-severity"] = style.security_severity;
    Json json{{"id", rule.id}};
    // SARIF1001: a name equal to the id must be left out.
    if (rule.title != rule.id) json["name"] = limit(clean_text(rule.title), 255);
    json.update(Json{
        {"shortDescription", {{"text", limit(clean_text(rule.title), 1024)}}},
        {"fullDescription", {{"text", limit(clean_text(full), 1024)}}},
        {"help", {{"text", clean_text(help_text, Newlines::keep)}, {"markdown", clean_text(help_markdown, Newlines::keep)}}},
        {"defaultConfiguration", {{"level", style.sarif_level}}},
        {"properties", properties},
    });
    return json;
}

Json region_json(const Location& loc) {
    if (loc.line == 0) return Json{{"startLine", 1}};
    Json region{{"startLine", loc.line}};
    if (loc.column > 0) region["startColumn"] = loc.column;
    if (loc.end_line >= loc.line && loc.end_line > 0) {
        region["endLine"] = loc.end_line;
        if (loc.end_column > 0 && (loc.end_line > loc.line || loc.end_column >= loc.column)) {
            region["endColumn"] = loc.end_column;
        }
    }
    return region;
}

// handoff's fingerprint is per secret for token rules (one key in five files is one
// finding identity), but a code-scanning alert is per place: add the path, and a
// counter for the rare repeat in one file.
std::string alert_fingerprint(const Finding& f, std::map<std::string, int>& seen) {
    std::string material = f.fingerprint + '\0' + f.location.path;
    int n = seen[material]++;
    if (n > 0) material += '\0' + std::to_string(n);
    return sha256_hex(material).substr(0, 32);
}

// An inline comment is a suppression in the source; a config entry or baseline lives apart from it.
Json suppression_json(const Suppression& s) {
    Json json{{"kind", s.kind == SuppressionKind::inline_ignore ? "inSource" : "external"}, {"status", "accepted"}};
    if (!s.justification.empty()) json["justification"] = clean_text(s.justification);
    // A place in the repository only: a baseline kept outside the scanned tree has no URI here.
    if (!s.written_at.path.empty() && s.written_at.path.front() != '/') {
        Json physical{{"artifactLocation", {{"uri", uri_path(s.written_at.path)}}}};
        if (s.written_at.line > 0) physical["region"] = region_json(s.written_at);
        json["location"] = Json{{"physicalLocation", physical}};
    }
    return json;
}

class SarifWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "sarif"; }

    void write(const ScanResult& result, const ReportOptions& options, std::ostream& out) const override {
        // The rules that have results; each carries its doc page as help.
        std::vector<RuleText> rules = report_rules(result, options.sarif_suppressed);
        std::map<std::string, std::size_t> rule_index;
        Json rules_json = Json::array();
        for (const RuleText& rule : rules) {
            rule_index[rule.id] = rules_json.size();
            rules_json.push_back(rule_json(rule));
        }

        // With --sarif-include-suppressed, suppressed findings are results too, each with its
        // suppression, in the same stable path order as the rest. GitHub ignores `suppressions`
        // (it would open an alert for each), so by default they are left out, as peers do.
        std::vector<std::pair<const Finding*, const Suppression*>> all;
        for (const Finding& f : result.findings) all.emplace_back(&f, nullptr);
        if (options.sarif_suppressed) {
            for (const SuppressedFinding& s : result.suppressed) all.emplace_back(&s.finding, &s.suppression);
        }
        std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return finding_order(*a.first, *b.first); });

        std::map<std::string, int> seen;
        Json results = Json::array();
        for (const auto& [finding, suppression] : all) {
            const Finding& f = *finding;
            std::string message = clean_text(f.message.empty() ? rule_text(result, f).title : f.message);
            if (!f.evidence.empty()) message += "\nEvidence: " + clean_text(f.evidence, Newlines::keep);
            Json physical{{"artifactLocation", {{"uri", uri_path(f.location.path)}}}, {"region", region_json(f.location)}};
            Json location{{"physicalLocation", physical}};
            if (!f.location.node_path.empty()) {
                location["logicalLocations"] = Json::array({{{"fullyQualifiedName", clean_text(f.location.node_path)}}});
            }
            Json item{
                {"ruleId", f.rule},
                {"ruleIndex", rule_index.at(f.rule)},
                {"level", severity_style(f.severity).sarif_level},
                {"message", {{"text", message}}},
                {"locations", Json::array({location})},
                {"partialFingerprints", {{"handoff/v1", alert_fingerprint(f, seen)}}},
                {"properties", {{"severity", to_string(f.severity)}, {"confidence", to_string(f.confidence)},
                                {"fingerprint", f.fingerprint}}},
            };
            if (!f.location.place().empty()) item["properties"]["place"] = clean_text(f.location.place());
            if (!f.location.commit().empty()) {
                item["properties"]["commit"] = f.location.commit();
                item["properties"]["commitDate"] = f.location.commit_date();
                item["partialFingerprints"]["commitSha"] = f.location.commit();
            }
            if (suppression != nullptr) item["suppressions"] = Json::array({suppression_json(*suppression)});
            results.push_back(std::move(item));
        }

        Json notifications = Json::array();
        for (const Diagnostic& d : result.diagnostics) {
            Json note{{"level", "warning"}, {"message", {{"text", clean_text(d.message)}}},
                      {"descriptor", {{"id", to_string(d.kind)}}}};
            if (!d.path.empty()) {
                Location loc{d.path, d.line, d.column, 0, 0, {}};
                note["locations"] = Json::array(
                    {{{"physicalLocation", {{"artifactLocation", {{"uri", uri_path(d.path)}}}, {"region", region_json(loc)}}}}});
            }
            notifications.push_back(note);
        }

        Json run{
            {"tool",
             {{"driver",
               {{"name", "handoff"}, {"version", kVersion}, {"semanticVersion", kVersion}, {"rules", rules_json}}}}},
            {"automationDetails", {{"id", "handoff/"}}},
            {"invocations", Json::array({{{"executionSuccessful", true},
                                          {"toolExecutionNotifications", notifications}}})},
            {"columnKind", "unicodeCodePoints"},
            {"results", results},
            {"properties",
             {{"filesScanned", result.files.size()},
              {"bytesScanned", result.bytes},
              {"suppressedFindings", result.suppressed.size()},
              {"excludedPaths", result.excluded.size()}}},
        };
        Json log{
            {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", Json::array({run})},
        };
        out << log.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_sarif_writer() { return std::make_unique<SarifWriter>(); }

} // namespace handoff
