#include "sources/git.hpp"

#include <git2.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <queue>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace handoff::git {

namespace {

void init_once() {
    static const int initialised = [] {
        int n = git_libgit2_init();
        // The walk reads each commit and each tree once, and blobs are read once each: an
        // object cache only costs memory (and page faults) here.
        git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
        // Objects are read to be scanned, not trusted: re-hashing each one after inflating it
        // (libgit2's default) cost a tenth of a history scan.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        return n;
    }();
    (void)initialised;
}

std::string last_error() {
    const git_error* e = git_error_last();
    return e != nullptr && e->message != nullptr ? std::string(e->message) : std::string("unknown libgit2 error");
}

std::string hex(const git_oid* oid) {
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, oid);
    return text;
}

struct OidHash {
    std::size_t operator()(const git_oid& oid) const {
        std::size_t h = 0;
        std::memcpy(&h, oid.id, sizeof h);  // already a hash
        return h;
    }
};
struct OidEqual {
    bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

template <typename T, void (*Free)(T*)>
struct Freer {
    void operator()(T* p) const { Free(p); }
};
using CommitPtr = std::unique_ptr<git_commit, Freer<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using ObjectPtr = std::unique_ptr<git_object, Freer<git_object, git_object_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Freer<git_reference, git_reference_free>>;
using RefIterPtr = std::unique_ptr<git_reference_iterator, Freer<git_reference_iterator, git_reference_iterator_free>>;
using IndexPtr = std::unique_ptr<git_index, Freer<git_index, git_index_free>>;
using OdbPtr = std::unique_ptr<git_odb, Freer<git_odb, git_odb_free>>;
using OdbObjectPtr = std::unique_ptr<git_odb_object, Freer<git_odb_object, git_odb_object_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Freer<git_tree_entry, git_tree_entry_free>>;

CommitPtr lookup_commit(git_repository* repo, const git_oid& id) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo, &id) != 0) return nullptr;
    return CommitPtr(commit);
}

TreePtr lookup_tree(git_repository* repo, const git_oid& id) {
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo, &id) != 0) return nullptr;
    return TreePtr(tree);
}

// Every commit a ref (or HEAD) points at, through tags.
std::vector<git_oid> ref_tips(git_repository* repo) {
    std::vector<git_oid> tips;
    git_reference_iterator* raw_iter = nullptr;
    if (git_reference_iterator_new(&raw_iter, repo) == 0) {
        RefIterPtr iter(raw_iter);
        git_reference* raw_ref = nullptr;
        while (git_reference_next(&raw_ref, iter.get()) == 0) {
            ReferencePtr ref(raw_ref);
            git_object* target = nullptr;
            if (git_reference_peel(&target, ref.get(), GIT_OBJECT_COMMIT) == 0) {
                tips.push_back(*git_object_id(target));
                git_object_free(target);
            }
        }
    }
    git_oid head;
    if (git_reference_name_to_id(&head, repo, "HEAD") == 0) tips.push_back(head);
    return tips;
}

// Every commit reachable from `from`, parents followed while their objects exist.
OidSet reachable(git_repository* repo, const git_oid& from) {
    OidSet seen{from};
    std::vector<git_oid> todo{from};
    while (!todo.empty()) {
        git_oid id = todo.back();
        todo.pop_back();
        CommitPtr commit = lookup_commit(repo, id);
        if (!commit) continue;
        for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
            const git_oid* parent = git_commit_parent_id(commit.get(), i);
            if (parent != nullptr && seen.insert(*parent).second) todo.push_back(*parent);
        }
    }
    return seen;
}

struct CommitNode {
    git_oid id{};
    git_oid tree{};
    std::int64_t time = 0;
    std::vector<git_oid> parents;       // as written, walked or not
    std::vector<std::size_t> children;  // walked commits whose parent this is
    std::size_t waiting = 0;            // walked parents not yet ordered
};

// True when `path` (a folder) is on the way to `under` or inside it.
bool folder_wanted(std::string_view path, std::string_view under) {
    if (under.empty()) return true;
    std::string a = std::string(path) + "/";
    std::string b = std::string(under) + "/";
    return a.starts_with(b) || b.starts_with(a);
}

