#include "checks/tokens/engine.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include "checks/tokens/base64.hpp"
#include "checks/tokens/catalog.hpp"
#include "checks/tokens/checksum.hpp"
#include "checks/tokens/entropy.hpp"
#include "checks/tokens/jwt.hpp"
#include "checks/tokens/key_names.hpp"
#include "checks/tokens/literal_set.hpp"
#include "checks/tokens/placeholder.hpp"
#include "core/text.hpp"

namespace handoff::tokens {

namespace {
constexpr std::size_t kMaxKeyedLine = 2000;
constexpr int kPriorityGeneric = 1;
constexpr int kPriorityContext = 2;
constexpr int kPriorityStructured = 3;  // url-credentials, docker auth, maven, nuget
constexpr int kPriorityProvider = 4;

// Words that make a line worth reading for KEY=value pairs (case-insensitive).
constexpr std::array<std::string_view, 9> kContextWords = {
    "pass", "pwd", "secret", "token", "key", "auth", "credential", "-u ", "--user ",
};

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_token_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }
bool is_key_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }

// The identifier [kb, ke) is the quoted value of a name/key/header member: "name": "X".
bool is_pair_name(std::string_view text, std::size_t kb, std::size_t ke) {
    if (kb < 2 || ke >= text.size()) return false;
    char q = text[kb - 1];
    if ((q != '"' && q != '\'') || text[ke] != q) return false;
    std::size_t p = kb - 1;
    if (p > 0 && text[p - 1] == '\\') --p;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p == 0 || (text[p - 1] != ':' && text[p - 1] != '=')) return false;
    --p;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    if (p > 0 && (text[p - 1] == '"' || text[p - 1] == '\'')) --p;
    if (p > 0 && text[p - 1] == '\\') --p;
    std::size_t e = p;
    while (p > 0 && is_alnum(text[p - 1])) --p;
    std::string_view member = text.substr(p, e - p);
    return member == "name" || member == "key" || member == "header";
}

std::vector<std::string_view> split_keywords(std::string_view list) {
    std::vector<std::string_view> out;
    while (!list.empty()) {
        std::size_t bar = list.find('|');
        out.push_back(list.substr(0, bar));
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
    }
    return out;
}

bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }
bool has_upper(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }); }
bool has_lower(std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; }); }

bool is_uuid(std::string_view v) {
    if (v.size() != 36) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (v[i] == '-')) return false;
        if (!dash && std::isxdigit(static_cast<unsigned char>(v[i])) == 0) return false;
    }
    return true;
}

// Hashes of nothing that show up as constants.
bool is_known_hash(std::string_view v) {
    return v == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" ||
           v == "d41d8cd98f00b204e9800998ecf8427e" || v == "da39a3ee5e6b4b0d3255bfef95601890afd80709";
}

bool is_local_host(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "0.0.0.0" || host == "::1" || host == "db" ||
           host == "postgres" || host == "redis";
}

// Prefixes of values that are public or structural, never secrets.
constexpr std::array<std::string_view, 12> kPublicPrefixes = {
    "pk_live_", "pk_test_", "sb_publishable_", "phc_", "pubkey-", "sha256:", "sha512-", "sha384-", "sha1-",
    "ssh-rsa ", "ssh-ed25519", "data:",
};

struct ContextShape {
    std::string_view hint;
    std::string_view rule;
    std::string_view kind;
    std::string_view regex;
    Severity severity;
};

constexpr std::array<ContextShape, 10> kContextShapes = {{
    {"mistral", "mistral-api-key", "API key", "[A-Za-z0-9]{32}", Severity::high},
    {"cohere", "cohere-api-key", "API key", "[A-Za-z0-9]{40}", Severity::high},
    {"twilio", "twilio-credential", "auth token", "[0-9a-f]{32}", Severity::high},
    {"twilio", "twilio-credential", "API key secret", "[A-Za-z0-9]{32}", Severity::high},
    {"azure-openai", "azure-openai-key", "key (32-hex format)", "[0-9a-fA-F]{32}", Severity::high},
    {"discord", "discord-bot-token", "bot token", R"([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})", Severity::high},
    {"mailgun", "mailgun-api-key", "API key", "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}", Severity::high},
    {"aws", "aws-secret-key", "secret access key", "[A-Za-z0-9/+]{40}", Severity::critical},
    {"aws-session", "aws-session-token", "session token", "[A-Za-z0-9/+=]{100,}", Severity::medium},
    {"pinecone", "pinecone-api-key", "legacy API key", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Severity::high},
}};
} // namespace

