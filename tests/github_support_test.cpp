// What the GitHub Actions checks share (checks/support/github): action versions from refs
// and their comments, the shell a step runs, untrusted checkouts and artifact downloads.
#include <doctest/doctest.h>

#include <memory>

#include "checks/support/github.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/syntax/syntax.hpp"

using namespace handoff;

namespace {
std::unique_ptr<Document> workflow(std::string text) {
    auto doc = std::make_unique<Document>(std::make_unique<SourceFile>(".github/workflows/ci.yml", std::move(text)));
    doc->format = Format::github_workflow;
    doc->syntax = Syntax::yaml;
    ParseResult parsed = parse(Syntax::yaml, doc->bytes());
    doc->tree = std::move(parsed.root);
    REQUIRE(doc->tree.has_value());
    load_facts(*doc);
    REQUIRE(is_github_workflow(*doc));
    return doc;
}
} // namespace

TEST_CASE("uses_major_version reads the ref, or the version comment after a SHA") {
    auto doc = workflow(R"(on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v6.0.1
      - uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3
      - uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10
      - uses: actions/checkout@main
      - uses: actions/setup-go@0aaccfd150d50ccaeb58ebd88d36e91967a5f35b # tag=v3
      - uses: docker://alpine:3.20
)");
    const GhJob& job = github_view(*doc).jobs.at(0);
    REQUIRE(job.steps.size() == 7);
    CHECK(uses_major_version(*doc, job.steps[0]) == 4);
    CHECK(uses_major_version(*doc, job.steps[1]) == 6);
    CHECK(uses_major_version(*doc, job.steps[2]) == 6);
    CHECK(uses_major_version(*doc, job.steps[3]) == -1);
    CHECK(uses_major_version(*doc, job.steps[4]) == -1);
    CHECK(uses_major_version(*doc, job.steps[5]) == 3);
    CHECK(uses_major_version(*doc, job.steps[6]) == -1);
}

TEST_CASE("effective_shell: the step's, the job's or workflow's default, else by runner") {
    auto doc = workflow(R"(on: push
defaults:
  run:
    shell: /usr/bin/bash -e {0}
jobs:
  linux:
    runs-on: ubuntu-latest
    steps:
      - run: echo
      - run: echo
        shell: PWSH
  windows:
    runs-on: [self-hosted, windows-2022]
    defaults:
      run:
        shell: cmd
    steps:
      - run: echo
)");
    const GhWorkflow& wf = github_view(*doc);
    CHECK(effective_shell(wf, wf.jobs[0], wf.jobs[0].steps[0]) == "bash");
    CHECK(effective_shell(wf, wf.jobs[0], wf.jobs[0].steps[1]) == "pwsh");
    CHECK(effective_shell(wf, wf.jobs[1], wf.jobs[1].steps[0]) == "cmd");

    auto plain = workflow("on: push\njobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - run: dir\n");
    const GhWorkflow& pw = github_view(*plain);
    CHECK(effective_shell(pw, pw.jobs[0], pw.jobs[0].steps[0]) == "pwsh");
}

TEST_CASE("untrusted head checkouts and artifacts of the triggering run") {
    auto doc = workflow(R"(on: workflow_run
jobs:
  head:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.workflow_run.head_sha }}
  artifact:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: own
      - run: gh run download "$RUN" -n pr
  base:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: git fetch origin main
)");
    const GhWorkflow& wf = github_view(*doc);
    CHECK(untrusted_head_checkout(wf.jobs[0]) == &wf.jobs[0].steps[1]);
    CHECK(foreign_artifact_download(wf.jobs[1]) == &wf.jobs[1].steps[1]);
    CHECK(untrusted_head_checkout(wf.jobs[2]) == nullptr);
    CHECK(foreign_artifact_download(wf.jobs[2]) == nullptr);
    CHECK(truthy_value(" True "));
    CHECK(falsy_value("FALSE"));
    CHECK_FALSE(truthy_value("1"));
}
