#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "checks/registry.hpp"
#include "checks/tokens/base64.hpp"
#include "checks/tokens/catalog.hpp"
#include "checks/tokens/checksum.hpp"
#include "checks/tokens/engine.hpp"
#include "checks/tokens/entropy.hpp"
#include "checks/tokens/jwt.hpp"
#include "checks/tokens/key_names.hpp"
#include "checks/tokens/literal_set.hpp"
#include "checks/tokens/placeholder.hpp"
#include "checks/tokens/validators.hpp"
#include "core/provider.hpp"
#include "core/text.hpp"

using namespace handoff;
using namespace handoff::tokens;

namespace {
std::vector<TokenMatch> scan_line(std::string_view text) {
    std::vector<TokenMatch> out;
    Engine::instance().scan(text, true, out);
    Engine::resolve_overlaps(out);
    return out;
}

bool fires(std::string_view text, std::string_view rule) {
    auto found = scan_line(text);
    return std::any_of(found.begin(), found.end(), [&](const TokenMatch& m) { return m.rule == rule; });
}
} // namespace

TEST_CASE("CRC32 base62 checksum matches npm's published example") {
    CHECK(crc32("123456789") == 0xCBF43926U);
    CHECK(base62_crc32_valid("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"));
    CHECK_FALSE(base62_crc32_valid("npm_qkJaB6MffYVzZXWqmcoF49yrUxP3wf0LsakQ"));
    CHECK_FALSE(base62_crc32_valid("npm_short"));
}

TEST_CASE("entropy is judged against the value's length and alphabet") {
    CHECK(alphabet_size("0123456789abcdef0123") == 16);
    CHECK(alphabet_size("abcXYZ019") == 62);
    CHECK(looks_random("Jk6Tu7JsODCm9VIXhuD1ARUbwVMAFeKf2WQzUdSq"));
    CHECK(looks_random("ecd14faf53b430eec8c351bd910f9284"));
    CHECK_FALSE(looks_random("aaaaaaaabbbbbbbb"));
    CHECK_FALSE(looks_random("aaaaaaab"));
    CHECK(has_sequential_run("abcdefghijklmnop", 6));
    CHECK_FALSE(has_sequential_run("a1b2c3d4", 3));
}

TEST_CASE("references and placeholders are recognised") {
    for (std::string_view ref : {"${{ secrets.OPENAI_API_KEY }}", "={{ $env.X }}", "${env:TOKEN}", "${input:key}", "${X}",
                                 "$X", "%TOKEN%", "${env.MAVEN_PASSWORD}", "op://vault/item/field", "$(SECRET)",
                                 "arn:aws:secretsmanager:eu-west-1:1:secret:x", "@Microsoft.KeyVault(SecretUri=x)",
                                 "ENC[AES256_GCM,data:abc]", "{HMt+OW8SF9gh36wzI/8uX+AW9aJb6l4T}"}) {
        CAPTURE(ref);
        CHECK(is_reference(ref));
    }
    CHECK_FALSE(is_reference("Jk6Tu7JsODCm9VIXhuD1ARUbwVMAFeKf2WQzUdSq"));
    for (std::string_view ph : {"your-key-here", "changeme", "<token>", "sk-xxxxxxxxxxxx", "********", "...",
                                "dev-only-not-a-secret", "REPLACE_ME", "AKIAIOSFODNN7EXAMPLE", "hunter2-hunter2"}) {
        CAPTURE(ph);
        CHECK(is_placeholder_value(ph));
    }
    CHECK_FALSE(is_placeholder_value("Jf09SPCdUwXu+4jQ1I^c+i"));
}

TEST_CASE("key names: secret-like, password-like and not") {
    CHECK(classify_key("DB_PASSWORD") == KeyClass::password);
    CHECK(classify_key("X-N8N-API-KEY") == KeyClass::secret);
    CHECK(classify_key("apiKey") == KeyClass::secret);
    CHECK(classify_key("Authorization") == KeyClass::secret);
    CHECK(classify_key("AOAI_KEY") == KeyClass::key);
    CHECK(classify_key("secretTraceBucket") == KeyClass::none);
    CHECK(classify_key("API_KEY_PROD") == KeyClass::secret);
    CHECK(classify_key("cache_key") == KeyClass::none);
    CHECK(classify_key("private_key_id") == KeyClass::none);
    CHECK(classify_key("ACCOUNT_SID") == KeyClass::none);
    CHECK(classify_key("checksum") == KeyClass::none);
    CHECK(key_words("X-N8N-API-KEY") == std::vector<std::string>{"x", "n8n", "api", "key"});
    CHECK(key_words("SigningKey") == std::vector<std::string>{"signing", "key"});
}

