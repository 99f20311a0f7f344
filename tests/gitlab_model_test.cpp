// The GitLab CI model: includes, defaults and their inheritance, extends:, !reference,
// images, and which jobs run in merge request pipelines.
#include <doctest/doctest.h>

#include <memory>

#include "model/gitlab.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/syntax/syntax.hpp"

using namespace handoff;

namespace {

std::unique_ptr<Document> load(std::string text) {
    auto doc = std::make_unique<Document>(std::make_unique<SourceFile>(".gitlab-ci.yml", std::move(text)));
    doc->format = Format::gitlab_ci;
    doc->syntax = Syntax::yaml;
    ParseResult parsed = parse(Syntax::yaml, doc->bytes());
    doc->tree = std::move(parsed.root);
    REQUIRE(doc->tree.has_value());
    load_facts(*doc);
    return doc;
}

} // namespace

TEST_CASE("GitLab model: includes of every kind, with ref and integrity") {
    auto doc = load(R"(include:
  - local: /ci/a.yml
  - https://example.com/b.yml
  - remote: https://example.com/c.yml
    integrity: sha256-abc=
  - project: g/p
    ref: main
    file: /x.yml
  - template: Security/SAST.gitlab-ci.yml
  - component: gitlab.com/g/c/x@1.0.0
  - /ci/d.yml
job:
  script: [make]
)");
    const auto* p = doc->model_as<GlPipeline>();
    REQUIRE(p != nullptr);
    REQUIRE(p->includes.size() == 7);
    CHECK(p->includes[0].kind == GlIncludeKind::local);
    CHECK(p->includes[1].kind == GlIncludeKind::remote);
    CHECK(p->includes[2].integrity != nullptr);
    CHECK(p->includes[3].kind == GlIncludeKind::project);
    CHECK(p->includes[3].ref->value == "main");
    CHECK(p->includes[4].kind == GlIncludeKind::template_file);
    CHECK(p->includes[5].kind == GlIncludeKind::component);
    CHECK(p->includes[6].kind == GlIncludeKind::local);
    CHECK(p->includes[6].path == "include[6]");
}

TEST_CASE("GitLab model: default:, top-level keywords, extends: and !reference resolve to the job's shell") {
    auto doc = load(R"(image: ruby:3.3
before_script: [echo top]
default:
  after_script: [echo after]
.setup:
  script:
    - echo setup
.base:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script: [echo base]
job:
  extends: .base
  before_script:
    - !reference [.setup, script]
    - echo mine
isolated:
  inherit:
    default: false
  script: [echo alone]
)");
    const auto* p = doc->model_as<GlPipeline>();
    REQUIRE(p != nullptr);
    CHECK(p->defaults.image != nullptr);
    CHECK(p->defaults.before_script.lines.size() == 1);
    const GlJob* job = p->job("job");
    REQUIRE(job != nullptr);
    CHECK(job->extends == std::vector<std::string>{".base"});
    CHECK(job->before_script.references.size() == 1);
    std::vector<GlLine> lines = p->effective_lines(*job);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].node->value == "echo mine");
    CHECK(lines[1].node->value == "echo setup");  // !reference
    CHECK(lines[2].node->value == "echo base");   // extends:
    CHECK(lines[3].node->value == "echo after");  // default:
    CHECK(p->effective(*job, "image") == p->defaults.image);
    CHECK(runs_in_merge_requests(*p, *job) == GlMrRun::explicit_rule);
    const GlJob* isolated = p->job("isolated");
    REQUIRE(isolated != nullptr);
    CHECK(p->effective(*isolated, "image") == nullptr);
    CHECK(p->effective_lines(*isolated).size() == 1);
    CHECK(p->images.size() == 1);
    CHECK(p->images[0].path == "image");
}

TEST_CASE("GitLab model: an extends: loop ends") {
    auto doc = load(R"(.a:
  extends: .b
.b:
  extends: .a
job:
  extends: .a
  script: [make]
)");
    const auto* p = doc->model_as<GlPipeline>();
    REQUIRE(p != nullptr);
    CHECK(p->effective(*p->job("job"), "rules") == nullptr);
    CHECK(p->effective_lines(*p->job(".a")).empty());
}

