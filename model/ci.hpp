#pragma once
// CI platforms' typed models, built once by their loaders (parsers/loaders/github_actions.cpp,
// jenkins.cpp) and read by the CI checks through Document::model_as<T>(): a GitHub
// workflow or action.yml with its parsed `${{ }}` expressions, and a Jenkins job's
// triggers. Plain data plus small pure functions over it. The GitHub model points into
// the document's tree; the tree must outlive it (cli/scan.cpp releases both together).
// GitLab CI has its own model: model/gitlab.hpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/location.hpp"
#include "core/tree.hpp"

namespace handoff {

// One property chain an expression reads: `secrets.NPM_TOKEN`, `github.event.commits[0].message`.
struct ContextRead {
    // Lower-cased, dot-joined; literal indices become members, numeric and computed
    // indices become `*`: github.event.commits.*.message.
    std::string path;
    // The chain's last literal member as written (secret and variable names keep their case).
    std::string last_name;
    bool computed_index = false;  // secrets[format('{0}', x)]: the name is not known
};

// One `${{ ... }}` of a value.
struct GhExpression {
    std::size_t begin = 0;  // offset of "${{" in the value
    std::size_t end = 0;    // offset just past "}}"
    Span span;              // where it is written in the file (the value's span when not verbatim)
    std::string body;       // the text between the braces, trimmed
    std::vector<ContextRead> reads;
    std::vector<std::string> functions;  // called function names, lower-cased
};

// The expression can only evaluate to true or false: one contains(), startsWith() or
// endsWith() call, or a comparison without && / || (which could pick a string). Such a
// value cannot carry shell syntax, whatever contexts it reads.
bool yields_boolean(std::string_view body);

// True when path starts with the context prefix at a member boundary:
// context_starts_with("secrets.x", "secrets") is true, ("secretsx", "secrets") is not.
bool context_starts_with(std::string_view path, std::string_view prefix);

// How much an outsider controls the value of a context read.
enum class Taint : unsigned char {
    none,
    caller,    // inputs.*, github.event.inputs.*: chosen by whoever triggers or calls the workflow
    outsider,  // issue/PR/comment titles and bodies, branch names, commit messages
};
Taint context_taint(std::string_view path);

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

// The `${{ }}` expressions of one string value (or the bare expression of an `if:`),
// parsed once by the loader.
struct GhExpressions {
    const Node* node = nullptr;  // the scalar
    std::string node_path;
    bool bare = false;           // an if: value without ${{ }}: the whole value is one expression
    std::vector<GhExpression> list;
};

struct GhWorkflow final : Model {
    const Node* root = nullptr;
    bool is_action = false;
    const Node* on = nullptr;
    std::vector<GhTrigger> triggers;
    const Node* permissions = nullptr;
    const Node* env = nullptr;
    const Node* call_secrets = nullptr;  // on.workflow_call.secrets
    std::vector<GhJob> jobs;             // an action's runs.steps form one job with an empty id
    // Every string value holding `${{`, and every if: value, in document order.
    std::vector<GhExpressions> expressions;
    std::unordered_map<const Node*, std::size_t> expression_index;  // scalar -> expressions[i]

    [[nodiscard]] bool has_trigger(std::string_view event) const;
    [[nodiscard]] const GhTrigger* trigger(std::string_view event) const;
    // Only triggered as a reusable workflow.
    [[nodiscard]] bool only_called() const;
    // The parsed expressions of a scalar, or nullptr when it holds none.
    [[nodiscard]] const GhExpressions* expressions_of(const Node* scalar) const;
    [[nodiscard]] const GhExpressions* expressions_at(std::string_view node_path) const;
};

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
// The shell a run: step uses, lower-cased: its own shell:, else the job's and then the
// workflow's defaults.run.shell, else pwsh on a Windows runner and bash elsewhere.
std::string effective_shell(const GhWorkflow& wf, const GhJob& job, const GhStep& step);

// The step pushes with git (git push, gh-pages deploys, release tools, auto-commit
// actions), and so uses the credential actions/checkout persisted.
bool step_pushes_with_git(const GhStep& step);
// owner/repo, lower-cased, for matching against lists of actions.
std::string uses_slug(const GhUses& uses);
// The job visibly uses the GITHUB_TOKEN scope: an OIDC token (id-token) or a Pages
// deployment (pages). Other scopes cannot be told apart from the steps: always false.
bool job_uses_scope(const GhJob& job, std::string_view scope);

// A Jenkins job's remote triggers, as its checks need them.
struct JenkinsTrigger {
    enum class Kind : unsigned char { auth_token, generic_webhook };
    Kind kind = Kind::auth_token;
    std::string node_path;
    Span key_span;               // the trigger element's name
    std::string token;           // the token written in the job file, or empty
    Span token_span;
    std::string token_path;
    bool token_credential = false;  // a Generic Webhook Trigger's tokenCredentialId
};

struct JenkinsJob final : Model {
    std::string name;  // the folder holding config.xml, else the file name
    bool disabled = false;
    std::vector<JenkinsTrigger> triggers;  // in document order

    [[nodiscard]] bool borrows_tree() const override { return false; }
};

} // namespace handoff