TEST_CASE("base64 decoding and JWT claims") {
    CHECK(base64_decode("aGVsbG8=").value() == "hello");
    CHECK(base64_decode("aGVsbG8").value() == "hello");
    CHECK_FALSE(base64_decode("a$b").has_value());
    CHECK_FALSE(decode_base64_text("iVBORw0KGgoAAAANSUhEUgAA").has_value());  // PNG bytes, not text
    // {"alg":"HS256","typ":"JWT"}.{"iss":"supabase","role":"anon","exp":1}.sig
    auto claims = decode_jwt("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIiwiZXhwIjoxfQ.c2ln");
    REQUIRE(claims.has_value());
    CHECK(claims->iss == "supabase");
    CHECK(claims->role == "anon");
    CHECK(claims->exp.value() == 1);
    CHECK_FALSE(decode_jwt("eyJub3QiOiJqc29u.x.y").has_value());
}

TEST_CASE("the literal prefilter finds every keyword, case-folded, overlapping") {
    LiteralSet set({"ghp_", "hp_x", "token"});
    std::vector<LiteralSet::Hit> hits;
    set.find_all("a ghp_x TOKEN", hits);
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].offset == 2);
    CHECK(hits[0].keyword == 0);
    CHECK(hits[1].offset == 3);
    CHECK(hits[2].offset == 8);
}

TEST_CASE("a keyword overlapping itself is reported once per keyword length of a run, not once per byte") {
    LiteralSet set({"aaaa", "ab"});
    std::vector<LiteralSet::Hit> hits;
    set.find_all("aaaaaaaaaa ab aaaa", hits);
    REQUIRE(hits.size() == 4);
    CHECK(hits[0].offset == 0);
    CHECK(hits[1].offset == 4);  // once per keyword length along the run
    CHECK(hits[2].keyword == 1);
    CHECK(hits[3].offset == 14);
}

TEST_CASE("the literal prefilter finds what a naive search finds, at every length and split point") {
    const std::vector<std::string> keywords{"ghp_", "hp_x", "token", "sk-ant-api03-", "k", "eyj"};
    LiteralSet set(keywords);
    std::uint32_t seed = 7;
    auto next = [&] { return seed = seed * 1103515245U + 12345U; };
    const std::string pieces[] = {"ghp_", "hp_x", "TOKEN", "sk-ant-api03-", "eyJ", "a", " ", "\n", "x", "_"};
    for (std::size_t length : {0U, 1U, 5U, 200U, 333U, 1000U, 4099U, 20000U}) {
        std::string text;
        while (text.size() < length) text += pieces[next() % std::size(pieces)];
        text.resize(length);
        std::vector<LiteralSet::Hit> hits;
        set.find_all(text, hits);
        std::vector<std::pair<std::size_t, std::uint32_t>> expected;  // ordered by end, then keyword
        std::string folded = text;
        for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::size_t end = 1; end <= folded.size(); ++end) {
            for (std::uint32_t id = 0; id < keywords.size(); ++id) {
                const std::string& kw = keywords[id];
                if (kw.size() <= end && folded.compare(end - kw.size(), kw.size(), kw) == 0) {
                    expected.emplace_back(end - kw.size(), id);
                }
            }
        }
        CAPTURE(length);
        REQUIRE(hits.size() == expected.size());
        auto by_end = [&](std::size_t offset, std::uint32_t id) { return std::make_pair(offset + keywords[id].size(), id); };
        std::vector<std::pair<std::size_t, std::uint32_t>> got;
        for (const auto& h : hits) got.emplace_back(h.offset, h.keyword);
        auto order = [&](const auto& x, const auto& y) { return by_end(x.first, x.second) < by_end(y.first, y.second); };
        CHECK(std::is_sorted(got.begin(), got.end(), [&](const auto& x, const auto& y) {
            return by_end(x.first, x.second).first < by_end(y.first, y.second).first;
        }));
        std::sort(got.begin(), got.end(), order);
        std::sort(expected.begin(), expected.end(), order);
        CHECK(got == expected);
    }
}

