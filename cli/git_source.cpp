#include "cli/git_source.hpp"

#include <filesystem>

#include "core/secret_names.hpp"

namespace handoff {

std::unique_ptr<GitSource> GitSource::open(const std::string& folder, bool history, std::string& why) {
    std::unique_ptr<git::Repository> repo = git::Repository::open(folder, why);
    if (!repo) return nullptr;
    std::error_code ec;
    std::filesystem::path base = repo->bare() ? repo->gitdir() : repo->workdir();
    std::filesystem::path root = std::filesystem::weakly_canonical(folder, ec);
    std::string under = root.lexically_relative(std::filesystem::weakly_canonical(base, ec)).generic_string();
    if (under == "." || repo->bare()) under.clear();
    if (under.starts_with("..")) {
        why = folder + " is a link out of its repository";
        return nullptr;
    }
    std::unique_ptr<GitSource> source(new GitSource(std::move(repo)));
    source->under_ = std::move(under);
    source->reader_ = std::make_unique<git::BlobReader>(source->repo_->gitdir());
    if (history && !source->repo_->bare()) {
        for (git::IndexEntry& entry : git::index_entries(*source->repo_)) {
            if (std::optional<std::string> path = source->scanned(std::move(entry.path))) {
                source->index_blobs_.emplace(std::move(*path), std::move(entry.blob));
            }
        }
    }
    return source;
}

std::optional<std::string> GitSource::scanned(std::string path) const {
    if (under_.empty()) return path;
    if (!path.starts_with(under_) || path.size() <= under_.size() || path[under_.size()] != '/') return std::nullopt;
    return path.substr(under_.size() + 1);
}

std::vector<std::string> GitSource::tracked_but_ignored() const {
    std::vector<std::string> out;
    for (std::string& path : git::tracked_but_ignored(*repo_, is_secret_file_name)) {
        if (std::optional<std::string> mine = scanned(std::move(path))) out.push_back(std::move(*mine));
    }
    return out;
}

void GitSource::staged(const std::function<void(std::string, std::string)>& add) const {
    for (git::IndexEntry& entry : git::staged_entries(*repo_)) {
        if (std::optional<std::string> path = scanned(std::move(entry.path))) add(std::move(*path), std::move(entry.blob));
    }
}

git::HistoryStats GitSource::history(const git::HistoryOptions& options, const std::function<void(git::BlobVersion)>& add,
                                     const std::function<void(std::size_t, std::size_t)>& on_commit) {
    git::HistoryOptions walk = options;
    walk.under = under_;
    return git::walk_history(
        *repo_, walk,
        [&](git::BlobVersion version) {
            auto tracked = index_blobs_.find(version.path);
            if (tracked != index_blobs_.end() && tracked->second == version.blob) {
                held_.push_back(std::move(version));
                return;
            }
            add(std::move(version));
        },
        on_commit);
}

bool GitSource::covers(const std::string& path, std::string_view bytes) {
    auto tracked = index_blobs_.find(path);
    if (tracked == index_blobs_.end() || git::blob_id(bytes) != tracked->second) return false;
    std::lock_guard lock(mutex_);
    covered_.insert(path);
    return true;
}

void GitSource::add_covering_findings(const std::vector<Finding>& findings) {
    std::lock_guard lock(mutex_);
    for (const Finding& f : findings) {
        if (f.family == Family::embedded_token) covering_findings_.push_back(f);
    }
}

std::vector<git::BlobVersion> GitSource::uncovered() {
    std::vector<git::BlobVersion> out;
    std::vector<git::BlobVersion> covered;
    for (git::BlobVersion& version : held_) {
        (covered_.contains(version.path) ? covered : out).push_back(std::move(version));
    }
    held_ = std::move(covered);
    return out;
}

std::vector<Finding> GitSource::covered_findings() {
    std::unordered_map<std::string_view, const git::BlobVersion*> by_path;
    for (const git::BlobVersion& version : held_) by_path.emplace(version.path, &version);
    std::vector<Finding> out;
    for (Finding& f : covering_findings_) {
        auto version = by_path.find(f.location.path);
        if (version == by_path.end()) continue;
        f.location.set_commit(version->second->commit, version->second->commit_date);
        out.push_back(std::move(f));
    }
    covering_findings_.clear();
    return out;
}

} // namespace handoff
