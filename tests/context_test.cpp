// Context lines shown in reports never carry a secret: neither the finding's own nor a
// neighbour's.
#include <doctest/doctest.h>

#include "core/context.hpp"

using namespace handoff;

TEST_CASE("context lines mask every secret span and every value under a secret-like name") {
    SourceFile file("app.env",
                    "# settings\n"
                    "PORT=8080\n"
                    "API_TOKEN=tok_9f8e7d6c5b4a39281706\n"
                    "OTHER=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
                    "NAME=demo\n");
    Finding token;
    token.rule = "github-token";
    token.family = Family::embedded_token;
    token.location = {"app.env", 4, 7, 4, 47, "OTHER"};
    Finding other;
    other.rule = "some-rule";
    other.family = Family::unsafe_permission;
    other.location = {"app.env", 2, 1, 2, 5, "PORT"};
    std::vector<Finding> findings{token, other};
    attach_context(file, findings);

    REQUIRE(findings[0].context.size() == 5);  // lines 2 to 6: two either side of line 4
    for (const Finding& f : findings) {
        for (const ContextLine& l : f.context) {
            CAPTURE(l.text);
            CHECK(l.text.find("tok_9f8e7d6c5b4a39281706") == std::string::npos);
            CHECK(l.text.find("ghp_abcdefghij") == std::string::npos);
        }
    }
    CHECK(findings[1].context.front().line == 1);
    CHECK(findings[1].context[1].text == "PORT=8080");
    CHECK(findings[0].context[3].text == "NAME=demo");
    CHECK(findings[0].context[2].text.find("OTHER=") == 0);
}