struct Engine::Impl {
    std::vector<std::unique_ptr<RE2>> regexes;           // per pattern
    std::vector<std::vector<std::uint16_t>> by_keyword;  // keyword id -> patterns
    std::uint32_t first_context_keyword = 0;
    std::unique_ptr<LiteralSet> literals;
    std::vector<std::unique_ptr<RE2>> shapes;            // per kContextShapes
    std::unique_ptr<RE2> pair_value;                     // the "value": after a pair's "name": "X"
    std::unique_ptr<RE2> curl_user;                      // curl -u user:password

    Impl() {
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_max_mem(8 << 20);
        std::map<std::string, std::uint32_t> keyword_ids;
        std::vector<std::string> keywords;
        auto keyword_id = [&](std::string_view kw) {
            std::string folded = lower(kw);
            auto [it, inserted] = keyword_ids.emplace(folded, static_cast<std::uint32_t>(keywords.size()));
            if (inserted) {
                keywords.push_back(folded);
                by_keyword.emplace_back();
            }
            return it->second;
        };
        auto all = patterns();
        for (std::size_t i = 0; i < all.size(); ++i) {
            regexes.push_back(std::make_unique<RE2>(all[i].regex, opts));
            for (std::string_view kw : split_keywords(all[i].keywords)) {
                by_keyword[keyword_id(kw)].push_back(static_cast<std::uint16_t>(i));
            }
        }
        first_context_keyword = static_cast<std::uint32_t>(keywords.size());
        for (std::string_view w : kContextWords) keywords.emplace_back(w);
        literals = std::make_unique<LiteralSet>(keywords);
        for (const ContextShape& s : kContextShapes) shapes.push_back(std::make_unique<RE2>(s.regex, opts));
        pair_value = std::make_unique<RE2>(R"(^[^{}\[\]]{0,200}?\bvalue\\?["']?[ \t]*[:=][ \t]*())", opts);
        curl_user = std::make_unique<RE2>(R"((?:^|\s)(?:-u|--user)[ \t]+["']?([^\s"':$]{1,64}):([^\s"']{1,128}))", opts);
    }
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

const Engine& Engine::instance() {
    static const Engine engine;
    return engine;
}

namespace {

// What a rule's tokens can do, for rules whose match came from another pattern or context.
std::string_view rule_power(std::string_view rule) {
    const RuleInfo* info = token_rule(rule);
    return info != nullptr ? info->summary : std::string_view();
}

struct Verdict {
    bool keep = true;
    std::string_view rule;
    std::string_view kind;
    std::string_view power;
    Severity severity = Severity::high;
    Confidence confidence = Confidence::high;
    std::string note;
};

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
        bool b64 = is_alnum(c) || c == '+' || c == '/' || c == '=';
        if (c == '\\' && i + 1 < limit && rest[i + 1] == 'n') {
            ++i;
            continue;  // an escaped newline ends nothing: base64 lines continue after it
        }
        if (b64) {
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
        if (is_alnum(c) || c == '+' || c == '/' || c == '=') body.push_back(c);
    }
    return body;
}

Verdict validate(const Pattern& p, std::string_view whole, std::string_view secret, std::string_view text, std::size_t match_end) {
    Verdict v{true, p.rule, p.kind, p.power, p.severity, p.confidence, {}};
    switch (p.validate) {
    case Validate::none:
        break;
    case Validate::base62_crc32:
        v.keep = base62_crc32_valid(secret);
        v.note = "checksum valid";
        break;
    case Validate::random_body: {
        std::string_view body = body_after_prefix(secret);
        v.keep = body.size() < 8 || (distinct_chars(body) > 4 && !has_sequential_run(body, 8));
        break;
    }
    case Validate::anthropic: {
        std::size_t dash = secret.find('-', 7);
        std::string_view body = dash == std::string_view::npos ? secret : secret.substr(dash + 1);
        if (!(body.size() == 95 && body.ends_with("AA"))) v.confidence = Confidence::medium;
        break;
    }
    case Validate::jwt: {
        auto claims = decode_jwt(secret);
        if (!claims) {
            v.keep = false;
            break;
        }
        if (claims->iss == "supabase") {
            if (claims->role == "anon") {
                v.keep = false;  // public by design
                break;
            }
            v.rule = "supabase-key";
            v.power = rule_power(v.rule);
            v.kind = claims->role == "service_role" ? "service_role JWT" : "JWT";
            v.severity = claims->role == "service_role" ? Severity::critical : Severity::medium;
            v.confidence = Confidence::high;
        } else if (claims->iss == "n8n" || claims->aud == "public-api") {
            v.rule = "n8n-api-key";
            v.power = rule_power(v.rule);
            v.kind = "public API key";
            v.severity = Severity::critical;
            v.confidence = Confidence::high;
        } else if (claims->role == "anon") {
            v.keep = false;
            break;
        }
        if (claims->alg == "none") v.note = "unsigned (alg none)";
        if (claims->exp) {
            auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
            if (*claims->exp < now) {
                v.note = "expired";
                v.severity = Severity::low;
            }
        }
        break;
    }
    case Validate::private_key: {
        std::string_view rest = text.substr(match_end);
        if (secret.starts_with("PuTTY")) break;
        v.keep = private_key_body_follows(rest);
        if (whole.find("ENCRYPTED") != std::string_view::npos) {
            v.severity = Severity::medium;
            v.note = "passphrase-protected";
        }
        break;
    }
    case Validate::url_credentials: {
        std::size_t scheme_end = whole.find("://");
        std::size_t colon = whole.find(':', scheme_end + 3);
        std::size_t at = whole.rfind('@');
        std::string_view user = whole.substr(scheme_end + 3, colon - scheme_end - 3);
        std::string_view host = whole.substr(at + 1);
        std::string l = lower(secret);
        if (is_reference(secret) || secret.front() == '$' || secret.front() == '<' || l == "password" || l == "pass" ||
            l == "secret" || l == "changeme" || l == "pwd" || is_placeholder_value(secret) ||
            (is_local_host(host) && (secret == user || l == "postgres" || l == "root" || l == "admin"))) {
            v.keep = false;
        }
        if (user.find("${") != std::string_view::npos) v.keep = false;
        break;
    }
    case Validate::docker_auth: {
        auto decoded = decode_base64_text(secret);
        v.keep = decoded && decoded->find(':') != std::string::npos && decoded->find(':') + 1 < decoded->size();
        v.note = "base64 of user:password";
        break;
    }
    case Validate::plain_password:
        v.keep = !is_reference(secret) && !is_placeholder_value(secret);
        break;
    case Validate::aws_secret:
        // The key name already says what it is: only reject what cannot be random.
        v.keep = (looks_random(secret) || shannon_entropy(secret) >= 4.0) && !is_placeholder_token(secret);
        break;
    }
    return v;
}

TokenMatch make_match(const Verdict& v, Span span, std::string value, int priority) {
    TokenMatch m;
    m.span = span;
    m.value = std::move(value);
    m.rule = v.rule;
    m.kind = v.kind;
    m.power = v.power;
    m.severity = v.severity;
    m.confidence = v.confidence;
    m.note = v.note;
    m.priority = priority;
    return m;
}

int pattern_priority(const Pattern& p) {
    switch (p.validate) {
    case Validate::url_credentials:
    case Validate::docker_auth:
    case Validate::plain_password: return kPriorityStructured;
    default: return kPriorityProvider;
    }
}

std::size_t line_start_of(std::string_view text, std::size_t pos) {
    std::size_t nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    return nl == std::string_view::npos || pos == 0 ? 0 : nl + 1;
}
std::size_t line_end_of(std::string_view text, std::size_t pos) {
    std::size_t nl = text.find('\n', pos);
    return nl == std::string_view::npos ? text.size() : nl;
}

// A value after a separator: quoted (to the closing quote) or bare (to whitespace or
// punctuation that ends an expression). Returns its offset within line and its length.
std::pair<std::size_t, std::size_t> read_value(std::string_view line, std::size_t pos) {
    pos = std::min(pos, line.size());
    if (pos < line.size() && line[pos] == '\\' && pos + 1 < line.size() && (line[pos + 1] == '"' || line[pos + 1] == '\'')) ++pos;
    if (pos >= line.size()) return {pos, 0};
    char q = line[pos];
    if (q == '"' || q == '\'' || q == '`') {
        std::size_t start = pos + 1;
        std::size_t end = start;
        while (end < line.size() && line[end] != q && !(line[end] == '\\' && end + 1 < line.size() && line[end + 1] == q)) ++end;
        return {start, end - start};
    }
    std::size_t end = pos;
    while (end < line.size()) {
        char c = line[end];
        if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' ||
            c == '(' || c == ')' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\\' || c == '<') {
            break;
        }
        ++end;
    }
    return {pos, end - pos};
}

// Strips an HTTP auth scheme ("Bearer ", "token ", "Basic ") from a value.
std::string_view strip_scheme(std::string_view v, std::size_t& skipped) {
    skipped = 0;
    for (std::string_view s : {std::string_view("Bearer "), std::string_view("bearer "), std::string_view("Token "),
                               std::string_view("token "), std::string_view("Basic "), std::string_view("basic ")}) {
        if (v.starts_with(s)) {
            skipped = s.size();
            while (skipped < v.size() && v[skipped] == ' ') ++skipped;
            return v.substr(skipped);
        }
    }
    return v;
}

} // namespace

