#include "checks/tokens/validators.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "checks/tokens/base64.hpp"
#include "checks/tokens/catalog.hpp"
#include "checks/tokens/checksum.hpp"
#include "checks/tokens/entropy.hpp"
#include "checks/tokens/jwt.hpp"
#include "checks/tokens/placeholder.hpp"
#include "core/text.hpp"

namespace handoff::tokens {

namespace {

bool is_base64_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '='; }

// Everything after the provider prefix: what must look random.
std::string_view body_after_prefix(std::string_view token) {
    std::size_t cut = 0;
    for (std::size_t i = 0; i < token.size() && i < 16; ++i) {
        if (token[i] == '_' || token[i] == '-' || token[i] == ':' || token[i] == '.') cut = i + 1;
    }
    if (token.starts_with("AKIA") || token.starts_with("ASIA") || token.starts_with("ABIA") || token.starts_with("ACCA")) cut = 4;
    return token.substr(std::min(cut, token.size()));
}

bool private_key_body_follows(std::string_view rest) {
    // Skip to the base64 body: newlines (real or JSON-escaped "\n"), indentation, PGP headers.
    std::size_t run = 0;
    std::size_t limit = std::min<std::size_t>(rest.size(), 600);
    for (std::size_t i = 0; i < limit; ++i) {
        char c = rest[i];
        if (c == '\\' && i + 1 < limit && rest[i + 1] == 'n') {
            ++i;
            continue;  // an escaped newline ends nothing: base64 lines continue after it
        }
        if (is_base64_char(c)) {
            if (++run >= 40) return true;
        } else if (c != '\n' && c != '\r') {
            if (c == '-') return false;  // reached -----END without a body
            run = 0;
        }
    }
    return false;
}

// The block's base64 body up to its END line, without line breaks, indentation or JSON
// "\\n" escapes: the same key pasted plainly or JSON-escaped is one secret.
std::string private_key_identity(std::string_view rest) {
    std::size_t end = rest.find("-----END");
    rest = rest.substr(0, std::min<std::size_t>(end == std::string_view::npos ? rest.size() : end, 16384));
    std::string body;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '\\' && i + 1 < rest.size() && rest[i + 1] == 'n') {
            ++i;
            continue;
        }
        if (is_base64_char(c)) body.push_back(c);
    }
    return body;
}

bool is_local_host(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "0.0.0.0" || host == "::1" || host == "db" ||
           host == "postgres" || host == "redis";
}

// Which character classes a body mixes: generated keys mix them, words and ids do not.
struct CharClasses {
    bool digit = false;
    bool upper = false;
    bool lower = false;
};

CharClasses char_classes(std::string_view s) {
    CharClasses k;
    for (char ch : s) {
        k.digit = k.digit || (ch >= '0' && ch <= '9');
        k.upper = k.upper || (ch >= 'A' && ch <= 'Z');
        k.lower = k.lower || (ch >= 'a' && ch <= 'z');
    }
    return k;
}

// Renames the candidate to another rule of the catalog, with that rule's power.
void become(Candidate& c, std::string_view rule) {
    c.rule = rule;
    c.power = rule_power(rule);
}

} // namespace

