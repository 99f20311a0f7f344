#pragma once
// The provider rule catalog, as data: every rule id handoff's token check can report, the
// patterns that find each provider's tokens, the shapes of tokens that only their key name
// tells apart, and where a client creates or rotates each provider's key. Formats come
// from ../shared/docs/token-formats.md and the providers' own documentation (prefix,
// length, alphabet, structure); where a provider publishes no length, the pattern takes a
// range and leans on the structure around the body. catalog.cpp holds the rules and the
// provider advice, patterns.cpp the patterns and key-name shapes: one registry, two files.
#include <cstdint>
#include <span>
#include <string_view>

#include "core/provider.hpp"
#include "core/rule.hpp"

namespace handoff::tokens {

struct Validator;  // checks/tokens/validators.hpp

struct Pattern {
    std::string_view rule;      // rule id reported
    std::string_view kind;      // which token of the provider: "live secret key"
    std::string_view keywords;  // '|'-separated literals, one of which every match contains
    std::string_view regex;     // RE2; capture group 1, when present, is the secret
    std::uint16_t back = 0;     // how far before the keyword a match may start
    std::uint16_t max_len = 0;  // longest match
    Severity severity = Severity::high;
    Confidence confidence = Confidence::high;
    const Validator* validate = nullptr;  // checksum, JWT claims, ...: none when the shape says it all
    std::string_view power;     // what the token can do, for the message
    bool multiline = false;     // may span lines (private keys)
};

// Per-rule samples: lines that must fire the rule and look-alikes that must not.
struct RuleSamples {
    std::string_view rule;
    std::span<const std::string_view> hits;
    std::span<const std::string_view> misses;
};

// A token without a prefix of its own, recognised by its shape when the key name or the
// line names its provider (provider_hint in key_names.hpp).
struct ContextShape {
    std::string_view hint;      // the provider_hint() that must be present
    std::string_view rule;
    std::string_view kind;
    std::string_view regex;     // RE2, matched against the whole value
    Severity severity = Severity::high;
    bool random = true;         // the value must look random (a UUID-shaped key need not)
};

// The rule for a random-looking value under a secret-like name that no provider claims.
struct GenericRule {
    std::string_view rule;
    std::string_view power;
    Severity severity = Severity::high;
    Confidence confidence = Confidence::medium;
};

std::span<const Pattern> patterns();
std::span<const ContextShape> context_shapes();
const GenericRule& generic_rule();
// Prefixes of values that are public or structural (publishable keys, digests), never secrets.
std::span<const std::string_view> public_prefixes();
// Where to create or rotate each provider's key, for the client's key checklist.
std::span<const ProviderInfo> providers();
// Every rule the token check reports, including those found by key context only.
std::span<const RuleInfo> token_rules();
const RuleInfo* token_rule(std::string_view id);
// What a rule's tokens can do (its summary), for matches renamed to it or found by context.
std::string_view rule_power(std::string_view id);
std::span<const RuleSamples> rule_samples();

} // namespace handoff::tokens