namespace {
// Cheap byte checks that spare RE2 the keywords that are common in ordinary text.
bool worth_trying(const Pattern& p, std::string_view text, std::size_t at) {
    if (p.validate == Validate::url_credentials) {
        std::size_t end = std::min(text.size(), at + 3 + 330);
        for (std::size_t i = at + 3; i < end; ++i) {
            char c = text[i];
            if (c == '@') return true;
            if (c == '/' || c == ' ' || c == '\n' || c == '"' || c == '\'' || c == '<' || c == '>') return false;
        }
        return false;
    }
    if (p.rule == "airtable-token") return at + 17 < text.size() && text[at + 17] == '.';
    return true;
}
} // namespace

void Engine::scan(std::string_view text, bool keyed_lines, std::vector<TokenMatch>& out,
                  std::vector<std::uint32_t>* context_offsets) const {
    const Impl& im = *impl_;
    std::vector<LiteralSet::Hit> hits;
    im.literals->find_all(text, hits);
    auto all = patterns();
    std::vector<std::size_t> context_hits;  // secret-like words: where key names may be
    // Patterns already tried at a position, so shared keywords do not repeat work.
    std::vector<std::pair<std::size_t, std::uint16_t>> tried;
    for (const LiteralSet::Hit& hit : hits) {
        if (hit.keyword >= im.first_context_keyword) {
            if (keyed_lines) context_hits.push_back(hit.offset);
            if (context_offsets != nullptr) context_offsets->push_back(hit.offset);
            continue;
        }
        for (std::uint16_t pi : im.by_keyword[hit.keyword]) {
            const Pattern& p = all[pi];
            std::size_t from = hit.offset >= p.back ? hit.offset - p.back : 0;
            if (!p.multiline) from = std::max(from, line_start_of(text, hit.offset));
            std::size_t to = std::min(text.size(), static_cast<std::size_t>(hit.offset) + p.max_len + 1);
            // The newline stays inside the window so that a pattern can see where its line ends.
            if (!p.multiline) to = std::min({to, line_end_of(text, hit.offset) + 1, text.size()});
            if (!worth_trying(p, text, hit.offset)) continue;
            if (std::find(tried.begin(), tried.end(), std::make_pair(from, pi)) != tried.end()) continue;
            tried.emplace_back(from, pi);
            if (tried.size() > 64) tried.erase(tried.begin(), tried.begin() + 32);
            const RE2& re = *im.regexes[pi];
            std::size_t pos = from;
            re2::StringPiece groups[2];
            int ngroups = std::min(re.NumberOfCapturingGroups() + 1, 2);
            while (pos < to && re.Match(text, pos, to, p.back == 0 ? RE2::ANCHOR_START : RE2::UNANCHORED, groups, ngroups)) {
                std::size_t mb = static_cast<std::size_t>(groups[0].data() - text.data());
                std::size_t me = mb + groups[0].size();
                pos = me > pos ? me : pos + 1;
                if (mb > hit.offset || me <= hit.offset) {
                    if (p.back == 0) break;
                    continue;
                }
                std::string_view secret = ngroups > 1 && groups[1].data() != nullptr
                                              ? std::string_view(groups[1].data(), groups[1].size())
                                              : std::string_view(groups[0].data(), groups[0].size());
                std::size_t sb = static_cast<std::size_t>(secret.data() - text.data());
                std::size_t se = sb + secret.size();
                // Word boundaries: a token glued to more token characters is something else.
                if (mb > 0 && is_alnum(text[mb - 1]) && p.validate != Validate::private_key) continue;
                if (se < text.size() && is_token_char(text[se]) && ngroups == 1) continue;
                if (p.validate != Validate::url_credentials && p.validate != Validate::plain_password &&
                    p.validate != Validate::private_key && is_placeholder_token(secret)) {
                    continue;
                }
                Verdict v = validate(p, std::string_view(groups[0].data(), groups[0].size()), secret, text, me);
                if (!v.keep) continue;
                std::string identity = p.validate == Validate::private_key ? private_key_identity(text.substr(me)) : std::string(secret);
                out.push_back(make_match(v, {static_cast<std::uint32_t>(sb), static_cast<std::uint32_t>(se)}, std::move(identity),
                                         pattern_priority(p)));
                if (p.back == 0) break;
            }
        }
    }
    if (!keyed_lines) return;
    std::size_t done_until = 0;  // identifiers already read (several keywords in one name)
    for (std::size_t at : context_hits) {
        if (at < done_until) continue;
        done_until = read_pair_at(text, at, out);
    }
}

