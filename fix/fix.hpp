#pragma once
// `handoff fix`: moves each key found written into a file to the reference its platform
// expects (`${{ secrets.NAME }}`, `$NAME`, `${env:NAME}`, `={{ $env.NAME }}`), and the key
// itself into the project's .env, with its name in .env.example and .env in .gitignore.
//
// Edits are byte spans: only the key's bytes change (plus, where the platform needs it, the
// few members that name the reference instead: an n8n credential, a Codex env_vars entry,
// `import os`); every other byte of the file stays as it was. Each edited file is
// parsed again and must keep its format and structure, or its edits are dropped and
// listed as manual steps. Nothing here prints a key: the diff masks every moved value.
#include <string>
#include <vector>

#include "core/location.hpp"
#include "core/scan_result.hpp"

namespace handoff {

struct FixOptions {
    std::vector<std::string> rules;  // only findings of these rules; empty: every fixable one
    bool drop_pinned_data = false;   // remove pinData from n8n exports (captured test data)
};

// One file's new content. `created` when the file did not exist.
struct FileChange {
    std::string path;  // relative to the root, '/' separated
    std::string before;
    std::string after;
    bool created = false;
};

// A finding fix leaves to a person, and why.
struct ManualStep {
    Location location;
    std::string rule;
    std::string why;
};

struct FixPlan {
    std::vector<FileChange> changes;  // in path order
    std::vector<ManualStep> manual;
    std::vector<std::string> notes;   // what else happened: .gitignore, renamed clashes
    std::vector<std::string> moved;   // the values moved to .env: masked in every output
    std::vector<std::string> left;    // keys left in place (manual steps): masked in the diff's context too
    std::size_t keys_moved = 0;
    std::size_t other_fixes = 0;     // edits beyond keys (a template injection moved into env:)
};

// Plans the fixes for the findings of a scan of root_dir (a folder). Reads the files the
// findings name from disk; writes nothing.
FixPlan plan_fixes(const std::string& root_dir, const ScanResult& scan, const FixOptions& options);

// A unified diff of the plan (a/ and b/ prefixes, three lines of context), every moved
// value masked.
std::string plan_diff(const FixPlan& plan);

// Writes every change through a temporary file and a rename in the same folder, keeping
// each file's mode (a new .env is 0600). Returns false and says why on the first failure.
bool apply_plan(const std::string& root_dir, const FixPlan& plan, std::string& error);

} // namespace handoff
