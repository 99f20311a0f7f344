#pragma once
// The scan pipeline: discover -> read -> detect -> parse -> load -> check -> suppress.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/discover.hpp"
#include "core/scan_result.hpp"
#include "parsers/syntax/syntax.hpp"
#include "sources/archive.hpp"

namespace handoff {

// How far a scan has got, for a progress line.
struct ScanProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;     // found so far: the walk, history and archives still add
    std::size_t commits_done = 0;    // --history: commits compared
    std::size_t commits_total = 0;
    std::uint64_t bytes_done = 0;
};

struct ScanOptions {
    std::vector<std::string> paths;  // "-" is standard input, scanned as a file named stdin_name
    std::string stdin_name = "stdin";  // decides its format, and names it in reports
    DiscoverOptions discover;
    std::uint64_t max_file_bytes = 16U << 20U;  // larger files get a `limit` diagnostic
    ParseLimits limits;
    unsigned jobs = 0;            // 0: one per core
    bool inline_ignores = true;
    // git: --history also scans every version of every file reachable from any ref (only
    // embedded tokens are reported from history); --since limits it to commits after a
    // revision; --staged scans what is staged (the index) instead of the work tree.
    bool history = false;
    std::string since;
    bool read_git = true;  // off: no git at all (fixtures inside handoff's own repository)
    // Free the scan's documents and caches before returning; the command line, which exits
    // right after writing its reports, leaves them to the end of the process.
    bool free_on_return = true;
    bool staged = false;
    // Archives (.zip, .tar, .tgz...) are opened in memory and their members scanned, to this depth.
    ArchiveLimits archive_limits;
    unsigned archive_depth = 3;
    // Called from worker threads after each file and from the history walk.
    std::function<void(const ScanProgress&)> progress;
};

// Why the git options cannot run on these paths (--history and --staged need one folder in
// a git repository, and not both), or empty when they can.
std::string git_usage_error(const ScanOptions& options);

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
// With tokens_only (a file version from git history, where only token checks run), YAML,
// XML and TOML are not parsed into a tree: the token engine reads their text, which finds
// the same provider keys at a fraction of the cost; dotenv, JSON and JSONL keep their cheap
// parsers (key names, transcript records).
std::unique_ptr<Document> load_document(std::string relative_path, std::string bytes, const ParseLimits& limits,
                                        bool tokens_only = false);

} // namespace handoff
