#pragma once
// What git knows that the files on disk do not: every version of every file reachable from
// any ref (`scan --history`), what is staged (`scan --staged`), and which tracked files the
// ignore rules list (a .env committed before .gitignore named it). Read with libgit2: no
// `git` process, no patch text, each blob read once.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct git_repository;

namespace handoff::git {

// One open repository handle; use it from one thread at a time.
class Repository {
public:
    // The repository holding `inside` (a work tree folder or file, a .git folder or a bare
    // repository); nullptr with a reason when there is none.
    static std::unique_ptr<Repository> open(const std::filesystem::path& inside, std::string& error);
    Repository(const Repository&) = delete;
    Repository& operator=(const Repository&) = delete;
    Repository(Repository&&) = delete;
    Repository& operator=(Repository&&) = delete;
    ~Repository();

    [[nodiscard]] bool bare() const;
    [[nodiscard]] bool shallow() const;
    [[nodiscard]] std::filesystem::path workdir() const;  // empty when bare
    [[nodiscard]] std::filesystem::path gitdir() const;
    [[nodiscard]] git_repository* raw() const { return repo_; }

private:
    explicit Repository(git_repository* repo) : repo_(repo) {}
    git_repository* repo_;
};

// One version of one file, where history first shows it.
struct BlobVersion {
    std::string blob;         // object id, 40 hex
    std::string path;         // in the repository, '/' separated, without the `under` prefix
    std::string commit;       // the first commit (oldest first, parents before children) that has it at path
    std::string commit_date;  // that commit's committer date, ISO-8601 UTC
};

struct HistoryOptions {
    std::string since;  // a revision: only commits not reachable from it
    std::string under;  // only paths below this folder of the repository ('/' separated, no trailing '/')
};

struct HistoryStats {
    std::size_t commits = 0;       // commits walked
    std::size_t blobs = 0;         // distinct blobs handed on
    std::size_t missing_parents = 0;  // shallow boundary or missing objects: those commits count as roots
};

// Walks every commit reachable from every ref (branches, tags, remotes, the stash, HEAD),
// oldest first, compares each commit's tree with its first parent's (equal subtrees are
// skipped by id) and calls on_blob once per distinct blob id, with the first commit and
// path that show it. Symlinks and submodules are not files. Throws std::runtime_error
// when --since names nothing.
HistoryStats walk_history(const Repository& repo, const HistoryOptions& options,
                          const std::function<void(BlobVersion)>& on_blob,
                          const std::function<void(std::size_t done, std::size_t total)>& on_commit = {});

// Reads blobs by id from any thread: each thread borrows its own repository handle.
class BlobReader {
public:
    explicit BlobReader(std::filesystem::path gitdir) : gitdir_(std::move(gitdir)) {}
    BlobReader(const BlobReader&) = delete;
    BlobReader& operator=(const BlobReader&) = delete;
    BlobReader(BlobReader&&) = delete;
    BlobReader& operator=(BlobReader&&) = delete;
    ~BlobReader();

    struct Blob {
        enum class Status { ok, unreadable, too_large };
        Status status = Status::unreadable;
        std::string bytes;
        std::uint64_t size = 0;
        std::string error;
    };
    // Never reads more than the header of a blob over the limit.
    Blob read(const std::string& blob_id, std::uint64_t limit);

private:
    std::filesystem::path gitdir_;
    std::mutex mutex_;
    std::vector<git_repository*> idle_;
};

struct IndexEntry {
    std::string path;  // in the repository, '/' separated
    std::string blob;
};

// Every tracked regular file of the index (stage 0) with its blob id.
std::vector<IndexEntry> index_entries(const Repository& repo);

// The blob id git gives these bytes (what `git hash-object` prints).
std::string blob_id(std::string_view bytes);

// What `git commit` would record now: index entries added or changed since HEAD (every
// entry when there is no commit yet). Throws std::runtime_error on a broken index.
std::vector<IndexEntry> staged_entries(const Repository& repo);

// Tracked files (stage 0 of the index) that git's ignore rules list (every .gitignore,
// .git/info/exclude, core.excludesFile): committed before the rule, so still recorded.
// Only paths `candidate` accepts are asked about (each question reads ignore files).
std::vector<std::string> tracked_but_ignored(const Repository& repo,
                                             const std::function<bool(std::string_view)>& candidate);

// A commit time as ISO-8601 UTC ("2026-01-02T03:04:05Z").
std::string iso_utc(std::int64_t seconds);

} // namespace handoff::git
