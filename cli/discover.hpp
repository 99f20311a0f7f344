#pragma once
// Walks the paths given on the command line and lists the files to scan. Never follows
// a symlink out of the scanned root and never enters a symlinked directory, so loops
// cannot happen.
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace handoff {

struct DiscoverOptions {
    std::vector<std::string> excludes;  // --exclude globs
};

struct DiscoveredFile {
    std::filesystem::path absolute;
    std::string relative;  // '/' separated; what reports show
};

struct Discovery {
    std::vector<DiscoveredFile> files;  // sorted by relative path
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> excluded;  // "node_modules/ (dependencies)", "logo.png (binary)"
};

// When several roots are given, relative paths keep the root as written as a prefix.
Discovery discover(const std::vector<std::string>& roots, const DiscoverOptions& options);

} // namespace handoff
