#include <doctest/doctest.h>

#include "core/location.hpp"
#include "core/redact.hpp"
#include "core/sha256.hpp"
#include "core/suppress.hpp"
#include "core/tree.hpp"

using namespace handoff;

TEST_CASE("sha256 matches the published test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("line index gives 1-based lines and code-point columns") {
    std::string text = "ab\nc\xC3\xA9" "d\n\nxyz";
    LineIndex index(text);
    CHECK(index.position(0) == Position{1, 1});
    CHECK(index.position(1) == Position{1, 2});
    CHECK(index.position(3) == Position{2, 1});
    CHECK(index.position(6) == Position{2, 3});  // after the two-byte é
    CHECK(index.position(8) == Position{3, 1});
    CHECK(index.position(9) == Position{4, 1});
    CHECK(index.line_text(2) == "c\xC3\xA9" "d");
    CHECK(index.line_count() == 4);
}

TEST_CASE("redaction never shows more than 4 leading and 2 trailing characters") {
    std::string secret = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
    std::string shown = redact(secret);
    CHECK(shown.find("sk-p") == 0);
    CHECK(shown.find("89 (") != std::string::npos);
    CHECK(shown.find("abcdefgh") == std::string::npos);
    CHECK(redact("hunter2") .find("hu") == std::string::npos);
    CHECK(redact_within("key=" + secret + ";", secret).find(secret) == std::string::npos);
}

TEST_CASE("node paths print keys and indices") {
    NodePath p;
    p.push(std::string_view("jobs"));
    p.push(std::string_view("build"));
    p.push(std::string_view("steps"));
    p.push(std::size_t{2});
    p.push(std::string_view("env"));
    p.push(std::string_view("API_KEY"));
    CHECK(p.str() == "jobs.build.steps[2].env.API_KEY");
    NodePath q;
    q.push(std::string_view("a b"));
    q.push(std::string_view("c.d"));
    CHECK(q.str() == "[\"a b\"][\"c.d\"]");
    CHECK(p.last_key() == "API_KEY");
}

TEST_CASE("inline ignores: which rules they cover, their reason and where it is written") {
    SourceFile file("a.yml", "x: 1  # handoff: ignore[rule-a, rule-b] sample data\n"
                             "y: 2\n"
                             "<!-- handoff: ignore -->\n"
                             "z: 3\n");
    Finding f;
    f.rule = "rule-b";
    f.location.line = 2;
    std::optional<Suppression> s = InlineIgnores(file).match(f);
    REQUIRE(s.has_value());
    CHECK(s->kind == SuppressionKind::inline_ignore);
    CHECK(s->justification == "sample data");
    CHECK(s->written_at.path == "a.yml");
    CHECK(s->written_at.line == 1);
    CHECK(s->written_at.column == 9);
    f.rule = "rule-c";
    CHECK(!InlineIgnores(file).covers(f));
    f.location.line = 4;  // the bare marker above covers every rule, and gives no reason
    s = InlineIgnores(file).match(f);
    REQUIRE(s.has_value());
    CHECK(s->justification.empty());
    CHECK(inline_reason(" ignore[x] \"kept for the demo\",") == "kept for the demo");
    CHECK(inline_reason("ignore[x] test key */") == "test key");
    CHECK(inline_reason("ignore - not committed -->") == "not committed");
    CHECK(inline_reason("nothing to see").empty());
}