class HistoryWalk {
public:
    HistoryWalk(git_repository* repo, const HistoryOptions& options, const std::function<void(BlobVersion)>& on_blob)
        : repo_(repo), options_(options), on_blob_(on_blob) {}

    HistoryStats run(const std::function<void(std::size_t, std::size_t)>& on_commit) {
        OidSet hidden;
        if (!options_.since.empty()) {
            git_object* raw = nullptr;
            if (git_revparse_single(&raw, repo_, options_.since.c_str()) != 0) {
                throw std::runtime_error("--since " + options_.since + ": " + last_error());
            }
            ObjectPtr object(raw);
            git_object* peeled = nullptr;
            if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) {
                throw std::runtime_error("--since " + options_.since + " is not a commit");
            }
            ObjectPtr commit(peeled);
            hidden = reachable(repo_, *git_object_id(commit.get()));
        }
        collect(hidden);
        seen_.reserve(nodes_.size() * 2);  // a commit brings a blob or two and a few folders
        seen_trees_.reserve(nodes_.size() * 4);
        if (!hidden.empty()) mark_boundary(hidden);
        std::vector<std::size_t> order = oldest_first();
        for (std::size_t done = 0; done < order.size(); ++done) {
            compare(nodes_[order[done]]);
            if (on_commit) on_commit(done + 1, order.size());
        }
        stats_.commits = order.size();
        return stats_;
    }

private:
    // Every commit reachable from the refs and not hidden, read once.
    void collect(const OidSet& hidden) {
        std::vector<git_oid> todo;
        OidSet queued;
        for (const git_oid& tip : ref_tips(repo_)) {
            if (!hidden.contains(tip) && queued.insert(tip).second) todo.push_back(tip);
        }
        while (!todo.empty()) {
            git_oid id = todo.back();
            todo.pop_back();
            CommitPtr commit = lookup_commit(repo_, id);
            if (!commit) {
                ++stats_.missing_parents;  // a shallow boundary or a missing object
                continue;
            }
            CommitNode node;
            node.id = id;
            node.tree = *git_commit_tree_id(commit.get());
            node.time = git_commit_time(commit.get());
            for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
                const git_oid* parent = git_commit_parent_id(commit.get(), i);
                if (parent == nullptr) continue;
                node.parents.push_back(*parent);
                if (!hidden.contains(*parent) && queued.insert(*parent).second) todo.push_back(*parent);
            }
            index_[id] = nodes_.size();
            nodes_.push_back(std::move(node));
        }
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            for (const git_oid& parent : nodes_[i].parents) {
                auto found = index_.find(parent);
                if (found == index_.end()) continue;
                nodes_[found->second].children.push_back(i);
                ++nodes_[i].waiting;
            }
        }
    }

    // Parents before children, older before newer among the commits that are ready.
    std::vector<std::size_t> oldest_first() {
        using Ready = std::pair<std::int64_t, std::size_t>;
        std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            if (nodes_[i].waiting == 0) ready.emplace(nodes_[i].time, i);
        }
        std::vector<std::size_t> order;
        order.reserve(nodes_.size());
        while (!ready.empty()) {
            std::size_t i = ready.top().second;
            ready.pop();
            order.push_back(i);
            for (std::size_t child : nodes_[i].children) {
                if (--nodes_[child].waiting == 0) ready.emplace(nodes_[child].time, child);
            }
        }
        return order;
    }

    // The blobs of this commit's tree not seen before. A tree (a folder's whole content) is
    // read once in the whole walk: one seen before, in this commit's parent or anywhere older,
    // holds only blobs already handed on, so a commit costs the folders it changed.
    void compare(const CommitNode& node) {
        if (!seen_trees_.insert(node.tree).second) return;
        TreePtr root = lookup_tree(repo_, node.tree);
        if (!root) return;
        std::string commit = hex(&node.id);
        std::string date = iso_utc(node.time);
        std::vector<std::pair<TreePtr, std::string>> todo;
        todo.emplace_back(std::move(root), std::string());
        while (!todo.empty()) {
            auto [tree, prefix] = std::move(todo.back());
            todo.pop_back();
            std::size_t count = git_tree_entrycount(tree.get());
            for (std::size_t i = 0; i < count; ++i) {
                const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
                const git_oid* id = git_tree_entry_id(entry);
                git_filemode_t mode = git_tree_entry_filemode(entry);
                bool is_tree = mode == GIT_FILEMODE_TREE;
                if (!is_tree && mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) continue;
                if (!is_tree && seen_.contains(*id)) continue;
                std::string path = prefix.empty() ? std::string(git_tree_entry_name(entry))
                                                  : prefix + "/" + git_tree_entry_name(entry);
                if (is_tree) {
                    // Only folders on the way to `under` are read, and only those are marked seen.
                    if (!folder_wanted(path, options_.under) || !seen_trees_.insert(*id).second) continue;
                    if (TreePtr sub = lookup_tree(repo_, *id)) todo.emplace_back(std::move(sub), std::move(path));
                    continue;
                }
                if (!options_.under.empty()) {
                    if (!path.starts_with(options_.under + "/")) continue;
                    path.erase(0, options_.under.size() + 1);
                }
                seen_.insert(*id);
                ++stats_.blobs;
                on_blob_({hex(id), std::move(path), commit, date});
            }
        }
    }

    // --since: what the boundary commits (hidden parents of walked commits) hold counts as
    // seen, so only what changed after them is handed on.
    void mark_boundary(const OidSet& hidden) {
        for (const CommitNode& node : nodes_) {
            for (const git_oid& parent : node.parents) {
                if (!hidden.contains(parent)) continue;
                CommitPtr commit = lookup_commit(repo_, parent);
                if (!commit) continue;
                std::vector<git_oid> trees{*git_commit_tree_id(commit.get())};
                while (!trees.empty()) {
                    git_oid id = trees.back();
                    trees.pop_back();
                    if (!seen_trees_.insert(id).second) continue;
                    TreePtr tree = lookup_tree(repo_, id);
                    if (!tree) continue;
                    for (std::size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
                        const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
                        git_filemode_t mode = git_tree_entry_filemode(entry);
                        if (mode == GIT_FILEMODE_TREE) trees.push_back(*git_tree_entry_id(entry));
                        else if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) seen_.insert(*git_tree_entry_id(entry));
                    }
                }
            }
        }
    }

    git_repository* repo_;
    const HistoryOptions& options_;
    const std::function<void(BlobVersion)>& on_blob_;
    std::vector<CommitNode> nodes_;
    std::unordered_map<git_oid, std::size_t, OidHash, OidEqual> index_;
    OidSet seen_;        // blobs handed on (or present at the --since boundary)
    OidSet seen_trees_;  // trees read, or present at the boundary
    HistoryStats stats_;
};

} // namespace

