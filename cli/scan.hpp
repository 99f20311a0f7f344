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
    std::vector<std::string> paths;
    DiscoverOptions discover;
    std::uint64_t max_file_bytes = 16U << 20U;  // larger files get a `limit` diagnostic
    ParseLimits limits;
    unsigned jobs = 0;            // 0: one per core
    bool inline_ignores = true;
    // Called after each file, from worker threads: (files done, files total).
    std::function<void(std::size_t, std::size_t)> progress;
};

ScanResult run_scan(const ScanOptions& options);

// Reads, detects and parses one file's bytes into a document; loads its facts.
// Exposed for tests and `handoff formats`.
std::unique_ptr<Document> load_document(std::string relative_path, std::string bytes, const ParseLimits& limits);

} // namespace handoff
