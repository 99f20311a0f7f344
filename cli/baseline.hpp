#pragma once
// Baselines: a file of accepted findings (by rule and fingerprint) that later scans
// leave out, so a team can adopt handoff on an old project and fail only on new issues.
// A previous JSON report works as a baseline too.
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/scan_result.hpp"

namespace handoff {

using Baseline = std::set<std::pair<std::string, std::string>>;  // (rule, fingerprint)

// nullopt with a message in error when the file cannot be read or is not a baseline.
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);
bool write_baseline(const ScanResult& result, const std::string& path);
// Removes baselined findings and counts them as suppressed.
void apply_baseline(const Baseline& baseline, ScanResult& result);

} // namespace handoff
