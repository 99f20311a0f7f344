#pragma once
// The scan pipeline: discover -> read -> detect -> parse -> load -> check -> suppress.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/discover.hpp"
#include "core/scan_result.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

struct ScanOptions {
    std::vector<std::string> paths;  // "-" is standard input, scanned as a file named stdin_name
    std::string stdin_name = "stdin";  // decides its format, and names it in reports
    DiscoverOptions discover;
    std::uint64_t max_file_bytes = 16U << 20U;  // larger files get a `limit` diagnostic
    ParseLimits limits;
    unsigned jobs = 0;            // 0: one per core
    bool inline_ignores = true;
    // Called after each file, from worker threads: (files done, files total).
    std::function<void(std::size_t, std::size_t)> progress;
};

ScanResult run_scan(const ScanOptions& options);

// Exit codes of `handoff scan` (README, "Exit codes").
constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;       // a finding at or above --fail-on
constexpr int kExitUsage = 2;          // usage or configuration error
constexpr int kExitIncomplete = 3;     // nothing at the threshold, but part of the tree was not read

// Some file could not be read or parsed (whole or in part): a diagnostic of kind
// unreadable, parse_error, limit or internal. Skips by rule (binary, links out) do not count.
bool scan_incomplete(const ScanResult& result);

// 1 on a finding at or above fail_on, else 3 when the scan was incomplete, else 0.
// fail_on "none" (or "never") always gives 0.
int scan_exit_code(const ScanResult& result, std::string_view fail_on);

// Reads, detects and parses one file's bytes into a document; loads its facts.
// Exposed for tests and `handoff formats`.
std::unique_ptr<Document> load_document(std::string relative_path, std::string bytes, const ParseLimits& limits);

} // namespace handoff