std::size_t Engine::read_pair_at(std::string_view text, std::size_t at, std::vector<TokenMatch>& out) const {
    const Impl& im = *impl_;
    // curl -u user:password / --user user:password
    if (text.substr(at, 3) == "-u " || text.substr(at, 7) == "--user ") {
        std::size_t le = line_end_of(text, at);
        std::size_t from = at >= 1 ? at - 1 : 0;
        std::string_view line = text.substr(from, std::min<std::size_t>(le - from, 512));
        re2::StringPiece user, pass;
        if (RE2::PartialMatch(line, *im.curl_user, &user, &pass)) {
            std::size_t off = static_cast<std::size_t>(pass.data() - text.data());
            judge_keyed("password", line, std::string_view(pass.data(), pass.size()),
                        {static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(off + pass.size())}, out);
        }
        return at + 3;
    }
    // The identifier around the keyword: the key name.
    std::size_t kb = at;
    while (kb > 0 && at - kb < 80 && is_key_char(text[kb - 1])) --kb;
    std::size_t ke = at;
    while (ke < text.size() && ke - at < 80 && is_key_char(text[ke])) ++ke;
    if (ke == kb) return at + 1;
    // A name glued to a value before it (arn:aws:secretsmanager:..., a=b=c) is part of that value.
    if (kb > 0 && (text[kb - 1] == ':' || text[kb - 1] == '/' || text[kb - 1] == '=' || text[kb - 1] == '@')) return ke;
    std::string_view key = text.substr(kb, ke - kb);
    // The member names of {key: X, value: Y} pairs are structure, not key names.
    std::string lowered = lower(key);
    if (lowered == "key" || lowered == "name" || lowered == "value" || lowered == "header") return ke;
    std::size_t le = line_end_of(text, ke);
    std::size_t ls = line_start_of(text, kb);
    // Minified bundles: generated names say nothing about their values.
    if (le - ls > kMaxKeyedLine) return le;
    std::string_view line = text.substr(ls, std::min<std::size_t>(le - ls, 4096));
    // {"name": "Authorization", "value": "..."}: the keyword sits in the pair's name.
    if (is_pair_name(text, kb, ke)) {
        std::size_t q = ke < text.size() && (text[ke] == '"' || text[ke] == '\'') ? ke + 1 : ke;
        std::string_view after = text.substr(q, std::min<std::size_t>(240, text.size() - q));
        re2::StringPiece in(after.data(), after.size());
        re2::StringPiece m;
        if (RE2::PartialMatch(in, *im.pair_value, &m)) {
            std::size_t sep_end = static_cast<std::size_t>(m.data() - text.data());
            std::size_t vls = line_start_of(text, sep_end);
            std::size_t vle = line_end_of(text, sep_end);
            judge_value_at(key, text.substr(vls, vle - vls), sep_end - vls, vls, out);
        }
        return ke;
    }
    // KEY <sep> value, with optional closing quote/bracket before the separator.
    std::size_t p = ke;
    if (p < text.size() && text[p] == '\\') ++p;
    if (p < text.size() && (text[p] == '"' || text[p] == '\'')) ++p;
    if (p < text.size() && text[p] == ']') ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    std::size_t sep = p;
    if (p + 1 < text.size() && ((text[p] == '=' && text[p + 1] == '>') || (text[p] == ':' && text[p + 1] == '=') ||
                                (text[p] == '?' && text[p + 1] == '='))) {
        p += 2;
    } else if (p < text.size() && (text[p] == '=' || text[p] == ':')) {
        ++p;
    } else if (key.starts_with("aws_") || key.starts_with("AWS_")) {
        // aws configure set aws_secret_access_key VALUE
    } else {
        return ke;
    }
    if (p == sep && !(key.starts_with("aws_") || key.starts_with("AWS_"))) return ke;
    // KEY= value (nothing before '=', blank after) is an empty assignment in shell, dotenv
    // and -Dprop= flags; "KEY = value" with blanks on both sides is code or INI.
    bool tight = sep == ke || (sep > ke && text[sep - 1] != ' ' && text[sep - 1] != '\t');
    if (text[sep] == '=' && tight && p < text.size() && (text[p] == ' ' || text[p] == '\t')) return ke;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p >= le) return ke;
    judge_value_at(key, line, p - ls, ls, out);
    return ke;
}

