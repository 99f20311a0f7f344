#pragma once
// GitLab CI's typed model, built once by parsers/loaders/gitlab_ci.cpp and read by the
// GitLab checks through Document::model_as<GlPipeline>(): includes, workflow rules,
// the `default:` block (with the deprecated top-level image/services/scripts folded in),
// every job (hidden templates too) with its keywords as written, and every image and
// service where it is written. Inheritance (`extends:`, `default:`, `inherit:`) is
// resolved on demand by the small pure functions below. The model points into the
// document's tree; the tree must outlive it (cli/scan.cpp releases both together).
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"
#include "core/tree.hpp"

namespace handoff {

// One script line as written (a scalar of before_script:, script: or after_script:).
struct GlLine {
    const Node* node = nullptr;
    std::string path;  // build.script[2], or build.script[1][0] inside a nested list
};

// `!reference [.job, key]` inside a script: lines taken from another job at load time.
struct GlReference {
    std::string job;
    std::string key;
};

struct GlScript {
    const Node* node = nullptr;  // the keyword's value; nullptr when the keyword is absent
    std::string path;            // build.script
    std::vector<GlLine> lines;   // nested lists flattened, in order
    std::vector<GlReference> references;
};

// image: and services: entries, where they are written.
struct GlImage {
    const Node* node = nullptr;  // the scalar naming the image: the string form, or its name:
    std::string path;            // build.image, default.services[0].name
    std::string owner;           // the job, "default", or empty for the top-level keyword
    bool service = false;
};

enum class GlIncludeKind : unsigned char { local, remote, project, template_file, component, unknown };

struct GlInclude {
    GlIncludeKind kind = GlIncludeKind::unknown;
    const Node* node = nullptr;       // the entry (a scalar or a map)
    std::string path;                 // include[1], or include
    const Node* target = nullptr;     // the scalar naming what is included (URL, project, template, ...)
    const Node* ref = nullptr;        // project: its ref:
    const Node* integrity = nullptr;  // remote: its integrity:
};

struct GlRule {
    const Node* node = nullptr;
    const Node* condition = nullptr;  // if:, a scalar
    std::string when;                 // as written; empty means on_success
    [[nodiscard]] bool never() const { return when == "never"; }
};

struct GlJob {
    const Node* node = nullptr;  // the job's map (its key_span names it)
    std::string name;            // as written; "default" for the defaults block
    std::string path;            // its node path
    bool hidden = false;         // .name: a template, used only through extends: or !reference
    std::vector<std::string> extends;
    const Node* image = nullptr;
    const Node* services = nullptr;
    const Node* variables = nullptr;
    const Node* secrets = nullptr;    // Vault and other external secrets
    const Node* id_tokens = nullptr;  // OIDC tokens
    const Node* rules = nullptr;
    const Node* only = nullptr;
    const Node* except = nullptr;
    const Node* environment = nullptr;
    const Node* inherit = nullptr;
    const Node* trigger = nullptr;
    const Node* artifacts = nullptr;
    GlScript before_script;
    GlScript script;
    GlScript after_script;
    // variables: entries by name (the last one written wins, as in YAML), for lookups in
    // constant time whatever the file's size.
    std::unordered_map<std::string_view, const Node*> variable_index;

    // The keyword's node as written on this job (nullptr when absent).
    [[nodiscard]] const Node* keyword(std::string_view key) const;
    [[nodiscard]] const GlScript* script_of(std::string_view key) const;
};

struct GlPipeline final : Model {
    const Node* root = nullptr;
    std::vector<GlInclude> includes;
    const Node* workflow_rules_node = nullptr;
    std::vector<GlRule> workflow_rules;
    const Node* variables = nullptr;  // top-level variables:
    std::unordered_map<std::string_view, const Node*> variable_index;  // top-level entries by name
    // workflow:rules create merge request pipelines (or the MergeRequest-Pipelines template is included).
    bool workflow_merge_requests = false;
    // default: with the deprecated top-level image, services, before_script and
    // after_script folded in (default: wins where both are written).
    GlJob defaults;
    std::vector<GlJob> jobs;      // document order, hidden templates too
    std::vector<GlImage> images;  // every image: and services: entry, where written
    std::unordered_map<std::string, std::size_t> job_index;  // name -> jobs[i]

