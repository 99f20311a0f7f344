#pragma once
// mcp-unpinned-package for `npx -y pkg`: the package is pinned to the version a lockfile
// beside the config (or in a folder above it, up to the project root) resolves it to:
// package-lock.json (`packages["node_modules/pkg"].version`, or v1 `dependencies`),
// pnpm-lock.yaml (`importers["."]` or top-level dependencies) or yarn.lock (one version for
// the name). Nothing is fetched: without a lockfile naming it, the finding is a manual step.
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/finding.hpp"
#include "fix/workflow_fixes.hpp"

namespace handoff {

// The version of `name` the lockfiles in `folder` (relative to root_dir, '/' separated,
// empty for the root) or its parents resolve, and the lockfile it came from.
struct LockedVersion {
    std::string version;
    std::string lockfile;  // relative to the root
};
std::optional<LockedVersion> locked_version(const std::string& root_dir, std::string folder, const std::string& name);

// The edits for the mcp-unpinned-package findings of one MCP config.
WorkflowFixes npm_pin_fixes(const Document& doc, const std::string& root_dir, const std::vector<const Finding*>& findings);

} // namespace handoff
