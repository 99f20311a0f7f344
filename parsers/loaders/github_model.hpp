#pragma once
// A typed view of a GitHub Actions workflow or action.yml over the common tree:
// triggers, permissions, jobs and steps, each with its node path. The loader emits
// facts from it, and checks that need the workflow's structure read it directly.
// It only points into the tree; the tree must outlive it.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/tree.hpp"
#include "parsers/loaders/node_paths.hpp"

namespace handoff {

struct GhStep {
    const Node* node = nullptr;
    std::string path;  // jobs.build.steps[2], runs.steps[0]
    std::string id;
    std::string name;
    const Node* uses = nullptr;       // scalar
    const Node* run = nullptr;        // scalar
    const Node* with = nullptr;       // map
    const Node* env = nullptr;        // map
    const Node* condition = nullptr;  // if:
    std::string shell;

    [[nodiscard]] std::string_view uses_text() const;
    // The `with:` input as text, or empty.
    [[nodiscard]] std::string_view input(std::string_view key) const;
};

struct GhJob {
    const Node* node = nullptr;
    std::string id;    // empty for an action's steps
    std::string path;  // jobs.build, or runs for an action
    const Node* permissions = nullptr;
    const Node* env = nullptr;
    const Node* condition = nullptr;
    const Node* uses = nullptr;     // a reusable workflow call
    const Node* with = nullptr;
    const Node* secrets = nullptr;  // "inherit" or a map, on a reusable workflow call
    const Node* container = nullptr;
    const Node* services = nullptr;
    const Node* environment = nullptr;
    const Node* runs_on = nullptr;
    std::vector<GhStep> steps;
};

struct GhTrigger {
    std::string event;
    const Node* node = nullptr;  // the event's node (its key_span names it)
    std::vector<std::string> types;
};

struct GhWorkflow {
    const Node* root = nullptr;
    bool is_action = false;
    const Node* on = nullptr;
    std::vector<GhTrigger> triggers;
    const Node* permissions = nullptr;
    const Node* env = nullptr;
    const Node* call_secrets = nullptr;  // on.workflow_call.secrets
    std::vector<GhJob> jobs;             // an action's runs.steps form one job with an empty id

    [[nodiscard]] bool has_trigger(std::string_view event) const;
    [[nodiscard]] const GhTrigger* trigger(std::string_view event) const;
    // Only triggered as a reusable workflow.
    [[nodiscard]] bool only_called() const;
};

GhWorkflow read_github_workflow(const Node& root, bool is_action);

// The effective permissions block of a job: its own, else the workflow's, else nullptr.
const Node* effective_permissions(const GhWorkflow& wf, const GhJob& job);

struct GhScope {
    std::string scope;  // contents, pull-requests, ... or "all" for write-all/read-all
    std::string level;  // read, write, none
    const Node* node = nullptr;
};
// The scopes a permissions node grants; empty for an absent node or `{}`.
std::vector<GhScope> permission_scopes(const Node* permissions);
bool grants_write(const Node* permissions);

// Environment variables visible to a step, outermost first (workflow, job, step).
std::vector<const Node*> env_in_scope(const GhWorkflow& wf, const GhJob& job, const GhStep* step);

// A parsed `uses:` value.
struct GhUses {
    enum class Kind : unsigned char { local, docker, repository, invalid };
    Kind kind = Kind::invalid;
    std::string owner;  // lower-cased
    std::string repo;   // lower-cased
    std::string path;   // sub-path inside the repository; for local uses the path without ./ or $/
    std::string ref;    // after '@'; for docker, the tag or digest
    std::string image;  // docker://IMAGE without the scheme
};
GhUses parse_uses(std::string_view uses);
bool is_full_sha(std::string_view ref);
// owner/repo, lower-cased, for matching against lists of actions.
std::string uses_slug(const GhUses& uses);

} // namespace handoff
