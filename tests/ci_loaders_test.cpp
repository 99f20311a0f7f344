// The CI loaders turn workflow, pipeline and job trees into facts.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "core/vocabulary.hpp"
#include "model/ci.hpp"
#include "model/gitlab.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/syntax/syntax.hpp"

using namespace handoff;

namespace {
std::unique_ptr<Document> load(std::string path, std::string text, Format format, Syntax syntax) {
    auto doc = std::make_unique<Document>(std::make_unique<SourceFile>(std::move(path), std::move(text)));
    doc->format = format;
    doc->syntax = syntax;
    ParseResult parsed = parse(syntax, doc->bytes());
    doc->tree = std::move(parsed.root);
    REQUIRE(doc->tree.has_value());
    load_facts(*doc);
    return doc;
}

const SecretRef* ref(const Document& doc, std::string_view name) {
    for (const SecretRef& r : doc.facts.secret_refs) {
        if (r.name == name) return &r;
    }
    return nullptr;
}
} // namespace

TEST_CASE("GitHub workflow: secrets, declarations, grants, run steps and untrusted reads") {
    auto doc = load(".github/workflows/ci.yml", R"(on:
  workflow_call:
    secrets:
      NPM_TOKEN:
        required: true
  issues:
permissions:
  contents: write
env:
  SHARED: ${{ secrets.SHARED_KEY }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ github.event.issue.title }}" && npm publish
        env:
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
          REGION: ${{ vars.REGION }}
      - run: gh release create
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
  call:
    uses: ./.github/workflows/x.yml
    secrets: inherit
)", Format::github_workflow, Syntax::yaml);
    const Facts& f = doc->facts;
    REQUIRE(ref(*doc, "NPM_TOKEN") != nullptr);
    CHECK(ref(*doc, "NPM_TOKEN")->owner == "build");
    CHECK(ref(*doc, "NPM_TOKEN")->provider == "npm");
    CHECK(ref(*doc, "NPM_TOKEN")->site.node_path == "jobs.build.steps[0].env.NODE_AUTH_TOKEN");
    CHECK(doc->locate(ref(*doc, "NPM_TOKEN")->site.span).line == 17);
    CHECK(ref(*doc, "SHARED_KEY")->owner.empty());
    CHECK(ref(*doc, "REGION")->store == "github-variable");
    CHECK(ref(*doc, "GITHUB_TOKEN") == nullptr);  // automatic, nothing to create
    REQUIRE(f.secret_decls.size() == 1);
    CHECK(f.secret_decls[0].required);
    CHECK(std::any_of(f.grants.begin(), f.grants.end(), [](const Grant& g) { return g.holder == "build" && g.capability == "write:contents"; }));
    CHECK(std::any_of(f.grants.begin(), f.grants.end(), [](const Grant& g) { return g.holder == "call" && g.capability == "secrets:inherit"; }));
    REQUIRE(f.execs.size() == 2);
    CHECK(f.execs[0].holder == "build");
    CHECK(std::find(f.execs[0].secret_vars.begin(), f.execs[0].secret_vars.end(), "NODE_AUTH_TOKEN") != f.execs[0].secret_vars.end());
    CHECK(std::find(f.execs[0].secret_vars.begin(), f.execs[0].secret_vars.end(), "SHARED") != f.execs[0].secret_vars.end());
    CHECK(std::find(f.execs[0].secret_vars.begin(), f.execs[0].secret_vars.end(), "REGION") == f.execs[0].secret_vars.end());
    REQUIRE(f.untrusted.size() == 1);
    CHECK(f.untrusted[0].source == "github.event.issue.title");
    CHECK(f.untrusted[0].site.node_path == "jobs.build.steps[0].run");
    CHECK(std::any_of(f.endpoints.begin(), f.endpoints.end(), [](const Endpoint& e) { return e.owner == "issues"; }));
}

