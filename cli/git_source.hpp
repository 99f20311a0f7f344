#pragma once
// The git repository holding the one folder a scan was given, as the scan pipeline sees it:
// the files it tracks against its ignore rules, what is staged, every version in history,
// and blobs read by id. Paths are the scan's (relative to that folder), not the repository's.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/finding.hpp"
#include "sources/git.hpp"

namespace handoff {

class GitSource {
public:
    // The repository holding `folder`, or nullptr (with the reason in `why`) when there is
    // none or the folder is a link out of it. `history`: keep the index's blob ids, so that
    // versions the work tree holds are not scanned twice.
    static std::unique_ptr<GitSource> open(const std::string& folder, bool history, std::string& why);

    [[nodiscard]] bool bare() const { return repo_->bare(); }
    [[nodiscard]] bool shallow() const { return repo_->shallow(); }

    // Secret-named files git tracks although its own ignore rules list them.
    [[nodiscard]] std::vector<std::string> tracked_but_ignored() const;

    // Each file staged with content other than HEAD's: (path, blob id).
    void staged(const std::function<void(std::string path, std::string blob)>& add) const;

    // Walks history (sources/git) and hands each distinct version to `add`, except those equal
    // to the index's blob at the same path: they wait for covers() and uncovered().
    git::HistoryStats history(const git::HistoryOptions& options, const std::function<void(git::BlobVersion)>& add,
                              const std::function<void(std::size_t, std::size_t)>& on_commit);

    // Reads a blob from any thread.
    git::BlobReader::Blob read(const std::string& blob, std::uint64_t limit) { return reader_->read(blob, limit); }

    // Called from scan workers with a work tree file's bytes: true when they are its index
    // blob, so a held-back version of it is covered by the file's own findings.
    bool covers(const std::string& path, std::string_view bytes);
    // The token findings of a file covers() said true for (copied; thread-safe).
    void add_covering_findings(const std::vector<Finding>& findings);

    // After the walk's files were read: held-back versions that no file covered, to scan now.
    std::vector<git::BlobVersion> uncovered();
    // The covering files' token findings, each set at the commit that first had its version:
    // history findings of keys still in the files (for the "in history too" note).
    std::vector<Finding> covered_findings();

private:
    explicit GitSource(std::unique_ptr<git::Repository> repo) : repo_(std::move(repo)) {}
    // A repository path as a scanned path, when it is inside the scanned folder.
    [[nodiscard]] std::optional<std::string> scanned(std::string path) const;

    std::unique_ptr<git::Repository> repo_;
    std::unique_ptr<git::BlobReader> reader_;
    std::string under_;  // the scanned folder inside the repository; empty at its root
    std::unordered_map<std::string, std::string> index_blobs_;  // scanned path -> blob id (--history)
    std::vector<git::BlobVersion> held_;                         // versions equal to the index's
    std::mutex mutex_;
    std::unordered_set<std::string> covered_;  // paths whose work tree bytes are their index blob
    std::vector<Finding> covering_findings_;
};

} // namespace handoff
