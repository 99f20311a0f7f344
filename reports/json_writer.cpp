// The JSON report: the machine-readable contract (docs/json-report.md). Keys are
// only ever added, never renamed.
#include "reports/json_stream.hpp"
#include "reports/writer.hpp"

namespace handoff {

namespace {

void write_location(JsonStream& j, const Location& loc) {
    j.begin_object()
        .member("path", loc.path)
        .member("line", loc.line)
        .member("column", loc.column)
        .member("end_line", loc.end_line)
        .member("end_column", loc.end_column)
        .member("node_path", loc.node_path);
    if (!loc.place().empty()) j.member("place", loc.place());
    if (!loc.commit().empty()) j.member("commit", loc.commit()).member("commit_date", loc.commit_date());
    j.end_object();
}

void write_locations(JsonStream& j, const std::vector<Location>& locations) {
    j.begin_array();
    for (const Location& l : locations) write_location(j, l);
    j.end_array();
}

void write_diagnostic(JsonStream& j, const Diagnostic& d) {
    j.begin_object()
        .member("path", d.path)
        .member("line", d.line)
        .member("column", d.column)
        .member("kind", to_string(d.kind))
        .member("message", d.message)
        .end_object();
}

void write_file(JsonStream& j, const ScannedFile& f) {
    j.begin_object().member("path", f.path).member("format", format_id(f.format)).member("bytes", f.bytes);
    j.key("diagnostics").begin_array();
    for (const Diagnostic& d : f.diagnostics) write_diagnostic(j, d);
    j.end_array().end_object();
}

void write_finding(JsonStream& j, const Finding& f) {
    j.begin_object()
        .member("rule", f.rule)
        .member("family", to_string(f.family))
        .member("severity", to_string(f.severity))
        .member("confidence", to_string(f.confidence))
        .member("message", f.message)
        .member("remediation", f.remediation);
    write_location(j.key("location"), f.location);
    j.member("evidence", f.evidence).member("fingerprint", f.fingerprint);
    j.key("context").begin_array();
    for (const ContextLine& l : f.context) j.begin_object().member("line", l.line).member("text", l.text).end_object();
    j.end_array().end_object();
}

// A suppressed finding: how and why it was silenced, where that reason is written, and the
// finding itself as in findings[].
void write_suppressed(JsonStream& j, const SuppressedFinding& s) {
    j.begin_object()
        .member("kind", to_string(s.suppression.kind))
        .member("justification", s.suppression.justification);
    write_location(j.key("justification_location"), s.suppression.written_at);
    write_finding(j.key("finding"), s.finding);
    j.end_object();
}

void write_inventory_entry(JsonStream& j, const InventoryEntry& e) {
    j.begin_object()
        .member("name", e.name)
        .member("store", e.store)
        .member("provider", e.provider)
        .member("where_to_set", e.where_to_set)
        .member("used_by", e.used_by);
    write_locations(j.key("references"), e.references);
    write_locations(j.key("declarations"), e.declarations);
    j.member("kind", e.kind);
    write_locations(j.key("values"), e.values);
    j.end_object();
}

template <typename Items, typename Write>
void write_array(JsonStream& j, std::string_view key, const Items& items, Write write) {
    j.key(key).begin_array();
    for (const auto& item : items) write(j, item);
    j.end_array();
}

// Streamed element by element, so a scan with tens of thousands of findings never holds
// its report in memory; the bytes are what nlohmann's dump(2) of the whole would give.
class JsonWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view id() const override { return "json"; }

    void write(const ScanResult& r, const ReportOptions& /*options*/, std::ostream& out) const override {
        {
            JsonStream j(out);
            j.begin_object();
            j.key("tool").begin_object().member("name", "handoff").member("version", r.tool_version).end_object();
            j.member("root", r.root);
            write_array(j, "files", r.files, write_file);
            write_array(j, "findings", r.findings, write_finding);
            write_array(j, "inventory", r.inventory, write_inventory_entry);
            write_array(j, "diagnostics", r.diagnostics, write_diagnostic);
            write_array(j, "suppressed", r.suppressed, write_suppressed);
            write_array(j, "excluded", r.excluded, [](JsonStream& s, const std::string& e) { s.value(e); });
            j.key("summary")
                .begin_object()
                .member("critical", r.count(Severity::critical))
                .member("high", r.count(Severity::high))
                .member("medium", r.count(Severity::medium))
                .member("low", r.count(Severity::low))
                .member("info", r.count(Severity::info))
                .member("files", r.files.size())
                .member("bytes", r.bytes)
                .member("suppressed", r.suppressed.size())
                .end_object();
            if (r.history.ran) {
                j.key("history")
                    .begin_object()
                    .member("commits", r.history.commits)
                    .member("versions", r.history.versions)
                    .member("bytes", r.history.bytes)
                    .member("shallow", r.history.shallow)
                    .member("since", r.history.since)
                    .end_object();
            }
            j.end_object();
        }
        out << '\n';
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_json_writer() { return std::make_unique<JsonWriter>(); }

} // namespace handoff