std::unique_ptr<Repository> Repository::open(const std::filesystem::path& inside, std::string& error) {
    init_once();
    std::error_code ec;
    std::filesystem::path start = inside;
    if (!std::filesystem::is_directory(start, ec)) start = start.parent_path();
    if (start.empty()) start = ".";
    git_repository* repo = nullptr;
    if (git_repository_open_ext(&repo, start.string().c_str(), 0, nullptr) != 0) {
        error = last_error();
        return nullptr;
    }
    return std::unique_ptr<Repository>(new Repository(repo));
}

Repository::~Repository() { git_repository_free(repo_); }

bool Repository::bare() const { return git_repository_is_bare(repo_) != 0; }
bool Repository::shallow() const { return git_repository_is_shallow(repo_) == 1; }

std::filesystem::path Repository::workdir() const {
    const char* dir = git_repository_workdir(repo_);
    return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::path();
}

std::filesystem::path Repository::gitdir() const { return git_repository_path(repo_); }

HistoryStats walk_history(const Repository& repo, const HistoryOptions& options,
                          const std::function<void(BlobVersion)>& on_blob,
                          const std::function<void(std::size_t, std::size_t)>& on_commit) {
    return HistoryWalk(repo.raw(), options, on_blob).run(on_commit);
}

BlobReader::~BlobReader() {
    for (git_repository* repo : idle_) git_repository_free(repo);
}

