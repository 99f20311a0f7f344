#include <doctest/doctest.h>

#include "tests/syntax_test_support.hpp"
#include "tests/support.hpp"
#include <algorithm>

using namespace handoff;
using namespace handoff::test;

TEST_CASE("yaml: keys and values are located by line and column") {
    std::string text =
        "name: CI\n"                       // 1
        "on:\n"                            // 2
        "  push:\n"                        // 3
        "    branches: [main, \"dev\"]\n"  // 4
        "env:\n"                           // 5
        "  TOKEN: 'it''s'\n"               // 6
        "  KEY: \"a\\\"b\\u00e9\"\n"       // 7
        "empty:\n"                         // 8
        "num: 42\n"                        // 9
        "flag: true\n";                    // 10
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    CHECK(r.problems.empty());
    const Node& root = *r.root;
    const Node* name = root.find("name");
    REQUIRE(name);
    CHECK(where(text, name->key_span) == "1:1-1:5");
    CHECK(where(text, name->span) == "1:7-1:9");
    CHECK(name->value == "CI");

    const Node* branches = root.get({"on", "push", "branches"});
    REQUIRE(branches);
    CHECK(branches->is_seq());
    CHECK(where(text, branches->key_span) == "4:5-4:13");
    CHECK(written(text, branches->span) == "[main, \"dev\"]");
    REQUIRE(branches->children.size() == 2);
    CHECK(where(text, branches->children[1].span) == "4:22-4:27");
    CHECK(branches->children[1].value == "dev");

    const Node* token = root.get({"env", "TOKEN"});
    REQUIRE(token);
    CHECK(token->value == "it's");
    CHECK(where(text, token->span) == "6:10-6:17");
    const Node* key = root.get({"env", "KEY"});
    REQUIRE(key);
    CHECK(key->value == "a\"b\xC3\xA9");
    CHECK(written(text, key->span) == "\"a\\\"b\\u00e9\"");

    const Node* empty = root.find("empty");
    REQUIRE(empty);
    CHECK(empty->type == ScalarType::null);
    CHECK(at(text, empty->span.begin) == "8:7");
    CHECK(root.find("num")->type == ScalarType::number);
    CHECK(root.find("flag")->type == ScalarType::boolean);
    CHECK(root.find("name")->type == ScalarType::string);
}

TEST_CASE("yaml: literal and folded block scalars span the whole block") {
    std::string text =
        "script: |\n"     // 1
        "  echo one\n"    // 2
        "  echo two\n"    // 3
        "folded: >-\n"    // 4
        "  a\n"           // 5
        "  b\n"           // 6
        "\n"              // 7
        "ind: |2 # c\n"   // 8
        "    two\n"       // 9
        "  one\n"         // 10
        "after: x\n";     // 11
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    const Node* script = r.root->find("script");
    REQUIRE(script);
    CHECK(script->value == "echo one\necho two\n");
    CHECK(where(text, script->span) == "1:9-3:11");
    const Node* folded = r.root->find("folded");
    REQUIRE(folded);
    CHECK(folded->value == "a b");
    CHECK(where(text, folded->span) == "4:9-6:4");
    const Node* ind = r.root->find("ind");
    REQUIRE(ind);
    CHECK(ind->value == "  two\none\n");
    CHECK(where(text, ind->span) == "8:6-10:6");
    CHECK(where(text, r.root->find("after")->span) == "11:8-11:9");
}

TEST_CASE("yaml: plain multi-line scalars, flow maps and tagged, anchored values") {
    std::string text =
        "plain: multi\n"                  // 1
        "  line # c\n"                    // 2
        "fm: {a: 1, b: [x, y], }\n"       // 3
        "seq:\n"                          // 4
        "- &x !!str 5\n";                 // 5
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    const Node* plain = r.root->find("plain");
    CHECK(plain->value == "multi line");
    CHECK(where(text, plain->span) == "1:8-2:7");
    const Node* fm = r.root->find("fm");
    CHECK(fm->is_map());
    CHECK(written(text, fm->span) == "{a: 1, b: [x, y], }");
    CHECK(where(text, fm->find("b")->key_span) == "3:12-3:13");
    CHECK(written(text, fm->find("b")->span) == "[x, y]");
    const Node& five = r.root->find("seq")->children.at(0);
    CHECK(five.type == ScalarType::string);
    CHECK(where(text, five.span) == "5:12-5:13");
}