void Engine::judge_value_at(std::string_view key, std::string_view line, std::size_t pos, std::size_t line_offset,
                            std::vector<TokenMatch>& out) const {
    auto [vb, vl] = read_value(line, pos);
    if (vl == 0) return;
    std::string_view value = line.substr(vb, vl);
    std::size_t skipped = 0;
    std::string_view stripped = strip_scheme(value, skipped);
    if (skipped > 0 && stripped.empty()) return;
    if (stripped.size() != value.size()) {
        // A quoted "Bearer x y" keeps only its first word.
        stripped = stripped.substr(0, stripped.find_first_of(" \t"));
    } else if (value == "Bearer" || value == "bearer" || value == "token" || value == "Basic") {
        // A bare "Bearer" (Authorization: Bearer x) takes the next word.
        auto [nb, nl] = read_value(line, vb + vl + 1);
        stripped = line.substr(nb, nl);
    }
    if (stripped.empty()) return;
    std::size_t off = line_offset + static_cast<std::size_t>(stripped.data() - line.data());
    judge_keyed(key, line, stripped, {static_cast<std::uint32_t>(off), static_cast<std::uint32_t>(off + stripped.size())}, out);
    // Connection strings and similar: Key=Value;Password=...; inside a quoted value.
    if (vb > pos && value.find(';') != std::string_view::npos) {
        std::size_t from = 0;
        while (from < value.size()) {
            std::size_t semi = value.find(';', from);
            std::string_view part = value.substr(from, semi == std::string_view::npos ? std::string_view::npos : semi - from);
            std::size_t eq = part.find('=');
            if (eq != std::string_view::npos && eq + 1 < part.size()) {
                std::string_view k = part.substr(0, eq);
                std::string_view v = part.substr(eq + 1);
                std::size_t voff = line_offset + static_cast<std::size_t>(v.data() - line.data());
                judge_keyed(k, line, v, {static_cast<std::uint32_t>(voff), static_cast<std::uint32_t>(voff + v.size())}, out);
            }
            if (semi == std::string_view::npos) break;
            from = semi + 1;
        }
    }
}

