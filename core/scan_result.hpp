#pragma once
// Everything a report writer needs, and nothing that holds a secret in full.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/finding.hpp"
#include "core/format.hpp"
#include "core/inventory.hpp"
#include "core/provider.hpp"
#include "core/rule.hpp"
#include "core/suppress.hpp"

namespace handoff {

struct ScannedFile {
    std::string path;
    Format format = Format::text;
    std::uint64_t bytes = 0;
    std::vector<Diagnostic> diagnostics;
};

// What `scan --history` read besides the files: every version of every file in git history.
struct HistoryScan {
    bool ran = false;
    std::size_t commits = 0;        // commits walked
    std::size_t versions = 0;       // distinct file versions (blobs) scanned
    std::uint64_t bytes = 0;        // their bytes
    bool shallow = false;           // a shallow clone: history before its boundary is not there
    std::string since;              // --since: only commits after this revision
};

struct ScanResult {
    std::string tool_version;
    std::string root;                      // as given (first path when several)
    std::vector<ScannedFile> files;        // sorted by path
    std::vector<Finding> findings;         // sorted by finding_order, suppressed ones removed
    std::vector<InventoryEntry> inventory;
    // Every rule the scan ran, sorted by id: report writers read rule metadata from here
    // (the CLI fills it from the check registry, so reports know no checks).
    std::vector<RuleInfo> rules;
    std::vector<Diagnostic> diagnostics;   // every diagnostic, files' and the scan's own
    std::span<const ProviderInfo> providers;  // where to create each provider's key (the token catalog's table)
    std::vector<std::string> excluded;     // paths left out by --exclude or discovery rules
    // Findings left out by inline ignores, the config or a baseline, with the reason; sorted
    // by finding_order. They are listed in reports but count in no total.
    std::vector<SuppressedFinding> suppressed;
    std::uint64_t bytes = 0;
    HistoryScan history;
    double seconds = 0;

    [[nodiscard]] std::size_t count(Severity severity) const;
    [[nodiscard]] std::size_t count(Family family) const;
    // Secrets to rotate: embedded-token findings counted once per fingerprint. A token's
    // fingerprint is its hashed value, so one key pasted in twelve files is one key to rotate.
    [[nodiscard]] std::size_t secrets_to_rotate() const;
    [[nodiscard]] std::map<Format, std::size_t> files_by_format() const;
    // The rule with this id, or nullptr when the scan did not run it.
    [[nodiscard]] const RuleInfo* rule(std::string_view id) const;
};

} // namespace handoff