TEST_CASE("yaml: aliases are expanded copies located at the alias, members at the anchor") {
    std::string text =
        "base: &base\n"      // 1
        "  user: admin\n"    // 2
        "  pass: hunter2\n"  // 3
        "copy: *base\n";     // 4
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    const Node* base = r.root->find("base");
    CHECK(where(text, base->span) == "2:3-3:16");
    const Node* copy = r.root->find("copy");
    REQUIRE(copy);
    CHECK(copy->is_map());
    CHECK(written(text, copy->span) == "*base");
    const Node* pass = copy->find("pass");
    REQUIRE(pass);
    CHECK(pass->value == "hunter2");
    CHECK(where(text, pass->span) == "3:9-3:16");
}

TEST_CASE("yaml: one document is the root, several make a sequence") {
    ParseResult one = parse_yaml("a: 1\n");
    REQUIRE(one.root);
    CHECK(one.root->is_map());
    std::string text = "a: 1\n---\nb: 2\n";
    ParseResult two = parse_yaml(text);
    REQUIRE(two.root);
    REQUIRE(two.root->is_seq());
    REQUIRE(two.root->children.size() == 2);
    CHECK(where(text, two.root->children[1].find("b")->span) == "3:4-3:5");
}

TEST_CASE("yaml: a byte order mark does not shift offsets") {
    std::string text = "\xEF\xBB\xBFkey: value\n";
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    CHECK(written(text, r.root->find("key")->span) == "value");
    CHECK(written(text, r.root->find("key")->key_span) == "key");
}

TEST_CASE("yaml: malformed input gives a parse problem at its place") {
    std::string text = "a: 1\nb: [1, 2\nc: 3\n";
    ParseResult r = parse_yaml(text);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].kind == DiagnosticKind::parse_error);
    CHECK(LineIndex(text).position(r.problems[0].offset).line == 3);

    std::string tabs = "a:\n\tb: 1\n";
    ParseResult t = parse_yaml(tabs);
    REQUIRE_FALSE(t.problems.empty());
    CHECK(LineIndex(tabs).position(t.problems[0].offset).line == 2);
}

TEST_CASE("yaml: billion laughs is bounded and fast") {
    std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    std::string prev = "a";
    for (char c : std::string("bcdefghi")) {
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) text += (i != 0 ? ",*" : "*") + prev;
        text += "]\n";
        prev = std::string(1, c);
    }
    ParseResult r;
    double took = seconds_to([&] { r = parse_yaml(text); });
    CHECK(took < 1.0);
    CHECK(has_problem(r, DiagnosticKind::limit));
    REQUIRE(r.root);
    CHECK(tree_size(*r.root) < 50'000);
    CHECK(tree_size(*r.root) > 1'000);  // expansion happened up to the bound
}

TEST_CASE("yaml: deep nesting is refused, not a crash") {
    ParseResult flow = parse_yaml(repeat("[", 100'000));
    CHECK(has_problem(flow, DiagnosticKind::limit));
    ParseResult closed = parse_yaml(repeat("[", 100'000) + repeat("]", 100'000));
    CHECK(has_problem(closed, DiagnosticKind::limit));
    ParseResult block = parse_yaml(repeat("- ", 100'000) + "x\n");
    CHECK_FALSE(block.problems.empty());
    ParseResult fine = parse_yaml(repeat("[", 100) + repeat("]", 100));
    CHECK(fine.problems.empty());
}

TEST_CASE("yaml: non-UTF-8 and NUL bytes do not crash") {
    std::string text = "a: x\xFF\xFEy\nb: c\n";
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    CHECK(written(text, r.root->find("a")->span) == "x\xFF\xFEy");
    CHECK(written(text, r.root->find("b")->span) == "c");
    std::string nul("a: x\0y\nb: c\n", 12);
    ParseResult n = parse_yaml(nul);
    CHECK_FALSE(n.problems.empty());
}

TEST_CASE("yaml: a 5 MB single line parses with the right span") {
    std::string text = "key: " + std::string(5'000'000, 'a');
    ParseResult r = parse_yaml(text);
    REQUIRE(r.root);
    CHECK(r.root->find("key")->span.end == text.size());
    CHECK(r.root->find("key")->value.size() == 5'000'000);
}

TEST_CASE("yaml: a parser that emits events without end is stopped (fuzzer regression)") {
    // An 18 KB mutated package.json on which yaml-cpp 0.7 emitted nodes until memory ran out.
    std::string text = handoff::testing::read_text(handoff::testing::source_dir() / "tests/data/yaml-runaway-events.yml");
    REQUIRE(text.size() > 10000);
    handoff::ParseResult r = handoff::parse_yaml(text);
    bool stopped = std::any_of(r.problems.begin(), r.problems.end(),
                               [](const handoff::ParseProblem& p) { return p.kind == handoff::DiagnosticKind::limit; });
    CHECK(stopped);
}
