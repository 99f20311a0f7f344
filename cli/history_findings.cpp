#include "cli/history_findings.hpp"

#include <map>
#include <tuple>
#include <unordered_map>

namespace handoff {

namespace {

constexpr const char* kPurge =
    "Rotate the key first: deleting it from the files did not take it out of git, and every clone, fork "
    "and CI cache keeps the old commits. Then, before handing the repository over, purge it: "
    "`git filter-repo --replace-text FILE` (or BFG) on every branch and tag, force-push, and ask the host "
    "to drop cached refs (on GitHub, Support removes pull request refs and cached views).";

std::string short_commit(const Location& at) { return at.commit().substr(0, 10); }

std::string day(const Location& at) { return at.commit_date().substr(0, 10); }

// Earlier commit date first; the walk's order (parents first) breaks ties.
bool earlier(const Finding& a, const Finding& b) { return a.location.commit_date() < b.location.commit_date(); }

} // namespace

void merge_history_findings(std::vector<Finding>& findings, std::vector<Finding> history) {
    if (history.empty()) return;
    // The first commit that holds each key, by fingerprint (a token's fingerprint is its hashed value).
    std::unordered_map<std::string, const Finding*> first_seen;
    for (const Finding& h : history) {
        auto [at, inserted] = first_seen.emplace(h.fingerprint, &h);
        if (!inserted && earlier(h, *at->second)) at->second = &h;
    }
    std::unordered_map<std::string, bool> in_files;
    for (Finding& f : findings) {
        if (f.family != Family::embedded_token) continue;
        in_files[f.fingerprint] = true;
        auto seen = first_seen.find(f.fingerprint);
        if (seen == first_seen.end()) continue;
        const Location& first = seen->second->location;
        f.message += " It is in git history too, since commit " + short_commit(first) + " (" + day(first) +
                     "): removing it from this file does not take it out of the repository.";
    }
    // One finding per rule, key and path: the earliest version.
    std::map<std::tuple<std::string, std::string, std::string>, Finding*> kept;
    for (Finding& h : history) {
        if (in_files.contains(h.fingerprint)) continue;
        auto key = std::make_tuple(h.rule, h.fingerprint, h.location.path);
        auto [at, inserted] = kept.emplace(key, &h);
        if (!inserted && earlier(h, *at->second)) at->second = &h;
    }
    for (auto& [key, h] : kept) {
        Finding f = std::move(*h);
        f.message += " This version was committed in " + short_commit(f.location) + " (" + day(f.location) +
                     ") and is no longer in the files, but the repository still holds it: the key is leaked until rotated.";
        f.remediation = kPurge;
        findings.push_back(std::move(f));
    }
}

} // namespace handoff
