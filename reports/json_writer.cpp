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

Json context_json(const std::vector<ContextLine>& lines) {
    Json out = Json::array();
    for (const ContextLine& l : lines) out.push_back(Json{{"line", l.line}, {"text", l.text}});
    return out;
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
                {"fingerprint", f.fingerprint},
                {"context", context_json(f.context)}};
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

Json file_json(const ScannedFile& f) {
    Json diags = Json::array();
    for (const Diagnostic& d : f.diagnostics) diags.push_back(diagnostic_json(d));
    return Json{{"path", f.path}, {"format", format_id(f.format)}, {"bytes", f.bytes}, {"diagnostics", diags}};
}

// Scanned text may hold invalid UTF-8; replace it rather than fail the report.
std::string dump(const Json& value, std::size_t depth) {
    std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.append(text, from, nl + 1 - from);
        out.append(depth * 2, ' ');
        from = nl + 1;
    }
    out.append(text, from);
    return out;
}

// The report is streamed one element at a time, byte for byte what dumping the whole
// document would give, so a scan with tens of thousands of findings never holds them
// all as JSON at once.
class Members {
public:
    explicit Members(std::ostream& out) : out_(out) { out_ << "{"; }
    Members(const Members&) = delete;
    Members& operator=(const Members&) = delete;
    Members(Members&&) = delete;
    Members& operator=(Members&&) = delete;
    ~Members() { out_ << "\n}\n"; }

    void value(std::string_view key, const Json& v) { start(key) << dump(v, 1); }

    template <typename Items, typename ToJson>
    void array(std::string_view key, const Items& items, ToJson to_json) {
        std::ostream& out = start(key);
        if (items.empty()) {
            out << "[]";
            return;
        }
        out << "[";
        bool first = true;
        for (const auto& item : items) {
            out << (first ? "\n    " : ",\n    ") << dump(to_json(item), 2);
            first = false;
        }
        out << "\n  ]";
    }

private:
    std::ostream& start(std::string_view key) {
        out_ << (first_ ? "\n  " : ",\n  ") << Json(key).dump() << ": ";
        first_ = false;
        return out_;
    }
    std::ostream& out_;
    bool first_ = true;
};

class JsonWriter final : public ReportWriter {
public:
    [[nodiscard]] std::string_view id() const override { return "json"; }

    void write(const ScanResult& r, const ReportOptions& /*options*/, std::ostream& out) const override {
        Members doc(out);
        doc.value("tool", Json{{"name", "handoff"}, {"version", r.tool_version}});
        doc.value("root", r.root);
        doc.array("files", r.files, file_json);
        doc.array("findings", r.findings, finding_json);
        doc.array("inventory", r.inventory, inventory_json);
        doc.array("diagnostics", r.diagnostics, diagnostic_json);
        doc.array("excluded", r.excluded, [](const std::string& e) { return Json(e); });
        doc.value("summary", Json{{"critical", r.count(Severity::critical)},
                                  {"high", r.count(Severity::high)},
                                  {"medium", r.count(Severity::medium)},
                                  {"low", r.count(Severity::low)},
                                  {"info", r.count(Severity::info)},
                                  {"files", r.files.size()},
                                  {"bytes", r.bytes},
                                  {"suppressed", r.suppressed}});
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_json_writer() { return std::make_unique<JsonWriter>(); }

} // namespace handoff