TEST_CASE("every catalog regex compiles and every pattern's rule is registered") {
    for (const Pattern& p : patterns()) {
        RE2 re(p.regex, RE2::Quiet);
        CAPTURE(p.regex);
        CHECK(re.ok());
        CHECK(token_rule(p.rule) != nullptr);
        CHECK(re.NumberOfCapturingGroups() <= 1);
    }
    auto rules = token_rules();
    CHECK(std::is_sorted(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; }));
    CHECK(rules.size() >= 45);
}

TEST_CASE("context shapes and the generic rule name registered rules, and the shapes compile") {
    for (const ContextShape& s : context_shapes()) {
        CAPTURE(s.rule);
        CHECK(RE2(s.regex, RE2::Quiet).ok());
        CHECK(token_rule(s.rule) != nullptr);
        CHECK_FALSE(s.hint.empty());
    }
    const RuleInfo* generic = token_rule(generic_rule().rule);
    REQUIRE(generic != nullptr);
    CHECK(generic->fallback);
    CHECK(rule_power("stripe-key") == token_rule("stripe-key")->summary);
    CHECK(rule_power("no-such-rule").empty());
}

TEST_CASE("provider advice: one sorted table, found by id or by a word of a secret's name") {
    auto table = providers();
    CHECK(std::is_sorted(table.begin(), table.end(), [](const ProviderInfo& a, const ProviderInfo& b) { return a.id < b.id; }));
    CHECK(std::adjacent_find(table.begin(), table.end(), [](const ProviderInfo& a, const ProviderInfo& b) { return a.id == b.id; }) ==
          table.end());
    for (const ProviderInfo& p : table) {
        CAPTURE(p.id);
        CHECK(lower(p.id) == p.id);
        CHECK_FALSE(p.name.empty());
        CHECK_FALSE(p.console.empty());
        CHECK((p.url.empty() || p.url.starts_with("https://")));
    }
    REQUIRE(find_provider(table, "OpenAI") != nullptr);
    CHECK(find_provider(table, "OpenAI")->id == "openai");
    CHECK(find_provider(table, "acme") == nullptr);
    REQUIRE(provider_named_in(table, "GH_TOKEN") != nullptr);
    CHECK(provider_named_in(table, "GH_TOKEN")->id == "github");
    CHECK(provider_named_in(table, "my-claude-key")->id == "anthropic");
    CHECK(provider_named_in(table, "GITHUBBER_KEY") == nullptr);
    CHECK(provider_named_in(table, "") == nullptr);
}

TEST_CASE("validators judge a candidate: checksum, private key body, JWT claims") {
    Candidate bad{"ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "", "github-token"};
    CHECK_FALSE(kChecksum.keep(bad));
    // A private key's identity is its body, the same pasted plainly or JSON-escaped.
    std::string body(64, 'A');
    std::string plain_after = "\n" + body + "\n-----END";  // Candidate views its text: keep it alive
    Candidate plain{"-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", plain_after, "private-key"};
    std::string escaped_after = "\\n" + body.substr(0, 32) + "\\n" + body.substr(32) + "\\n-----END";
    Candidate escaped{"-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", escaped_after, "private-key"};
    REQUIRE(kPrivateKey.keep(plain));
    REQUIRE(kPrivateKey.keep(escaped));
    CHECK(plain.identity == escaped.identity);
    CHECK(plain.identity == body);
    Candidate empty{"-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", "\n-----END PRIVATE KEY-----", "private-key"};
    CHECK_FALSE(kPrivateKey.keep(empty));
    CHECK(kPrivateKey.may_follow_letter);
    CHECK(kUrlCredentials.structured);
    CHECK((kJwt.keep != nullptr));
}

TEST_CASE("every catalog regex compiles: RE2 refuses repeats over 1000 and the engine would skip it in silence") {
    for (const Pattern& p : patterns()) {
        CAPTURE(p.rule);
        CAPTURE(p.regex);
        RE2 re(p.regex, RE2::Quiet);
        CHECK(re.ok());
        CHECK(token_rule(p.rule) != nullptr);
        CHECK_FALSE(p.keywords.empty());
    }
    for (const ContextShape& s : context_shapes()) {
        CAPTURE(s.rule);
        RE2 re(s.regex, RE2::Quiet);
        CHECK(re.ok());
        CHECK(token_rule(s.rule) != nullptr);
    }
}

TEST_CASE("per-rule samples: hits fire their rule, look-alikes fire nothing") {
    std::vector<std::string_view> covered;
    for (const RuleSamples& s : rule_samples()) {
        covered.push_back(s.rule);
        CHECK(token_rule(s.rule) != nullptr);
        CHECK_FALSE(s.hits.empty());
        CHECK_FALSE(s.misses.empty());
        for (std::string_view hit : s.hits) {
            CAPTURE(s.rule);
            CAPTURE(hit);
            CHECK(fires(hit, s.rule));
        }
        for (std::string_view miss : s.misses) {
            CAPTURE(s.rule);
            CAPTURE(miss);
            // Default logins are kept by the engine and dropped by the check outside a .env.
            auto found = scan_line(miss);
            CHECK(std::all_of(found.begin(), found.end(), [](const TokenMatch& m) { return m.local_default; }));
        }
    }
    for (const RuleInfo& rule : token_rules()) {
        CAPTURE(rule.id);
        CHECK(std::find(covered.begin(), covered.end(), rule.id) != covered.end());
    }
}

TEST_CASE("a secret inside a longer line is located at its own column") {
    std::string line = "  - git remote add mirror https://oauth2:glpat-jJTu2sng4yOLKixpw8Fx@gitlab.example/x.git";
    auto found = scan_line(line);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "gitlab-token");
    CHECK(line.substr(found[0].span.begin, found[0].span.size()) == "glpat-jJTu2sng4yOLKixpw8Fx");
}

