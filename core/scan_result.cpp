#include "core/scan_result.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace handoff {

std::size_t ScanResult::count(Severity severity) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                  [&](const Finding& f) { return f.severity == severity; }));
}

std::size_t ScanResult::count(Family family) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.family == family; }));
}

std::size_t ScanResult::secrets_to_rotate() const {
    std::vector<std::string_view> seen;
    for (const Finding& f : findings) {
        if (f.family == Family::embedded_token) seen.push_back(f.fingerprint);
    }
    std::sort(seen.begin(), seen.end());
    return static_cast<std::size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
}

const RuleInfo* ScanResult::rule(std::string_view id) const {
    auto at = std::lower_bound(rules.begin(), rules.end(), id, [](const RuleInfo& r, std::string_view key) { return r.id < key; });
    return at != rules.end() && at->id == id ? &*at : nullptr;
}

std::map<Format, std::size_t> ScanResult::files_by_format() const {
    std::map<Format, std::size_t> out;
    for (const ScannedFile& f : files) ++out[f.format];
    return out;
}

} // namespace handoff
