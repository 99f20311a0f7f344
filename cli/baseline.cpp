#include "cli/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace handoff {

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
    for (const auto& f : doc["findings"]) {
        if (f.is_object() && f.contains("rule") && f.contains("fingerprint") && f["rule"].is_string() &&
            f["fingerprint"].is_string()) {
            baseline.emplace(f["rule"].get<std::string>(), f["fingerprint"].get<std::string>());
        }
    }
    return baseline;
}

bool write_baseline(const ScanResult& result, const std::string& path) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const Finding& f : result.findings) {
        findings.push_back({{"rule", f.rule},
                            {"fingerprint", f.fingerprint},
                            {"path", f.location.path},
                            {"justification", ""}});
    }
    nlohmann::ordered_json doc{{"handoff_baseline", 1}, {"findings", findings}};
    std::ofstream out(path, std::ios::binary);
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    return static_cast<bool>(out);
}

void apply_baseline(const Baseline& baseline, ScanResult& result) {
    auto& findings = result.findings;
    auto removed = std::remove_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return baseline.count({f.rule, f.fingerprint}) > 0;
    });
    result.suppressed += static_cast<std::size_t>(std::distance(removed, findings.end()));
    findings.erase(removed, findings.end());
}

} // namespace handoff
