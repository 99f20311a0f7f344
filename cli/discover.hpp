#pragma once
// Walks the paths given on the command line and lists the files to scan. Never follows
// a symlink out of the scanned root and never enters a symlinked directory, so loops
// cannot happen.
#include <filesystem>
#include <functional>
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
    bool from_stdin = false;  // `handoff scan -`: read standard input, named `relative`
};

// What the walk says besides the files themselves.
struct Discovery {
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> excluded;  // "node_modules/ (dependencies)", "logo.png (binary)"
};

// Hands each file to on_file as soon as it is found, so that scanning can start while the
// walk goes on: in walk order, not sorted, and possibly twice when roots overlap. When
// several roots are given, relative paths keep the root as written as a prefix.
Discovery discover(const std::vector<std::string>& roots, const DiscoverOptions& options,
                   const std::function<void(DiscoveredFile)>& on_file);

} // namespace handoff