TEST_CASE("GitLab model: merge request conditions") {
    CHECK(merge_request_match(R"($CI_PIPELINE_SOURCE == "merge_request_event")") == GlMrMatch::merge_request);
    CHECK(merge_request_match("$CI_PIPELINE_SOURCE =~ /merge_request/") == GlMrMatch::merge_request);
    CHECK(merge_request_match(R"($CI_PIPELINE_SOURCE != "merge_request_event")") == GlMrMatch::other);
    CHECK(merge_request_match(R"($CI_PIPELINE_SOURCE == "push")") == GlMrMatch::other);
    CHECK(merge_request_match("$CI_MERGE_REQUEST_IID") == GlMrMatch::merge_request);
    CHECK(merge_request_match("$CI_MERGE_REQUEST_IID == null") == GlMrMatch::other);
    CHECK(merge_request_match("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH") == GlMrMatch::other);
    CHECK(merge_request_match("$CI_COMMIT_TAG") == GlMrMatch::other);
    CHECK(merge_request_match(R"($DEPLOY == "true")") == GlMrMatch::any);
    CHECK(merge_request_match(R"($CI_COMMIT_TAG || $CI_PIPELINE_SOURCE == "merge_request_event")") == GlMrMatch::merge_request);
    CHECK(merge_request_match(R"($CI_COMMIT_BRANCH && $CI_PIPELINE_SOURCE == "merge_request_event")") == GlMrMatch::other);
    CHECK(merge_request_match(R"(($CI_PIPELINE_SOURCE == "merge_request_event"))") == GlMrMatch::merge_request);
}

TEST_CASE("GitLab model: image references") {
    GlImageRef r = parse_image("registry.example.com:5000/team/app:1.2@sha256:abc");
    CHECK(r.name == "registry.example.com:5000/team/app");
    CHECK(r.tag == "1.2");
    CHECK(r.digest == "sha256:abc");
    r = parse_image("registry.example.com:5000/team/app");
    CHECK(r.tag.empty());
    CHECK(parse_image("alpine").name == "alpine");
}

TEST_CASE("GitLab model: YAML merge keys (<<: *template) give a job the template's keywords") {
    auto doc = load(R"(.mr: &mr
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  services: [redis:7]
.more: &more
  <<: *mr
  script: [make]
job:
  <<: *more
  image: ruby:3.3
other:
  <<: [*mr]
  script: [make test]
)");
    const auto* p = doc->model_as<GlPipeline>();
    REQUIRE(p != nullptr);
    const GlJob* job = p->job("job");
    REQUIRE(job != nullptr);
    CHECK(job->rules != nullptr);
    CHECK(job->script.lines.size() == 1);
    CHECK(runs_in_merge_requests(*p, *job) == GlMrRun::explicit_rule);
    CHECK(runs_in_merge_requests(*p, *p->job("other")) == GlMrRun::explicit_rule);
    // The merged services are written once, and listed once.
    std::size_t services = 0;
    for (const GlImage& image : p->images) services += image.service ? 1 : 0;
    CHECK(services == 1);
}

TEST_CASE("GitLab model: which jobs workflow:rules put in merge request pipelines") {
    auto doc = load(R"(workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH
plain:
  script: [make]
except-only:
  except: [tags]
  script: [make]
branch-only:
  only: [main]
  script: [make]
catch-all:
  rules:
    - when: always
  script: [make]
)");
    const auto* p = doc->model_as<GlPipeline>();
    REQUIRE(p != nullptr);
    CHECK(p->workflow_merge_requests);
    CHECK(runs_in_merge_requests(*p, *p->job("plain")) == GlMrRun::by_workflow);
    CHECK(runs_in_merge_requests(*p, *p->job("except-only")) == GlMrRun::no);
    CHECK(runs_in_merge_requests(*p, *p->job("branch-only")) == GlMrRun::no);
    CHECK(runs_in_merge_requests(*p, *p->job("catch-all")) == GlMrRun::by_workflow);
}
