#include <doctest/doctest.h>

#include "tests/syntax_test_support.hpp"

using namespace handoff;
using namespace handoff::test;

TEST_CASE("dotenv: quoting, export, comments and CRLF") {
    std::string text =
        "# c\r\n"                    // 1
        "export A=1\r\n"             // 2
        "B = \"x\\ny\" # c\r\n"      // 3
        "C='lit $x'\r\n"             // 4
        "D=plain value # comment\r\n"  // 5
        "E=a#b\r\n"                  // 6
        "F=\"multi\r\n"              // 7
        "line\"\r\n"                 // 8
        "G: not dotenv\r\n"          // 9
        "H=\r\n"                     // 10
        "\r\n"                       // 11
        "   I = spaced   \n";        // 12
    ParseResult r = parse_dotenv(text);
    CHECK(r.problems.empty());
    REQUIRE(r.root);
    const Node& root = *r.root;
    CHECK(root.children.size() == 8);
    CHECK(root.find("G") == nullptr);

    const Node* a = root.find("A");
    REQUIRE(a);
    CHECK(where(text, a->key_span) == "2:8-2:9");
    CHECK(where(text, a->span) == "2:10-2:11");
    const Node* b = root.find("B");
    CHECK(b->value == "x\ny");
    CHECK(where(text, b->span) == "3:5-3:11");
    CHECK(root.find("C")->value == "lit $x");
    CHECK(written(text, root.find("C")->span) == "'lit $x'");
    CHECK(root.find("D")->value == "plain value");
    CHECK(where(text, root.find("D")->span) == "5:3-5:14");
    CHECK(root.find("E")->value == "a#b");
    const Node* f = root.find("F");
    CHECK(f->value == "multi\nline");
    CHECK(where(text, f->span) == "7:3-8:6");
    CHECK(root.find("H")->value.empty());
    CHECK(at(text, root.find("H")->span.begin) == "10:3");
    CHECK(where(text, root.find("I")->key_span) == "12:4-12:5");
    CHECK(where(text, root.find("I")->span) == "12:8-12:14");
}

TEST_CASE("dotenv: an unterminated quote reads as the rest of the line") {
    std::string text = "A=\"open\nB=2\n";
    ParseResult r = parse_dotenv(text);
    REQUIRE(r.root);
    CHECK(r.root->find("A")->value == "\"open");
    CHECK(r.root->find("B")->value == "2");
}

TEST_CASE("dotenv: a file that is mostly not assignments is reported") {
    std::string text = "A=1\nthis is prose\nand more prose\n{ \"json\": true }\n";
    ParseResult r = parse_dotenv(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(at(text, r.problems[0].offset) == "2:1");
    CHECK(parse_dotenv("A=1\nB=2\nstray\n").problems.empty());
}

TEST_CASE("dotenv: non-UTF-8, NUL bytes and a 5 MB line") {
    std::string text("A=x\xFF\0y\nB=2\n", 11);
    ParseResult r = parse_dotenv(text);
    REQUIRE(r.root);
    CHECK(r.root->find("A")->value.size() == 4);
    CHECK(r.root->find("B")->value == "2");
    std::string big = "K=" + std::string(5'000'000, 'a');
    ParseResult b = parse_dotenv(big);
    REQUIRE(b.root);
    CHECK(b.root->find("K")->span == Span{2, static_cast<std::uint32_t>(big.size())});
}