TEST_CASE("severity follows the key's power") {
    auto live = scan_line("k = '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'");
    auto test = scan_line("k = 'sk_test_51urkj1XmIMxm44PjAweJ5F25AGwhPGKJw1eUle1CbPJiEPUDnrdlnZgN9wvmWTWQP0TVdVYYQoERCfWwBgMh4HZJOzo7tBr1jP'");
    REQUIRE(live.size() == 1);
    REQUIRE(test.size() == 1);
    CHECK(live[0].severity > test[0].severity);
    CHECK(live[0].kind != test[0].kind);
}

TEST_CASE("the check reports through the sink with a redacted evidence and a value fingerprint") {
    const Check* check = nullptr;
    for (const auto& c : all_checks()) {
        for (const RuleInfo& r : c->rules()) {
            if (r.id == "github-token") check = c.get();
        }
    }
    REQUIRE(check != nullptr);
    std::string token = "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";
    auto make = [&](std::string path, std::string text) {
        return Document(std::make_unique<SourceFile>(std::move(path), std::move(text)));
    };
    Document a = make("a.sh", "export GH_TOKEN=" + token + "\n");
    Document b = make("b.sh", "\n\necho hi\nGH=" + token + "\n");
    FindingSink sink;
    check->check_file(a, sink);
    check->check_file(b, sink);
    auto findings = sink.take();
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].fingerprint == findings[1].fingerprint);
    for (const Finding& f : findings) {
        CHECK(f.evidence.find(token) == std::string::npos);
        CHECK(f.message.find(token) == std::string::npos);
        CHECK(f.evidence.find("ghp_") != std::string::npos);
    }
    CHECK(findings[0].location.line == 1);
    CHECK(findings[0].location.column == 17);
    CHECK(findings[1].location.line == 4);
}

TEST_CASE("with a tree, key context comes from map keys and {name, value} pairs") {
    // {"headers": [{"name": "Authorization", "value": "Bearer <32 random>"}], "cache_key": "<40 hex>"}
    std::string text = R"({"headers":[{"name":"Authorization","value":"Bearer E5jCZNGyqirQ6GnQZIRswaQlQuX7H2Sn"}],)"
                       "\n" R"("cache_key":"8c4b2c307e504c6bfd30b569ef79758f82656bf8"})";
    Document doc(std::make_unique<SourceFile>("x.json", text));
    auto scalar = [&](std::string key, std::string_view raw) {
        Node n;
        n.kind = NodeKind::scalar;
        n.key = std::move(key);
        std::string_view inner = raw.substr(1, raw.size() - 2);
        n.value = std::string(inner);
        auto at = static_cast<std::uint32_t>(text.find(raw));
        n.span = {at, static_cast<std::uint32_t>(at + raw.size())};
        return n;
    };
    Node pair;
    pair.kind = NodeKind::map;
    pair.children.push_back(scalar("name", "\"Authorization\""));
    pair.children.push_back(scalar("value", "\"Bearer E5jCZNGyqirQ6GnQZIRswaQlQuX7H2Sn\""));
    Node headers;
    headers.kind = NodeKind::seq;
    headers.key = "headers";
    headers.children.push_back(pair);
    Node root;
    root.kind = NodeKind::map;
    root.children.push_back(headers);
    root.children.push_back(scalar("cache_key", "\"8c4b2c307e504c6bfd30b569ef79758f82656bf8\""));
    root.span = {0, static_cast<std::uint32_t>(text.size())};
    doc.tree = root;
    FindingSink sink;
    for (const auto& c : all_checks()) c->check_file(doc, sink);
    auto findings = sink.take();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "generic-secret");
    CHECK(findings[0].location.line == 1);
    CHECK(text.substr(text.find("E5jC")).starts_with("E5jC"));
    CHECK(findings[0].location.column == static_cast<std::uint32_t>(text.find("E5jC") + 1));
}

