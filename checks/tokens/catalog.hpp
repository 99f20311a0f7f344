#pragma once
// The provider rule catalog, as data: every rule id handoff's token check can report,
// and the patterns that find each provider's tokens. Formats come from
// ../shared/docs/token-formats.md (prefix, length, alphabet, structure).
#include <cstdint>
#include <span>
#include <string_view>

#include "core/rule.hpp"

namespace handoff::tokens {

// Extra validation a pattern's match goes through before it is reported.
enum class Validate : std::uint8_t {
    none,
    base62_crc32,     // GitHub classic, npm: a failing checksum drops the match
    random_body,      // the part after the prefix must look random (weak prefixes)
    anthropic,        // 93 body characters ending in AA, else lower confidence
    jwt,              // decode claims: Supabase service_role/anon, n8n API key, expiry
    private_key,      // a base64 body must follow the BEGIN line
    url_credentials,  // the password must not be a placeholder, reference or local default
    docker_auth,      // base64 of user:password
    plain_password,   // Maven <password>, NuGet ClearTextPassword: not encrypted, not a reference
    aws_secret,       // 40 characters that look random
};

struct Pattern {
    std::string_view rule;      // rule id reported
    std::string_view kind;      // which token of the provider: "live secret key"
    std::string_view keywords;  // '|'-separated literals, one of which every match contains
    std::string_view regex;     // RE2; capture group 1, when present, is the secret
    std::uint16_t back = 0;     // how far before the keyword a match may start
    std::uint16_t max_len = 0;  // longest match
    Severity severity = Severity::high;
    Confidence confidence = Confidence::high;
    Validate validate = Validate::none;
    std::string_view power;     // what the token can do, for the message
    bool multiline = false;     // may span lines (private keys)
};

// Per-rule samples: lines that must fire the rule and look-alikes that must not.
struct RuleSamples {
    std::string_view rule;
    std::span<const std::string_view> hits;
    std::span<const std::string_view> misses;
};

std::span<const Pattern> patterns();
// Every rule the token check reports, including those found by key context only.
std::span<const RuleInfo> token_rules();
const RuleInfo* token_rule(std::string_view id);
std::span<const RuleSamples> rule_samples();

} // namespace handoff::tokens
