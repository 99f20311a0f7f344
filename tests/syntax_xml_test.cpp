#include <doctest/doctest.h>

#include "tests/syntax_test_support.hpp"

using namespace handoff;
using namespace handoff::test;

TEST_CASE("xml: elements, attributes and text are located") {
    std::string text =
        "<?xml version=\"1.0\"?>\n"                                  // 1
        "<!DOCTYPE s [<!ENTITY x \"boom\">]>\n"                      // 2
        "<settings>\n"                                               // 3
        "  <servers>\n"                                              // 4
        "    <server id=\"r1\" type = 'a&amp;b'>\n"                  // 5
        "      <username>bob</username>\n"                           // 6
        "      <password> s&lt;cret </password>\n"                   // 7
        "      <e/>\n"                                               // 8
        "    </server>\n"                                            // 9
        "    <server><id>r2</id></server>\n"                         // 10
        "  </servers>\n"                                             // 11
        "  <note lang=\"en\">hi &amp; bye<![CDATA[<raw>]]></note>\n"  // 12
        "  <ent>&x;</ent>\n"                                         // 13
        "</settings>\n";
    ParseResult r = parse_xml(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    REQUIRE(r.root->children.size() == 1);
    const Node& settings = r.root->children[0];
    CHECK(settings.key == "settings");
    CHECK(where(text, settings.key_span) == "3:2-3:10");
    CHECK(where(text, settings.span) == "3:1-14:12");

    const Node* servers = settings.find("servers");
    REQUIRE(servers);
    REQUIRE(servers->children.size() == 2);  // duplicates kept in order
    const Node& first = servers->children[0];
    CHECK(where(text, first.span) == "5:5-9:14");
    const Node* id = first.find("@id");
    REQUIRE(id);
    CHECK(id->value == "r1");
    CHECK(where(text, id->key_span) == "5:13-5:15");
    CHECK(where(text, id->span) == "5:16-5:20");
    const Node* type = first.find("@type");
    REQUIRE(type);
    CHECK(type->value == "a&b");
    CHECK(written(text, type->span) == "'a&amp;b'");

    const Node* password = first.find("password");
    REQUIRE(password);
    CHECK(password->is_scalar());
    CHECK(password->value == "s<cret");
    CHECK(where(text, password->key_span) == "7:8-7:16");
    CHECK(where(text, password->span) == "7:18-7:27");
    CHECK(first.find("username")->value == "bob");
    CHECK(first.find("e")->is_scalar());
    CHECK(first.find("e")->value.empty());
    CHECK(servers->children[1].find("id")->value == "r2");

    const Node* note = settings.find("note");
    REQUIRE(note);
    CHECK(note->is_map());
    const Node* note_text = note->find("#text");
    REQUIRE(note_text);
    CHECK(note_text->value == "hi & bye<raw>");
    CHECK(at(text, note_text->span.begin) == "12:19");

    // DTD entities are never expanded.
    CHECK(settings.find("ent")->value == "&x;");
}

TEST_CASE("xml: malformed input gives a parse problem at its offset") {
    std::string text = "<a>\n  <b></a>\n";
    ParseResult r = parse_xml(text);
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].kind == DiagnosticKind::parse_error);
    CHECK(LineIndex(text).position(r.problems[0].offset).line == 2);
}

TEST_CASE("xml: 100,000 nested elements are bounded") {
    ParseResult r = parse_xml(repeat("<a>", 100'000) + repeat("</a>", 100'000));
    CHECK(has_problem(r, DiagnosticKind::limit));
    REQUIRE(r.root);
    CHECK(tree_size(*r.root) < 1'000);
    ParseResult open = parse_xml(repeat("<a>", 100'000));
    CHECK_FALSE(open.problems.empty());
}

TEST_CASE("xml: non-UTF-8 and NUL bytes do not crash") {
    std::string text = "<a><b>x\xFF\xFEy</b></a>";
    ParseResult r = parse_xml(text);
    REQUIRE(r.root);
    CHECK(written(text, r.root->get({"a", "b"})->span) == "x\xFF\xFEy");
    std::string nul("<a><b>x\0y</b></a>", 17);
    ParseResult n = parse_xml(nul);
    CHECK_FALSE(n.problems.empty());
}

TEST_CASE("xml: a 5 MB single line parses with the right span") {
    std::string text = "<a>" + std::string(5'000'000, 'x') + "</a>";
    ParseResult r = parse_xml(text);
    REQUIRE(r.root);
    CHECK(r.root->find("a")->span == Span{3, 5'000'003});
}

TEST_CASE("xml: a declaration with a broken encoding never puts a problem past the input") {
    // Found by parse_fuzzer: pugixml reported an offset in its converted buffer.
    std::string text = "<?xml version=\"1.0\" en3v\x06\xebng=\"TFUTF-8\"?>\n<settings xmlns=\"http://x\n    secrets: ine\" b\n    ";
    ParseResult r = parse(Syntax::xml, text);
    REQUIRE_FALSE(r.problems.empty());
    for (const ParseProblem& p : r.problems) CHECK(p.offset <= text.size());
}
