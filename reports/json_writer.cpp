// The JSON report: the machine-readable contract (docs/json-report.md). Keys are
// only ever added, never renamed.
#include <nlohmann/json.hpp>

#include "reports/writer.hpp"

namespace handoff {

namespace {

using Json = nlohmann::ordered_json;

Json location_json(const Location& loc) {
    return Json{{"path", loc.path},           {"line", loc.line},
                {"column", loc.column},       {"end_line", loc.end_line},
                {"end_column", loc.end_column}, {"node_path", loc.node_path}};
}

Json diagnostic_json(const Diagnostic& d) {
    return Json{{"path", d.path}, {"line", d.line}, {"column", d.column}, {"kind", to_string(d.kind)},
                {"message", d.message}};
}

Json finding_json(const Finding& f) {
    return Json{{"rule", f.rule},
                {"family", to_string(f.family)},
                {"severity", to_string(f.severity)},
                {"confidence", to_string(f.confidence)},
                {"message", f.message},
                {"remediation", f.remediation},
                {"location", location_json(f.location)},
                {"evidence", f.evidence},
                {"fingerprint", f.fingerprint}};
}

Json inventory_json(const InventoryEntry& e) {
    Json refs = Json::array();
    for (const Location& l : e.references) refs.push_back(location_json(l));
    Json decls = Json::array();
    for (const Location& l : e.declarations) decls.push_back(location_json(l));
    return Json{{"name", e.name},         {"store", e.store},     {"provider", e.provider},
                {"where_to_set", e.where_to_set}, {"used_by", e.used_by}, {"references", refs},
                {"declarations", decls}, {"kind", e.kind}};
}

class JsonWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view id() const override { return "json"; }

    void write(const ScanResult& r, const ReportOptions& /*options*/, std::ostream& out) const override {
        Json files = Json::array();
        for (const ScannedFile& f : r.files) {
            Json diags = Json::array();
            for (const Diagnostic& d : f.diagnostics) diags.push_back(diagnostic_json(d));
            files.push_back(Json{{"path", f.path}, {"format", format_id(f.format)}, {"bytes", f.bytes},
                                 {"diagnostics", diags}});
        }
        Json findings = Json::array();
        for (const Finding& f : r.findings) findings.push_back(finding_json(f));
        Json inventory = Json::array();
        for (const InventoryEntry& e : r.inventory) inventory.push_back(inventory_json(e));
        Json diagnostics = Json::array();
        for (const Diagnostic& d : r.diagnostics) diagnostics.push_back(diagnostic_json(d));

        Json doc{{"tool", Json{{"name", "handoff"}, {"version", r.tool_version}}},
                 {"root", r.root},
                 {"files", files},
                 {"findings", findings},
                 {"inventory", inventory},
                 {"diagnostics", diagnostics},
                 {"excluded", r.excluded},
                 {"summary", Json{{"critical", r.count(Severity::critical)},
                                  {"high", r.count(Severity::high)},
                                  {"medium", r.count(Severity::medium)},
                                  {"low", r.count(Severity::low)},
                                  {"info", r.count(Severity::info)},
                                  {"files", r.files.size()},
                                  {"bytes", r.bytes},
                                  {"suppressed", r.suppressed}}}};
        // Scanned text may hold invalid UTF-8; replace it rather than fail the report.
        out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_json_writer() { return std::make_unique<JsonWriter>(); }

} // namespace handoff
