#include <doctest/doctest.h>

#include "tests/syntax_test_support.hpp"

using namespace handoff;
using namespace handoff::test;

TEST_CASE("json: keys and values are located, escapes decoded, duplicates kept") {
    std::string text =
        "{\n"                                                         // 1
        "  // comment\n"                                              // 2
        "  \"name\": \"a\\\"b\\\\\\\\\",\n"                           // 3
        "  \"esc\": \"\\u00e9\\ud83d\\ude00x\", /* c */ \"n\": -1.5e3,\n"  // 4
        "  \"t\": true, \"z\": null,\n"                               // 5
        "  \"arr\": [1, \"two\", {\"k\": \"v\",},],\n"                // 6
        "  \"name\": 7\n"                                             // 7
        "}\n";
    ParseResult r = parse_json(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    const Node& root = *r.root;
    CHECK(where(text, root.span) == "1:1-8:2");

    const Node* name = root.find("name");
    REQUIRE(name);
    CHECK(name->value == "a\"b\\\\");
    CHECK(where(text, name->key_span) == "3:3-3:9");
    CHECK(where(text, name->span) == "3:11-3:21");
    CHECK(written(text, name->span) == "\"a\\\"b\\\\\\\\\"");

    const Node* esc = root.find("esc");
    REQUIRE(esc);
    CHECK(esc->value == "\xC3\xA9\xF0\x9F\x98\x80x");
    CHECK(where(text, esc->span) == "4:10-4:31");

    const Node* n = root.find("n");
    REQUIRE(n);
    CHECK(n->type == ScalarType::number);
    CHECK(n->value == "-1.5e3");
    CHECK(where(text, n->key_span) == "4:41-4:44");
    CHECK(where(text, n->span) == "4:46-4:52");

    CHECK(root.find("t")->type == ScalarType::boolean);
    CHECK(where(text, root.find("t")->span) == "5:8-5:12");
    CHECK(root.find("z")->type == ScalarType::null);
    CHECK(where(text, root.find("z")->span) == "5:19-5:23");

    const Node* arr = root.find("arr");
    REQUIRE(arr);
    CHECK(written(text, arr->span) == "[1, \"two\", {\"k\": \"v\",},]");
    REQUIRE(arr->children.size() == 3);
    CHECK(where(text, arr->children[0].span) == "6:11-6:12");
    CHECK(where(text, arr->children[2].find("k")->span) == "6:27-6:30");

    std::size_t names = 0;
    for (const Node& child : root.children) names += child.key == "name" ? 1 : 0;
    CHECK(names == 2);
    CHECK(where(text, root.children.back().span) == "7:11-7:12");
}

TEST_CASE("json: a number at the end of input and a scalar root") {
    std::string text = "12";
    ParseResult r = parse_json(text);
    REQUIRE(r.root);
    CHECK(r.root->span == Span{0, 2});
    CHECK(r.root->value == "12");
}

TEST_CASE("json: a string with a code point before it keeps code-point columns") {
    std::string text = "{\"\xC3\xA9\": \"x\\\\\"}";
    ParseResult r = parse_json(text);
    REQUIRE(r.root);
    const Node& member = r.root->children.at(0);
    CHECK(member.key == "\xC3\xA9");
    CHECK(where(text, member.key_span) == "1:2-1:5");
    CHECK(where(text, member.span) == "1:7-1:12");
    CHECK(member.value == "x\\");
}

TEST_CASE("json: commas inside strings are not mistaken for trailing commas") {
    std::string text = "{\"a\": \",]\", \"b\": [1,],}";
    ParseResult r = parse_json(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    CHECK(r.root->find("a")->value == ",]");
    CHECK(r.root->find("b")->children.size() == 1);
}

TEST_CASE("json: malformed input gives a parse problem at the offending byte") {
    std::string text = "{\n  \"a\": x\n}";
    ParseResult r = parse_json(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].kind == DiagnosticKind::parse_error);
    CHECK(at(text, r.problems[0].offset) == "2:8");
    CHECK(r.problems[0].message.find("last read") == std::string::npos);

    std::string truncated = "{\"a\": 1";
    ParseResult t = parse_json(truncated);
    REQUIRE_FALSE(t.problems.empty());
    CHECK(t.problems[0].offset == truncated.size());
    REQUIRE(t.root);  // what was read before the error is kept
    CHECK(t.root->find("a") != nullptr);
}

TEST_CASE("json: 100,000 nested brackets stop at the depth limit") {
    ParseResult r = parse_json(repeat("[", 100'000));
    CHECK(has_problem(r, DiagnosticKind::limit));
    ParseResult closed = parse_json(repeat("[", 100'000) + repeat("]", 100'000));
    CHECK(has_problem(closed, DiagnosticKind::limit));
    ParseResult objects = parse_json(repeat("{\"a\":", 100'000));
    CHECK(has_problem(objects, DiagnosticKind::limit));
    ParseResult fine = parse_json(repeat("[", 200) + repeat("]", 200));
    CHECK(fine.problems.empty());
}

TEST_CASE("json: invalid UTF-8 and NUL bytes are parse problems") {
    std::string bad = "{\"a\": \"\xFF\"}";
    ParseResult r = parse_json(bad);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].offset == 7);
    std::string nul("{\"a\": \"x\0y\"}", 12);
    ParseResult n = parse_json(nul);
    REQUIRE_FALSE(n.problems.empty());
    CHECK(n.problems[0].offset == 8);
}

TEST_CASE("json: a 5 MB single line parses with the right span") {
    std::string text = "{\"k\": \"" + std::string(5'000'000, 'a') + "\"}";
    ParseResult r = parse_json(text);
    REQUIRE(r.root);
    CHECK(r.root->find("k")->span == Span{6, static_cast<std::uint32_t>(text.size() - 1)});
}