TEST_CASE("truncated and spliced samples never crash the engine") {
    std::vector<TokenMatch> out;
    for (const RuleSamples& s : rule_samples()) {
        for (std::string_view hit : s.hits) {
            for (std::size_t cut = 0; cut <= hit.size(); ++cut) {
                out.clear();
                std::string head(hit.substr(0, cut));
                Engine::instance().scan(head, true, out);
                std::string spliced = std::string(hit.substr(cut)) + "\n" + head + " Bearer";
                Engine::instance().scan(spliced, true, out);
                for (const TokenMatch& m : out) CHECK(m.span.end <= std::max(head.size(), spliced.size()));
            }
        }
    }
}

TEST_CASE("hex and UUID keys: secret names and auth headers make them secrets, other names keep them hashes and ids") {
    constexpr std::string_view hex64 = "9a41d07e3c5b8f26e1047bd9c3a5f8e20d6b14c7a93e5f08b2d6c1e4a7f09b35";
    constexpr std::string_view hex40 = "d3a90f5c17e2b84a6c0d9e1f73b5a28c4e6f0b19";
    constexpr std::string_view uuid = "8C2F61D4-7A9E-4B03-95E1-D0B7F3C46A28";
    auto generic = [](std::string_view line) {
        auto found = scan_line(line);
        return found.size() == 1 && found[0].rule == "generic-secret" && found[0].confidence == Confidence::medium;
    };
    CHECK(generic("AGENT_BEARER_TOKEN=" + std::string(hex64)));
    CHECK(generic("Authorization: Bearer " + std::string(hex64)));
    CHECK(generic("Authorization: Token " + std::string(hex40)));
    CHECK(generic("CI_SECRET=" + std::string(hex40)));
    CHECK(generic("apikey: " + std::string(uuid)));
    CHECK(generic("X-API-Key: sk-" + lower(uuid)));
    // The same shapes under names that are not about secrets, or values that are not random.
    for (std::string line : {"commit_sha=" + std::string(hex40), "cache_key=" + std::string(hex64),
                             "request_id: " + std::string(uuid), "credential: " + lower(uuid),
                             std::string("API_TOKEN=00000000-0000-0000-0000-000000000000"),
                             std::string("API_TOKEN=0123456789abcdef0123456789abcdef01234567"),
                             std::string("API_TOKEN=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")}) {
        CAPTURE(line);
        CHECK(scan_line(line).empty());
    }
}

TEST_CASE("a base64 value is judged by its key name once decoded") {
    // base64 of a 64-hex token, of "changeme", and of a registry user:password.
    CHECK(fires("API_TOKEN=OWE0MWQwN2UzYzViOGYyNmUxMDQ3YmQ5YzNhNWY4ZTIwZDZiMTRjN2E5M2U1ZjA4YjJkNmMxZTRhN2YwOWIzNQ==",
                "generic-secret"));
    CHECK(scan_line("ADMIN_PASSWORD=Y2hhbmdlbWU=").empty());
    CHECK(fires("auth: ZGVwbG95LWJvdDpXbjRzUHE5ekxrMnZUeDdt", "docker-config-auth"));
}

TEST_CASE("default logins in URLs are marked, so only a committed .env reports them") {
    auto found = scan_line("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app");
    REQUIRE(found.size() == 1);
    CHECK(found[0].local_default);
    CHECK(found[0].severity == Severity::low);
    found = scan_line("DATABASE_URL=postgres://app:weakpass@db/app");
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].local_default);
    CHECK(scan_line("DATABASE_URL=postgres://app:changeme@db/app").empty());
    CHECK(scan_line("DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app").empty());
}