BlobReader::Blob BlobReader::read(const std::string& blob_id, std::uint64_t limit) {
    Blob blob;
    git_repository* repo = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            repo = idle_.back();
            idle_.pop_back();
        }
    }
    if (repo == nullptr) {
        init_once();
        if (git_repository_open(&repo, gitdir_.string().c_str()) != 0) {
            blob.error = last_error();
            return blob;
        }
    }
    // Handed back to the pool however this read ends.
    struct Return {
        BlobReader* reader;
        git_repository* repo;
        ~Return() {
            std::lock_guard lock(reader->mutex_);
            reader->idle_.push_back(repo);
        }
    } give_back{this, repo};

    git_oid id;
    git_odb* raw_odb = nullptr;
    if (git_oid_fromstr(&id, blob_id.c_str()) != 0 || git_repository_odb(&raw_odb, repo) != 0) {
        blob.error = last_error();
        return blob;
    }
    OdbPtr odb(raw_odb);
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb.get(), &id) != 0) {
        blob.error = last_error();
        return blob;
    }
    blob.size = size;
    if (size > limit) {
        blob.status = Blob::Status::too_large;
        return blob;
    }
    git_odb_object* raw_object = nullptr;
    if (git_odb_read(&raw_object, odb.get(), &id) != 0) {
        blob.error = last_error();
        return blob;
    }
    OdbObjectPtr object(raw_object);
    blob.bytes.assign(static_cast<const char*>(git_odb_object_data(object.get())), git_odb_object_size(object.get()));
    blob.status = Blob::Status::ok;
    return blob;
}

namespace {

bool regular_file(const git_index_entry& entry) { return (entry.mode & 0170000U) == 0100000U; }

// Each merged entry of the index (stage 0; a conflict's sides are stages 1-3). False when the
// repository has no readable index.
bool each_index_entry(const Repository& repo, const std::function<void(const git_index_entry&)>& fn) {
    git_index* raw_index = nullptr;
    if (git_repository_index(&raw_index, repo.raw()) != 0) return false;
    IndexPtr index(raw_index);
    std::size_t count = git_index_entrycount(index.get());
    for (std::size_t i = 0; i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        if (entry != nullptr && git_index_entry_stage(entry) == 0) fn(*entry);
    }
    return true;
}

} // namespace

std::vector<IndexEntry> index_entries(const Repository& repo) {
    std::vector<IndexEntry> entries;
    each_index_entry(repo, [&](const git_index_entry& entry) {
        if (regular_file(entry)) entries.push_back({entry.path, hex(&entry.id)});
    });
    return entries;
}

std::string blob_id(std::string_view bytes) {
    init_once();
    git_oid id;
    if (git_odb_hash(&id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) != 0) return {};
    return hex(&id);
}

std::vector<IndexEntry> staged_entries(const Repository& repo) {
    TreePtr head;
    git_object* raw_tree = nullptr;
    if (git_revparse_single(&raw_tree, repo.raw(), "HEAD^{tree}") == 0) {
        head.reset(reinterpret_cast<git_tree*>(raw_tree));  // NOLINT: a peeled tree object is a git_tree
    }
    std::vector<IndexEntry> staged;
    bool read = each_index_entry(repo, [&](const git_index_entry& entry) {
        if (!regular_file(entry)) return;  // not links, not submodules
        if (head) {
            git_tree_entry* raw_entry = nullptr;
            if (git_tree_entry_bypath(&raw_entry, head.get(), entry.path) == 0) {
                TreeEntryPtr before(raw_entry);
                if (git_oid_equal(git_tree_entry_id(before.get()), &entry.id) != 0) return;
            }
        }
        staged.push_back({entry.path, hex(&entry.id)});
    });
    if (!read) throw std::runtime_error("cannot read the index: " + last_error());
    return staged;
}

std::vector<std::string> tracked_but_ignored(const Repository& repo,
                                             const std::function<bool(std::string_view)>& candidate) {
    std::vector<std::string> paths;
    each_index_entry(repo, [&](const git_index_entry& entry) {
        if (!candidate(entry.path)) return;
        int ignored = 0;
        if (git_ignore_path_is_ignored(&ignored, repo.raw(), entry.path) == 0 && ignored == 1) paths.emplace_back(entry.path);
    });
    return paths;
}

std::string iso_utc(std::int64_t seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

} // namespace handoff::git
