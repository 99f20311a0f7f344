#include <doctest/doctest.h>

#include "tests/syntax_test_support.hpp"

using namespace handoff;
using namespace handoff::test;

TEST_CASE("toml: tables, inline tables and arrays of tables are located") {
    std::string text =
        "# codex\n"                                                      // 1
        "model = \"o3\"\n"                                               // 2
        "\"\xC3\xA9 k\" = 'lit'\n"                                       // 3
        "[mcp_servers.github]\n"                                         // 4
        "command = \"npx\"\n"                                            // 5
        "env = { GITHUB_TOKEN = \"ghp_x\\u00e9\", n = 3 }\n"             // 6
        "args = [\"-y\", \"srv\"]\n"                                     // 7
        "[[hooks]]\n"                                                    // 8
        "name = \"a\"\n"                                                 // 9
        "[[hooks]]\n"                                                    // 10
        "name = \"\"\"\n"                                                // 11
        "multi\"\"\"\n"                                                  // 12
        "when = 1979-05-27T07:32:00Z\n";                                 // 13
    ParseResult r = parse_toml(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    const Node& root = *r.root;
    REQUIRE(root.children.size() == 4);
    CHECK(root.children[0].key == "model");  // source order, not toml++'s sorted order
    CHECK(root.children[1].key == "\xC3\xA9 k");
    CHECK(where(text, root.children[1].key_span) == "3:1-3:6");
    CHECK(where(text, root.children[1].span) == "3:9-3:14");

    const Node* token = root.get({"mcp_servers", "github", "env", "GITHUB_TOKEN"});
    REQUIRE(token);
    CHECK(token->value == "ghp_x\xC3\xA9");
    CHECK(where(text, token->key_span) == "6:9-6:21");
    CHECK(where(text, token->span) == "6:24-6:37");
    const Node* env = root.get({"mcp_servers", "github", "env"});
    CHECK(written(text, env->span) == "{ GITHUB_TOKEN = \"ghp_x\\u00e9\", n = 3 }");
    CHECK(env->find("n")->type == ScalarType::number);
    const Node* args = root.get({"mcp_servers", "github", "args"});
    REQUIRE(args);
    CHECK(args->is_seq());
    CHECK(where(text, args->children.at(1).span) == "7:15-7:20");

    const Node* hooks = root.find("hooks");
    REQUIRE(hooks);
    REQUIRE(hooks->children.size() == 2);
    const Node* name = hooks->children[1].find("name");
    REQUIRE(name);
    CHECK(name->value == "multi");
    CHECK(where(text, name->span) == "11:8-12:9");
    CHECK(written(text, hooks->children[1].find("when")->span) == "1979-05-27T07:32:00Z");
}

TEST_CASE("toml: malformed input gives a parse problem at its position") {
    std::string text = "a = 1\nb = = 2\n";
    ParseResult r = parse_toml(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].kind == DiagnosticKind::parse_error);
    CHECK(at(text, r.problems[0].offset) == "2:5");
}

TEST_CASE("toml: deep nesting is refused, not a crash") {
    CHECK_FALSE(parse_toml("a = " + repeat("[", 100'000)).problems.empty());
    CHECK_FALSE(parse_toml("x = " + repeat("{a = ", 100'000)).problems.empty());
    ParseResult dotted = parse_toml(repeat("a.", 100'000) + "a = 1\n");
    CHECK(has_problem(dotted, DiagnosticKind::limit));
    ParseResult header = parse_toml("[" + repeat("a.", 100'000) + "a]\nx = 1\n");
    CHECK(has_problem(header, DiagnosticKind::limit));
    CHECK(parse_toml(repeat("a.", 50) + "a = 1.5\n").problems.empty());
}

TEST_CASE("toml: non-UTF-8 and NUL bytes are parse problems") {
    CHECK_FALSE(parse_toml("a = \"x\xFF\"\n").problems.empty());
    CHECK_FALSE(parse_toml(std::string("a = \"x\0\"\n", 9)).problems.empty());
}

TEST_CASE("toml: a 5 MB single line parses with the right span") {
    std::string text = "k = \"" + std::string(5'000'000, 'a') + "\"";
    ParseResult r = parse_toml(text);
    REQUIRE(r.root);
    CHECK(r.root->find("k")->span == Span{4, static_cast<std::uint32_t>(text.size())});
}