void Engine::judge_keyed(std::string_view key, std::string_view context, std::string_view value, Span value_span,
                         std::vector<TokenMatch>& out) const {
    const Impl& im = *impl_;
    KeyClass kc = classify_key(key);
    if (kc == KeyClass::none) return;
    std::size_t skipped = 0;
    std::string_view unschemed = strip_scheme(value, skipped);
    if (skipped > 0) {
        value = unschemed.substr(0, unschemed.find_first_of(" \t"));
        value_span = {value_span.begin + static_cast<std::uint32_t>(skipped),
                      value_span.begin + static_cast<std::uint32_t>(skipped + value.size())};
    }
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.remove_suffix(1);
    if (value.size() < 8 || value.size() > 4096) return;
    if (is_reference(value)) return;
    for (std::string_view pre : kPublicPrefixes) {
        if (value.starts_with(pre)) return;
    }
    // Base64 of a token, decoded once.
    if (auto decoded = decode_base64_text(value)) {
        std::vector<TokenMatch> inner;
        scan(*decoded, false, inner);
        for (TokenMatch& m : inner) {
            if (m.priority < kPriorityProvider) continue;
            m.span = value_span;
            m.note = m.note.empty() ? "base64-encoded" : "base64-encoded, " + m.note;
            out.push_back(std::move(m));
            return;
        }
    }
    if (is_placeholder_value(value)) return;
    // Providers without a prefix, named by the key or the line.
    std::string_view hint = provider_hint(key);
    if (hint.empty()) hint = provider_hint(context);
    if (!hint.empty()) {
        for (std::size_t i = 0; i < kContextShapes.size(); ++i) {
            const ContextShape& s = kContextShapes[i];
            if (s.hint != hint || !RE2::FullMatch(value, *im.shapes[i])) continue;
            std::string compact;
            for (char c : value) {
                if (c != '-' && c != '.' && c != '_') compact.push_back(c);
            }
            if (!looks_random(compact) && s.hint != "pinecone") continue;
            TokenMatch m;
            m.span = value_span;
            m.value = std::string(value);
            m.rule = s.rule;
            m.kind = s.kind;
            m.power = rule_power(s.rule);
            m.severity = s.severity;
            m.confidence = Confidence::medium;
            m.priority = kPriorityContext;
            out.push_back(std::move(m));
            return;
        }
    }
    // The generic rule: random-looking for its length and alphabet.
    if (is_uuid(value) || is_known_hash(value)) return;
    // SHA-1 and SHA-256 shapes (commits, digests, content hashes) need a provider to be secrets.
    if ((value.size() == 40 || value.size() == 64) && alphabet_size(value) == 16) return;
    // warnKey="<32 hex>" in a bundle is a hash; only strong names make a bare hex value a secret.
    if (kc == KeyClass::key && alphabet_size(value) == 16) return;
    if (value.find_first_of(" \t") != std::string_view::npos) return;
    if (value.find("://") != std::string_view::npos || value.front() == '/' || value.starts_with("./") || value.starts_with("~/")) return;
    std::size_t at = value.find('@');
    if (at != std::string_view::npos && value.find('.', at) != std::string_view::npos) return;  // an email address
    int classes = static_cast<int>(has_lower(value)) + static_cast<int>(has_upper(value)) + static_cast<int>(has_digit(value));
    if (classes < 2) return;
    if (kc != KeyClass::password && value.size() < 16) return;
    if (value.size() < 20 && !has_digit(value)) return;
    if (!looks_random(value)) return;
    TokenMatch m;
    m.span = value_span;
    m.value = std::string(value);
    m.rule = "generic-secret";
    m.kind = kc == KeyClass::password ? "password" : "secret";
    m.power = "whatever the key name says it unlocks";
    m.severity = Severity::high;
    m.confidence = Confidence::medium;
    m.priority = kPriorityGeneric;
    out.push_back(std::move(m));
}

void Engine::resolve_overlaps(std::vector<TokenMatch>& matches) {
    std::sort(matches.begin(), matches.end(), [](const TokenMatch& a, const TokenMatch& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.span.begin < b.span.begin;
    });
    std::vector<TokenMatch> kept;
    for (TokenMatch& m : matches) {
        bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const TokenMatch& k) {
            return m.span.begin < k.span.end && k.span.begin < m.span.end;
        });
        if (!overlaps) kept.push_back(std::move(m));
    }
    std::sort(kept.begin(), kept.end(), [](const TokenMatch& a, const TokenMatch& b) { return a.span.begin < b.span.begin; });
    matches = std::move(kept);
}

} // namespace handoff::tokens
