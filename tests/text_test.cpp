// core/text: the one home of the small text helpers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text.hpp"

using namespace handoff;

TEST_CASE("text: case folding, search and trimming are ASCII and byte-exact") {
    CHECK(lower("GitHub_TOKEN \xC3\x89") == "github_token \xC3\x89");
    CHECK(iequals("Bearer", "bEARER"));
    CHECK_FALSE(iequals("Bearer", "Bearers"));
    CHECK(contains("jobs.build", "build"));
    CHECK(icontains("X-API-Key", "api-key"));
    CHECK(icontains("anything", ""));
    CHECK_FALSE(icontains("token", "tokens"));
    CHECK(trim("\t value \r\n") == "value");
    CHECK(trim(" \"quoted\" ", " \"") == "quoted");
    CHECK(trim("   ").empty());
}

TEST_CASE("text: lines are visited with their offsets, without their newline") {
    std::vector<std::pair<std::string, std::size_t>> seen;
    for_each_line("a\r\n\nlast", [&](std::string_view line, std::size_t at) { seen.emplace_back(line, at); });
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == std::pair<std::string, std::size_t>{"a\r", 0});
    CHECK(seen[1] == std::pair<std::string, std::size_t>{"", 3});
    CHECK(seen[2] == std::pair<std::string, std::size_t>{"last", 4});
}

TEST_CASE("text: line bounds never look past their floor or ceiling") {
    std::string_view text = "one\ntwo words\nthree";
    CHECK(line_start(text, 8) == 4);
    CHECK(line_start(text, 4) == 4);
    CHECK(line_start(text, 3) == 0);
    CHECK(line_start(text, 0) == 0);
    CHECK(line_start(text, 8, 6) == 6);   // the line starts before the floor
    CHECK(line_start(text, 16, 6) == 14);
    CHECK(line_end(text, 5) == 13);
    CHECK(line_end(text, 5, 9) == 9);     // the line runs past the ceiling
    CHECK(line_end(text, 15) == text.size());
    CHECK(line_end(text, 13) == 13);
}
