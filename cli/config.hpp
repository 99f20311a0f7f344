#pragma once
// The project config file: .handoff.yml (or handoff.yml, .github/handoff.yml) at the
// scanned root or a parent up to the repository root, or --config FILE.
//
//   fail-on: medium
//   exclude: ["tests/fixtures/**"]
//   rules:
//     unpinned-action: {severity: low}
//     some-rule: {enabled: false}
//   ignore:
//     - {rule: openai-api-key, paths: ["docs/**"], reason: "documentation samples"}
//     - {rule: mcp-env-token, paths: [".vscode/mcp.json"], node: "servers.github.env.TOKEN", reason: "..."}
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/scan_result.hpp"

namespace handoff {

struct RuleSetting {
    std::optional<Severity> severity;
    bool enabled = true;
};

struct PathIgnore {
    std::string rule;  // "*" for every rule
    std::vector<std::string> paths;
    // A node path in the file's tree ("mcpServers.github.env.TOKEN"): only findings at that
    // node or under it. JSON files cannot hold an inline ignore comment; this is their way.
    std::string node;
    std::string reason;
    std::uint32_t line = 0;  // where the entry is written in the config
    std::uint32_t column = 0;
};

struct Config {
    std::filesystem::path file;  // empty: no config in use
    std::optional<std::string> fail_on;
    std::vector<std::string> excludes;
    std::map<std::string, RuleSetting> rules;
    std::vector<PathIgnore> ignores;
};

// Looks for a config file starting at the first scanned path and walking up to the
// folder that holds .git. nullopt when there is none.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Reads and validates a config: unknown keys, rule ids and severities are errors
// (returned as nullopt with a message naming the line).
std::optional<Config> read_config(const std::filesystem::path& file, std::string& error);

// A config or baseline file as reports name it: relative to the scanned root when it lies
// inside it (".handoff.yml"), else as given.
std::string path_for_reports(const std::filesystem::path& file, const std::string& root);

// Applies rule settings and path ignores to a finished scan: findings of disabled rules are
// dropped, ignored ones move to result.suppressed with the entry's reason, and an ignore entry
// that matched nothing is reported as stale (a config diagnostic).
void apply_config(const Config& config, ScanResult& result);

} // namespace handoff