    [[nodiscard]] const GlJob* job(std::string_view name) const;
    // The job that gives `job` this keyword: itself, else the nearest one up its extends:
    // chain (later extends entries win, as GitLab merges them), else nullptr. Bounded and
    // safe against loops.
    [[nodiscard]] const GlJob* provider(const GlJob& job, std::string_view key) const;
    // The keyword's effective node: the job's or an extended job's, else (for keywords
    // default: can set, unless inherit: default: turns it off) the defaults block's.
    [[nodiscard]] const Node* effective(const GlJob& job, std::string_view key) const;
    // The effective before_script, script and after_script, with !reference lines resolved
    // (one level): what the job's shell runs.
    [[nodiscard]] std::vector<GlLine> effective_lines(const GlJob& job) const;
    // The same, as the scripts that hold those lines (no line is copied): what a check
    // that judges scripts once and jobs many times iterates.
    [[nodiscard]] std::vector<const GlScript*> effective_scripts(const GlJob& job) const;
    // The inherit: block that applies to the job (its own or an extended job's), or nullptr.
    [[nodiscard]] const Node* effective_inherit(const GlJob& job) const;
    // Whether the job takes the top-level variables: (inherit: variables:).
    [[nodiscard]] bool inherits_global_variables(const GlJob& job) const;
};

// A variable reference in a script or value: $NAME, ${NAME}, $env:NAME, %NAME%.
struct GlVarUse {
    std::string name;
    std::size_t offset = 0;  // of the '$' or '%'
    std::size_t length = 0;
};
std::vector<GlVarUse> gitlab_variable_uses(std::string_view text);

// Predefined by GitLab or the runner (CI_*, GITLAB_*, RUNNER_*, FF_*, HOME, PATH, ...).
bool gitlab_predefined_variable(std::string_view name);

// Predefined variables whose text a merge request author or a pusher chooses: titles,
// descriptions, commit messages, branch and tag names, the commit author.
bool gitlab_untrusted_variable(std::string_view name);

// A sequence written as `!reference [.job, key]`: the tag is gone from the tree, but the
// source bytes around the node still say it.
bool gitlab_reference_tag(std::string_view bytes, const Node& seq);

// A variables: entry's value node: the scalar itself, or {value: ...}'s value.
const Node* gitlab_variable_value(const Node& entry);

// How a rules: condition (an if: expression) treats merge request pipelines.
enum class GlMrMatch : unsigned char {
    any,            // says nothing about the pipeline source: may match a merge request pipeline
    merge_request,  // tests for a merge request pipeline ($CI_PIPELINE_SOURCE == "merge_request_event", $CI_MERGE_REQUEST_IID)
    other,          // tests for another source, or that it is not a merge request pipeline
};
GlMrMatch merge_request_match(std::string_view condition);

std::vector<GlRule> gitlab_rules(const Node* rules);

// Whether a job runs in merge request pipelines, and how sure that is.
enum class GlMrRun : unsigned char {
    no,
    explicit_rule,  // its rules: or only: name merge requests
    by_workflow,    // it has no rule of its own against them and workflow:rules create them
};
GlMrRun runs_in_merge_requests(const GlPipeline& pipeline, const GlJob& job);
// For the loader: whether the pipeline's workflow:rules or includes create merge request pipelines.
bool workflow_creates_merge_request_pipelines(const GlPipeline& pipeline);

// An image reference split: registry/path:tag@digest.
struct GlImageRef {
    std::string name;    // without tag and digest
    std::string tag;     // empty when none
    std::string digest;  // sha256:..., empty when none
};
GlImageRef parse_image(std::string_view image);

} // namespace handoff