TEST_CASE("GitHub workflow: YAML anchors and aliases are followed") {
    auto doc = load(".github/workflows/a.yml", R"(on: push
jobs:
  a:
    runs-on: ubuntu-latest
    env: &shared
      TOKEN: ${{ secrets.DEPLOY_TOKEN }}
    steps:
      - run: ./a.sh
  b:
    runs-on: ubuntu-latest
    env: *shared
    steps:
      - run: ./b.sh
)", Format::github_workflow, Syntax::yaml);
    int refs = static_cast<int>(std::count_if(doc->facts.secret_refs.begin(), doc->facts.secret_refs.end(),
                                              [](const SecretRef& r) { return r.name == "DEPLOY_TOKEN"; }));
    CHECK(refs == 2);
    REQUIRE(doc->facts.execs.size() == 2);
    CHECK(doc->facts.execs[1].secret_vars == std::vector<std::string>{"TOKEN"});
}

TEST_CASE("GitLab CI: CI/CD variables the file expects, Vault secrets, job-wide secret scope") {
    auto doc = load(".gitlab-ci.yml", R"(variables:
  APP: shop
  DEPLOY_TOKEN: ""
deploy:
  secrets:
    DB_PASSWORD:
      vault: prod/db/password@ops
  script:
    - echo "$CI_COMMIT_SHA $APP"
    - ./deploy --token "$DEPLOY_TOKEN" --key "${SENTRY_AUTH_TOKEN}"
    - echo "$HOME"
)", Format::gitlab_ci, Syntax::yaml);
    REQUIRE(ref(*doc, "DEPLOY_TOKEN") != nullptr);
    CHECK(ref(*doc, "DEPLOY_TOKEN")->store == "gitlab-variable");
    CHECK(ref(*doc, "DEPLOY_TOKEN")->owner == "deploy");
    CHECK(ref(*doc, "SENTRY_AUTH_TOKEN")->provider == "sentry");
    CHECK(ref(*doc, "DB_PASSWORD")->store == "gitlab-vault-secret");
    CHECK(ref(*doc, "APP") == nullptr);
    CHECK(ref(*doc, "CI_COMMIT_SHA") == nullptr);
    CHECK(ref(*doc, "HOME") == nullptr);
    REQUIRE(doc->facts.execs.size() == 3);
    CHECK(doc->facts.execs[0].secret_vars.size() == 2);  // the whole job's shell
    CHECK(doc->facts.execs[2].site.node_path == "deploy.script[2]");
}

TEST_CASE("Jenkins: credentials, bound variables, steps and triggers") {
    auto doc = load("jobs/deploy/config.xml", R"(<?xml version='1.1' encoding='UTF-8'?>
<project>
  <authToken>remote-token-value</authToken>
  <builders>
    <hudson.tasks.Shell>
      <command>./deploy.sh</command>
    </hudson.tasks.Shell>
  </builders>
  <buildWrappers>
    <org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper plugin="credentials-binding@1.27">
      <bindings>
        <org.jenkinsci.plugins.credentialsbinding.impl.StringBinding>
          <credentialsId>slack-token</credentialsId>
          <variable>SLACK_TOKEN</variable>
        </org.jenkinsci.plugins.credentialsbinding.impl.StringBinding>
      </bindings>
    </org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper>
  </buildWrappers>
</project>
)", Format::jenkins_job, Syntax::xml);
    REQUIRE(ref(*doc, "slack-token") != nullptr);
    CHECK(ref(*doc, "slack-token")->store == "jenkins-credential");
    CHECK(ref(*doc, "slack-token")->owner == "deploy");
    REQUIRE(doc->facts.execs.size() == 1);
    CHECK(doc->facts.execs[0].secret_vars == std::vector<std::string>{"SLACK_TOKEN"});
    REQUIRE(doc->facts.endpoints.size() == 1);
    CHECK(doc->facts.endpoints[0].kind == "remote-trigger");
    CHECK(doc->facts.endpoints[0].url.empty());  // the token never lands in a fact
}

