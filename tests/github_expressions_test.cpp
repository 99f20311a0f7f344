// The `${{ }}` reader and the `uses:` parser: what contexts an expression reads, where
// it is, and how much an outsider controls it.
#include <doctest/doctest.h>

#include <algorithm>

#include "parsers/loaders/github_expressions.hpp"
#include "parsers/loaders/github_model.hpp"

using namespace handoff;

namespace {
std::vector<std::string> paths(const Expression& e) {
    std::vector<std::string> out;
    for (const ContextRead& r : e.reads) out.push_back(r.path);
    return out;
}
bool reads(const Expression& e, std::string_view path) {
    auto p = paths(e);
    return std::find(p.begin(), p.end(), path) != p.end();
}
} // namespace

TEST_CASE("expressions are found with their offsets, also next to text and each other") {
    std::string text = "echo ${{ secrets.NPM_TOKEN }}-${{github.head_ref}} done";
    auto exprs = find_expressions(text);
    REQUIRE(exprs.size() == 2);
    CHECK(text.substr(exprs[0].begin, exprs[0].end - exprs[0].begin) == "${{ secrets.NPM_TOKEN }}");
    CHECK(exprs[0].body == "secrets.NPM_TOKEN");
    CHECK(exprs[0].reads.at(0).last_name == "NPM_TOKEN");
    CHECK(reads(exprs[1], "github.head_ref"));
}

TEST_CASE("property chains: index literals, wildcards, computed indices and functions") {
    auto e = parse_expression_body("toJSON(secrets) || secrets['Deploy_Key'] || github.event.commits[0].message");
    CHECK(reads(e, "secrets"));
    CHECK(reads(e, "secrets.deploy_key"));
    CHECK(reads(e, "github.event.commits.*.message"));
    CHECK(e.functions == std::vector<std::string>{"tojson"});
    auto computed = parse_expression_body("secrets[format('{0}_TOKEN', inputs.env)]");
    REQUIRE(!computed.reads.empty());
    CHECK(computed.reads[0].computed_index);
    CHECK(reads(computed, "inputs.env"));
    // A string literal holding braces or a context name is not a read.
    auto literal = parse_expression_body("contains('secrets.X }}', github.ref) && true");
    CHECK(paths(literal) == std::vector<std::string>{"github.ref"});
}

TEST_CASE("a brace pair inside a string literal does not end the expression") {
    auto exprs = find_expressions("${{ format('{{0}} {0}', github.event.issue.title) }} tail");
    REQUIRE(exprs.size() == 1);
    CHECK(reads(exprs[0], "github.event.issue.title"));
    auto open = find_expressions("echo ${{ github.head_ref");
    REQUIRE(open.size() == 1);
    CHECK(open[0].end == std::string_view("echo ${{ github.head_ref").size());
}

TEST_CASE("taint: outsider text, caller inputs, and safe identifiers") {
    CHECK(context_taint("github.event.issue.title") == Taint::outsider);
    CHECK(context_taint("github.event.pull_request.head.ref") == Taint::outsider);
    CHECK(context_taint("github.head_ref") == Taint::outsider);
    CHECK(context_taint("github.event.commits.*.message") == Taint::outsider);
    CHECK(context_taint("github.event") == Taint::outsider);  // toJSON(github.event)
    CHECK(context_taint("inputs.name") == Taint::caller);
    CHECK(context_taint("github.event.inputs.name") == Taint::caller);
    CHECK(context_taint("github.event.pull_request.head.sha") == Taint::none);
    CHECK(context_taint("github.event.issue.number") == Taint::none);
    CHECK(context_taint("github.sha") == Taint::none);
    // Text fields of any payload, found by their name.
    CHECK(context_taint("github.event.check_suite.head_branch") == Taint::outsider);
    CHECK(context_taint("github.event.label.name") == Taint::outsider);
    CHECK(context_taint("github.event.issue.labels.*.name") == Taint::outsider);
    CHECK(context_taint("github.event.pull_request.labels.*.name") == Taint::outsider);
    CHECK(context_taint("github.event.workflow_run.head_commit.committer.name") == Taint::outsider);
    CHECK(context_taint("github.event.answer.body") == Taint::outsider);
    CHECK(context_taint("github.event.merge_group.head_commit.message") == Taint::outsider);
    // Look-alikes maintainers or GitHub write: quiet.
    CHECK(context_taint("github.event.repository.description") == Taint::none);
    CHECK(context_taint("github.event.pull_request.base.ref") == Taint::none);
    CHECK(context_taint("github.event.milestone.title") == Taint::none);
    CHECK(context_taint("github.event.inputs.message") == Taint::caller);
    CHECK(context_taint("github.event.pull_request.user.login") == Taint::none);
    CHECK(context_taint("github.event.repository.name") == Taint::none);
    CHECK(context_taint("github.event.release.tag_name") == Taint::none);
    CHECK(context_taint("steps.meta.outputs.tags") == Taint::none);
    CHECK(context_starts_with("secrets.x", "secrets"));
    CHECK(!context_starts_with("secretsx", "secrets"));
}

TEST_CASE("expressions that can only be true or false carry no text") {
    CHECK(yields_boolean("contains(github.event.pull_request.labels.*.name, 'ci')"));
    CHECK(yields_boolean("github.event.issue.title == 'x'"));
    CHECK(yields_boolean("!startsWith(github.head_ref, 'release/')"));
    CHECK(yields_boolean("github.event.comment.body != ''"));
    // A ternary picks one of its operands; a call inside a string is still a string.
    CHECK_FALSE(yields_boolean("github.event.issue.title == '' && 'none' || github.event.issue.title"));
    CHECK_FALSE(yields_boolean("github.event.issue.title"));
    CHECK_FALSE(yields_boolean("format('{0}', contains(a, b))"));
    CHECK_FALSE(yields_boolean("contains(a, b) && github.head_ref"));
    CHECK_FALSE(yields_boolean("toJSON(github.event)"));
    CHECK_FALSE(yields_boolean("'a == b'"));
}

TEST_CASE("uses: repositories, sub-paths, local and docker references") {
    GhUses a = parse_uses("Actions/Checkout@v4");
    CHECK(a.kind == GhUses::Kind::repository);
    CHECK(uses_slug(a) == "actions/checkout");
    CHECK(a.ref == "v4");
    GhUses wf = parse_uses("org/repo/.github/workflows/build.yml@main");
    CHECK(wf.path == ".github/workflows/build.yml");
    CHECK(parse_uses("./.github/actions/setup").kind == GhUses::Kind::local);
    CHECK(parse_uses("$/.github/workflows/plan.yml").path == ".github/workflows/plan.yml");
    GhUses d = parse_uses("docker://ghcr.io/org/img:1.2");
    CHECK(d.kind == GhUses::Kind::docker);
    CHECK(d.ref == "1.2");
    CHECK(parse_uses("docker://localhost:5000/img").ref.empty());
    CHECK(parse_uses("nonsense").kind == GhUses::Kind::invalid);
    CHECK(is_full_sha("a284dc1814e3fd07f2e34267fc8f81227ed29fb8"));
    CHECK(!is_full_sha("a284dc1"));
}
