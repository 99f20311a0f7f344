#include "cli/baseline.hpp"

#include "cli/config.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace handoff {

namespace {
constexpr std::size_t kStaleNamed = 5;  // stale entries named in the warning; the rest are counted
}

std::optional<Baseline> read_baseline(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read baseline " + path;
        return std::nullopt;
    }
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array()) {
        error = path + " is not a handoff baseline or JSON report (no \"findings\" array)";
        return std::nullopt;
    }
    Baseline baseline;
    baseline.path = path;
    std::size_t order = 0;
    auto add = [&](const nlohmann::json& f, const std::string& entry, const nlohmann::json& justification) {
        if (!f.is_object() || !f.contains("rule") || !f.contains("fingerprint") || !f["rule"].is_string() ||
            !f["fingerprint"].is_string()) {
            return;
        }
        BaselineEntry accepted{justification.is_string() ? justification.get<std::string>() : std::string(), entry,
                               order++};
        baseline.entries.emplace(std::make_pair(f["rule"].get<std::string>(), f["fingerprint"].get<std::string>()),
                                 std::move(accepted));
    };
    const nlohmann::json none;
    std::size_t index = 0;
    for (const auto& f : doc["findings"]) {
        std::string entry = "findings[" + std::to_string(index++) + "]";
        add(f, entry, f.is_object() && f.contains("justification") ? f["justification"] : none);
    }
    // A JSON report used as a baseline keeps what its own scan had suppressed, with the reason.
    if (doc.contains("suppressed") && doc["suppressed"].is_array()) {
        index = 0;
        for (const auto& s : doc["suppressed"]) {
            std::string entry = "suppressed[" + std::to_string(index++) + "]";
            if (s.is_object() && s.contains("finding")) {
                add(s["finding"], entry, s.contains("justification") ? s["justification"] : none);
            }
        }
    }
    return baseline;
}

bool write_baseline(const ScanResult& result, const std::string& path) {
    // This scan's findings, and those an earlier baseline accepted, with their justification:
    // rewriting a baseline keeps what still matches and drops what is stale.
    std::vector<std::pair<const Finding*, std::string>> accepted;
    for (const Finding& f : result.findings) accepted.emplace_back(&f, "");
    for (const SuppressedFinding& s : result.suppressed) {
        if (s.suppression.kind == SuppressionKind::baseline) accepted.emplace_back(&s.finding, s.suppression.justification);
    }
    std::stable_sort(accepted.begin(), accepted.end(),
                     [](const auto& a, const auto& b) { return finding_order(*a.first, *b.first); });
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& [f, justification] : accepted) {
        findings.push_back({{"rule", f->rule},
                            {"fingerprint", f->fingerprint},
                            {"path", f->location.path},
                            {"justification", justification}});
    }
    nlohmann::ordered_json doc{{"handoff_baseline", 1}, {"findings", findings}};
    std::ofstream out(path, std::ios::binary);
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return static_cast<bool>(out);
}

void apply_baseline(const Baseline& baseline, ScanResult& result) {
    const std::string shown = path_for_reports(baseline.path, result.root);
    std::set<std::pair<std::string, std::string>> used;
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
        auto key = std::make_pair(f.rule, f.fingerprint);
        auto entry = baseline.entries.find(key);
        if (entry == baseline.entries.end()) {
            kept.push_back(std::move(f));
            continue;
        }
        used.insert(key);
        Suppression s{SuppressionKind::baseline, entry->second.justification, {}};
        s.written_at.path = shown;
        s.written_at.node_path = entry->second.entry;
        result.suppressed.push_back({std::move(f), std::move(s)});
    }
    result.findings = std::move(kept);
    std::sort(result.suppressed.begin(), result.suppressed.end(),
              [](const SuppressedFinding& a, const SuppressedFinding& b) { return finding_order(a.finding, b.finding); });

    // Entries for findings that are gone (fixed, or their file removed) would silence the same
    // finding if it came back: say so, so that old acceptances do not pile up.
    std::vector<const std::pair<const std::pair<std::string, std::string>, BaselineEntry>*> stale;
    for (const auto& entry : baseline.entries) {
        if (!used.contains(entry.first)) stale.push_back(&entry);
    }
    if (stale.empty()) return;
    std::sort(stale.begin(), stale.end(), [](const auto* a, const auto* b) { return a->second.order < b->second.order; });
    std::string named;
    for (std::size_t i = 0; i < stale.size() && i < kStaleNamed; ++i) {
        named += (i ? ", " : "") + stale[i]->first.first + " (" + stale[i]->second.entry + ")";
    }
    if (stale.size() > kStaleNamed) named += " and " + std::to_string(stale.size() - kStaleNamed) + " more";
    result.diagnostics.push_back({shown, 0, 0, DiagnosticKind::config,
                                  "stale baseline: " + std::to_string(stale.size()) +
                                      " accepted finding(s) matched nothing in this scan: " + named +
                                      "; rewrite it with --write-baseline"});
}

} // namespace handoff