namespace validators {

bool checksum(Candidate& c) {
    c.note = "checksum valid";
    return base62_crc32_valid(c.secret);
}

bool random_body(Candidate& c) {
    std::string_view body = body_after_prefix(c.secret);
    return body.size() < 8 || (distinct_chars(body) > 4 && !has_sequential_run(body, 8));
}

bool anthropic(Candidate& c) {
    std::size_t dash = c.secret.find('-', 7);
    std::string_view body = dash == std::string_view::npos ? c.secret : c.secret.substr(dash + 1);
    if (!(body.size() == 95 && body.ends_with("AA"))) c.confidence = Confidence::medium;
    return true;
}

bool jwt(Candidate& c) {
    auto claims = decode_jwt(c.secret);
    if (!claims) return false;
    if (claims->iss == "supabase") {
        if (claims->role == "anon") return false;  // public by design
        become(c, "supabase-key");
        c.kind = claims->role == "service_role" ? "service_role JWT" : "JWT";
        c.severity = claims->role == "service_role" ? Severity::critical : Severity::medium;
        c.confidence = Confidence::high;
    } else if (claims->iss == "n8n" || claims->aud == "public-api") {
        become(c, "n8n-api-key");
        c.kind = "public API key";
        c.severity = Severity::critical;
        c.confidence = Confidence::high;
    } else if (claims->role == "anon") {
        return false;
    }
    if (claims->alg == "none") c.note = "unsigned (alg none)";
    if (claims->exp) {
        auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        if (*claims->exp < now) {
            c.note = "expired";
            c.severity = Severity::low;
        }
    }
    return true;
}

bool private_key(Candidate& c) {
    if (!c.secret.starts_with("PuTTY")) {
        if (!private_key_body_follows(c.after)) return false;
        if (c.whole.find("ENCRYPTED") != std::string_view::npos) {
            c.severity = Severity::medium;
            c.note = "passphrase-protected";
        }
    }
    c.identity = private_key_identity(c.after);
    return true;
}

bool url_credentials(Candidate& c) {
    std::string_view whole = c.whole;
    std::string_view secret = c.secret;
    std::size_t scheme_end = whole.find("://");
    std::size_t colon = whole.find(':', scheme_end + 3);
    std::size_t at = whole.rfind('@');
    std::string_view user = whole.substr(scheme_end + 3, colon - scheme_end - 3);
    std::string_view host = whole.substr(at + 1);
    std::string l = lower(secret);
    if (user.find("${") != std::string_view::npos) return false;
    // A service's default login (postgres:postgres@localhost, root:root@db): the check keeps
    // it only where a reference belongs. Short and repetitive as it is, it is no placeholder.
    bool default_login = secret == user || l == "postgres" || l == "root" || l == "admin";
    if (is_reference(secret) || secret.front() == '$' || secret.front() == '<' || l == "password" || l == "pass" ||
        l == "secret" || l == "changeme" || l == "pwd" || (!default_login && is_placeholder_value(secret))) {
        return false;
    }
    if (default_login) {
        c.local_default = true;
        c.severity = Severity::low;
        c.note = is_local_host(host) ? "a local default login" : "a default login";
    }
    return true;
}

bool docker_auth(Candidate& c) {
    c.note = "base64 of user:password";
    auto decoded = decode_base64_text(c.secret);
    return decoded && decoded->find(':') != std::string::npos && decoded->find(':') + 1 < decoded->size();
}

bool plain_password(Candidate& c) { return !is_reference(c.secret) && !is_placeholder_value(c.secret); }

bool aws_secret(Candidate& c) {
    // The key name already says what it is: only reject what cannot be random.
    return (looks_random(c.secret) || shannon_entropy(c.secret) >= 4.0) && !is_placeholder_token(c.secret);
}

bool url_credentials_worth_trying(std::string_view text, std::size_t at) {
    std::size_t end = std::min(text.size(), at + 3 + 330);
    for (std::size_t i = at + 3; i < end; ++i) {
        char c = text[i];
        if (c == '@') return true;
        if (c == '/' || c == ' ' || c == '\n' || c == '"' || c == '\'' || c == '<' || c == '>') return false;
    }
    return false;
}

bool airtable_worth_trying(std::string_view text, std::size_t at) { return at + 17 < text.size() && text[at + 17] == '.'; }

bool mixed_body(Candidate& c) {
    std::string_view body = body_after_prefix(c.secret);
    CharClasses k = char_classes(body);
    return k.digit && k.upper && k.lower && random_body(c) && looks_random(body);
}

bool webhook_tail(Candidate& c) {
    std::string_view url = c.secret;
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    std::size_t cut = url.find_last_of("/=");
    std::string_view tail = cut == std::string_view::npos ? url : url.substr(cut + 1);
    if (tail.size() < 5 || distinct_chars(tail) < 4 || has_sequential_run(tail, 6) || has_repeated_run(tail, 5)) return false;
    // A long lower-case id without a digit is a word or a slug, not a generated key.
    return tail.size() < 20 || char_classes(tail).digit;
}

bool twitter_bearer(Candidate& c) {
    // URL-encoded base64 always leaves a %2B, %2F or %3D; a base64 blob of zeros has none.
    if (c.secret.find('%') == std::string_view::npos) return false;
    std::string body;
    for (char ch : c.secret) {
        if (ch != 'A' && ch != '%') body.push_back(ch);
    }
    return body.size() >= 40 && looks_random(body) && !is_placeholder_token(body);
}

bool azure_account_key(Candidate& c) {
    auto bytes = base64_decode(c.secret);
    return bytes && bytes->size() == 64 && distinct_chars(*bytes) > 20;
}

bool meta_token(Candidate& c) {
    if (!c.after.empty() && (c.after.front() == '+' || c.after.front() == '/' || c.after.front() == '=')) return false;
    return mixed_body(c);
}

bool hex_mixed_body(Candidate& c) {
    CharClasses k = char_classes(body_after_prefix(c.secret));
    return k.digit && (k.upper || k.lower) && random_body(c);
}

bool new_relic_license_worth_trying(std::string_view text, std::size_t at) { return text.substr(at, 4) == "NRAL"; }

bool mailchimp_worth_trying(std::string_view text, std::size_t at) {
    return at + 3 < text.size() && text[at + 3] >= '0' && text[at + 3] <= '9';
}

} // namespace validators

} // namespace handoff::tokens