TEST_CASE("CI loaders build the model once: GitHub workflow, expressions, Exec kinds, Jenkins triggers") {
    auto gh = load(".github/workflows/ci.yml", R"(on: issues
jobs:
  build:
    if: github.actor == 'me'
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.title }}" && echo ${{ fromJSON(secrets.CFG).key }}
)", Format::github_workflow, Syntax::yaml);
    const auto* wf = gh->model_as<GhWorkflow>();
    REQUIRE(wf != nullptr);
    CHECK(wf->has_trigger("issues"));
    REQUIRE(wf->jobs.size() == 1);
    REQUIRE(wf->jobs[0].steps.size() == 2);
    CHECK(wf->jobs[0].steps[0].uses_text() == "actions/checkout@v4");
    // Expressions are parsed once, with where they are written.
    const GhExpressions* run = wf->expressions_of(wf->jobs[0].steps[1].run);
    REQUIRE(run != nullptr);
    CHECK(run == wf->expressions_at("jobs.build.steps[1].run"));
    REQUIRE(run->list.size() == 2);
    CHECK(run->list[0].reads[0].path == "github.event.issue.title");
    CHECK(gh->bytes().substr(run->list[0].span.begin, run->list[0].span.end - run->list[0].span.begin) ==
          "${{ github.event.issue.title }}");
    CHECK(run->list[1].functions == std::vector<std::string>{"fromjson"});
    const GhExpressions* cond = wf->expressions_at("jobs.build.if");
    REQUIRE(cond != nullptr);
    CHECK(cond->bare);
    REQUIRE(gh->facts.execs.size() == 1);
    CHECK(gh->facts.execs[0].kind == exec_kind::github_run);

    auto gl = load(".gitlab-ci.yml", "build:\n  before_script: [\"npm ci\"]\n  script:\n    - make\n",
                   Format::gitlab_ci, Syntax::yaml);
    CHECK(gl->model_as<GlPipeline>() != nullptr);  // built once, beside the Exec facts
    REQUIRE(gl->facts.execs.size() == 2);
    for (const Exec& e : gl->facts.execs) CHECK(e.kind == exec_kind::gitlab_script);

    auto jk = load("jobs/hook/config.xml", R"(<project>
  <disabled>true</disabled>
  <authToken>remote-token-value</authToken>
  <triggers>
    <org.jenkinsci.plugins.gwt.GenericTrigger><token>generic-token</token></org.jenkinsci.plugins.gwt.GenericTrigger>
  </triggers>
  <builders><hudson.tasks.Shell><command>make</command></hudson.tasks.Shell></builders>
</project>
)", Format::jenkins_job, Syntax::xml);
    const auto* job = jk->model_as<JenkinsJob>();
    REQUIRE(job != nullptr);
    CHECK(job->name == "hook");
    CHECK(job->disabled);
    REQUIRE(job->triggers.size() == 2);
    CHECK(job->triggers[0].kind == JenkinsTrigger::Kind::auth_token);
    CHECK(job->triggers[0].token == "remote-token-value");
    CHECK(job->triggers[1].kind == JenkinsTrigger::Kind::generic_webhook);
    CHECK(job->triggers[1].token == "generic-token");
    REQUIRE(jk->facts.execs.size() == 1);
    CHECK(jk->facts.execs[0].kind == exec_kind::jenkins_shell);
}

TEST_CASE("loaders survive trees of the wrong shape") {
    for (const char* text : {"- a\n- b\n", "on: [1, 2]\njobs: [x]\n", "jobs:\n  a: 3\n  b:\n    steps: {x: 1}\n",
                             "on:\n  workflow_call:\n    secrets: [a]\njobs: {}\n", "42\n"}) {
        CAPTURE(text);
        auto gh = std::make_unique<Document>(std::make_unique<SourceFile>("w.yml", text));
        gh->format = Format::github_workflow;
        gh->tree = parse_yaml(gh->bytes()).root;
        if (gh->tree) load_facts(*gh);
        auto gl = std::make_unique<Document>(std::make_unique<SourceFile>(".gitlab-ci.yml", text));
        gl->format = Format::gitlab_ci;
        gl->tree = parse_yaml(gl->bytes()).root;
        if (gl->tree) load_facts(*gl);
        CHECK(gh->facts.execs.empty());
        CHECK(gl->facts.secret_refs.empty());
    }
}
