#pragma once
// What a catalog pattern's match goes through before it is reported: one validator per
// kind of check (checksum, JWT claims, a private key's body, ...), referenced from each
// pattern in the catalog, so the engine knows no rule and no provider.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/finding.hpp"

namespace handoff::tokens {

// A pattern's match as the validator sees it; the validator may rename, re-rate or annotate it.
struct Candidate {
    std::string_view whole;   // the whole regex match
    std::string_view secret;  // capture group 1, or the whole match
    std::string_view after;   // the scanned text after the match
    std::string_view rule;
    std::string_view kind;
    std::string_view power;
    Severity severity = Severity::high;
    Confidence confidence = Confidence::high;
    std::string note;
    std::optional<std::string> identity;  // what is hashed and shown redacted, when not the secret
    bool local_default = false;           // a local service's default login (postgres:postgres@db)
};

struct Validator {
    bool (*keep)(Candidate&) = nullptr;  // false drops the match
    // A cheap byte test at the keyword, before RE2 runs; false skips the pattern there.
    bool (*worth_trying)(std::string_view text, std::size_t keyword_at) = nullptr;
    bool structured = false;         // a credential inside a structure: ranks below provider shapes
    bool own_placeholders = false;   // judges placeholder values itself
    bool may_follow_letter = false;  // the match may start right after a letter or digit
};

namespace validators {
bool checksum(Candidate& c);
bool random_body(Candidate& c);
bool anthropic(Candidate& c);
bool jwt(Candidate& c);
bool private_key(Candidate& c);
bool url_credentials(Candidate& c);
bool docker_auth(Candidate& c);
bool plain_password(Candidate& c);
bool aws_secret(Candidate& c);
bool url_credentials_worth_trying(std::string_view text, std::size_t at);
bool airtable_worth_trying(std::string_view text, std::size_t at);
bool mixed_body(Candidate& c);
bool webhook_tail(Candidate& c);
bool twitter_bearer(Candidate& c);
bool azure_account_key(Candidate& c);
bool new_relic_license_worth_trying(std::string_view text, std::size_t at);
bool mailchimp_worth_trying(std::string_view text, std::size_t at);
bool meta_token(Candidate& c);
bool hex_mixed_body(Candidate& c);
} // namespace validators

// GitHub classic, npm: a failing CRC-32 checksum drops the match.
inline constexpr Validator kChecksum{&validators::checksum};
// The part after the prefix must look random (weak prefixes).
inline constexpr Validator kRandomBody{&validators::random_body};
// 93 body characters ending in AA, else lower confidence.
inline constexpr Validator kAnthropic{&validators::anthropic};
// Decoded claims: Supabase service_role/anon, n8n API key, expiry.
inline constexpr Validator kJwt{&validators::jwt};
// A base64 body must follow the BEGIN line; the body is the identity.
inline constexpr Validator kPrivateKey{&validators::private_key, nullptr, false, true, true};
// The password must not be a placeholder, reference or local default.
inline constexpr Validator kUrlCredentials{&validators::url_credentials, &validators::url_credentials_worth_trying, true, true};
// base64 of user:password.
inline constexpr Validator kDockerAuth{&validators::docker_auth, nullptr, true};
// Maven <password>, NuGet ClearTextPassword: not encrypted, not a reference.
inline constexpr Validator kPlainPassword{&validators::plain_password, nullptr, true, true};
// 40 characters that look random.
inline constexpr Validator kAwsSecret{&validators::aws_secret};
// pat<14>.<64 hex>: the dot must be where the shape puts it before RE2 is worth running.
inline constexpr Validator kAirtable{nullptr, &validators::airtable_worth_trying};
// Short or common prefixes (fw_, re_, rnd_, vcp_): the body must look random and mix
// digits, upper and lower case, as generated keys do and identifiers do not.
inline constexpr Validator kMixedBody{&validators::mixed_body};
// A webhook URL: the secret part (its last path segment or token) must look generated.
inline constexpr Validator kWebhookTail{&validators::webhook_tail};
// Meta Graph API tokens: a mixed body that does not run on into base64 (+, / or =).
inline constexpr Validator kMetaToken{&validators::meta_token};
// Bodies of hex and letters (Trello ATTA): digits and letters both, not an upper-case word.
inline constexpr Validator kHexMixedBody{&validators::hex_mixed_body};
// Twitter/X app bearer token: a run of 'A's, then a URL-encoded random body.
inline constexpr Validator kTwitterBearer{&validators::twitter_bearer, nullptr, false, true};
// Azure storage AccountKey=: 88 base64 characters that decode to 64 bytes.
inline constexpr Validator kAzureAccountKey{&validators::azure_account_key, nullptr, true};
// New Relic license keys end in NRAL: the prefilter is case-blind, "general" is not a key.
inline constexpr Validator kNewRelicLicense{&validators::random_body, &validators::new_relic_license_worth_trying};
// Mailchimp <32 hex>-us<datacenter>: "-us" must be followed by a digit.
inline constexpr Validator kMailchimp{&validators::random_body, &validators::mailchimp_worth_trying};

} // namespace handoff::tokens
