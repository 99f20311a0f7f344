#pragma once
// Baselines: a file of accepted findings (by rule and fingerprint) that later scans
// leave out, so a team can adopt handoff on an old project and fail only on new issues.
// A previous JSON report works as a baseline too.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/scan_result.hpp"

namespace handoff {

struct BaselineEntry {
    std::string justification;  // why it was accepted; empty when the file gives none
    std::string entry;          // where in the file: "findings[3]" (or "suppressed[0]" of a JSON report)
    std::size_t order = 0;      // its place in the file
};

struct Baseline {
    std::string path;  // the file, as given
    std::map<std::pair<std::string, std::string>, BaselineEntry> entries;  // by (rule, fingerprint)
};

// nullopt with a message in error when the file cannot be read or is not a baseline.
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);
// Records the scan's findings and the baseline-suppressed ones (with their justification).
bool write_baseline(const ScanResult& result, const std::string& path);
// Moves baselined findings to result.suppressed with their justification; entries that
// matched nothing are reported as stale (one config diagnostic).
void apply_baseline(const Baseline& baseline, ScanResult& result);

} // namespace handoff
