#pragma once
// What the GitHub Actions checks share: which documents they read and the workflow
// model the loader built (model/ci.hpp).
#include <span>
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "model/ci.hpp"

namespace handoff {

// A workflow or action.yml whose loader built its model.
bool is_github_document(const Document& doc);
bool is_github_workflow(const Document& doc);

// The model of a GitHub document (call is_github_document first).
const GhWorkflow& github_view(const Document& doc);

// Events whose payload an outsider (anyone who can open an issue, a fork PR or a
// comment) controls and that run with the base repository's token and secrets.
bool outsider_trigger(std::string_view event);

// The condition guards who may trigger the job: an author_association, actor,
// sender or permission test.
bool guards_actor(std::string_view condition);

// A step that checks the triggering user's permission (an action or an API call).
bool checks_permission(const GhStep& step);

// The job checks who triggered it: in its if: condition or in a step.
bool job_guarded(const GhJob& job);

// The folder holding a workflow's .github/ ("" at the scan root, "sub/" in a nested
// project): `uses: ./.github/workflows/x.yml` resolves against it.
std::string repo_root(std::string_view workflow_path);

// The inputs of a well-known action that it runs as code (a script, a shell command, a
// jq/yq program, a JavaScript template): actions/github-script's `script`, azure/cli's
// `inlineScript`. `slug` is owner/repo[/path], lower case; empty for other actions.
std::span<const std::string_view> code_inputs(std::string_view slug);
// A boolean input or env value as the runner reads it: true, True, TRUE (YAML or string).
bool truthy_value(std::string_view value);
bool falsy_value(std::string_view value);

// The major version a `uses:` step runs: from its ref (v4, v4.1.2, 4) or, for a ref
// pinned to a SHA, from a `# v4.1.2` comment after it on the same line; -1 when unknown.
int uses_major_version(const Document& doc, const GhStep& step);

// The step that checks out the untrusted head of a pull request or of the triggering
// run (actions/checkout with such a ref or repository, git fetch/checkout, gh pr
// checkout), or nullptr.
const GhStep* untrusted_head_checkout(const GhJob& job);

// The step that downloads artifacts of another (the triggering) run, or nullptr.
const GhStep* foreign_artifact_download(const GhJob& job);

} // namespace handoff
