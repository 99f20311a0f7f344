#include "checks/tokens/engine.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <mutex>

#include "checks/tokens/base64.hpp"
#include "checks/tokens/catalog.hpp"
#include "checks/tokens/entropy.hpp"
#include "checks/tokens/key_names.hpp"
#include "checks/tokens/literal_set.hpp"
#include "checks/tokens/pairs.hpp"
#include "checks/tokens/placeholder.hpp"
#include "checks/tokens/validators.hpp"
#include "core/text.hpp"

namespace handoff::tokens {

namespace {
constexpr int kPriorityGeneric = 1;
constexpr int kPriorityContext = 2;
constexpr int kPriorityStructured = 3;  // credentials inside a structure (URL, docker auth, maven, nuget)
constexpr int kPriorityProvider = 4;

bool is_token_char(char c) { return is_alnum(c) || c == '_' || c == '-'; }

// A letter or digit right before `at` makes a match part of a longer word, unless that letter
// ends an escape in a quoted string ("see\nghp_..." in a transcript's JSON): an odd run of
// backslashes before it. The run is counted to a bound, so a line of backslashes stays linear.
bool glued_to_word(std::string_view text, std::size_t at) {
    if (at == 0 || !is_alnum(text[at - 1])) return false;
    std::size_t slashes = 0;
    for (std::size_t i = at - 1; i > 0 && text[i - 1] == '\\' && slashes < 16; --i) ++slashes;
    return slashes % 2 == 0;
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

constexpr Validator kNoValidator{};

TokenMatch make_match(const Candidate& c, Span span, int priority) {
    TokenMatch m;
    m.span = span;
    m.value = c.identity ? *c.identity : std::string(c.secret);
    m.rule = c.rule;
    m.kind = c.kind;
    m.power = c.power;
    m.severity = c.severity;
    m.confidence = c.confidence;
    m.note = c.note;
    m.priority = priority;
    m.local_default = c.local_default;
    return m;
}

// The generic rule's test: a value that looks random for its length and alphabet, and is
// none of the usual non-secrets (UUIDs, digests, paths, URLs, email addresses).
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

bool is_hex(std::string_view v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Keys shaped as hex or a UUID (NetBox and DRF tokens, Heroku-style UUID keys, 64-hex bearer
// tokens). The same shapes are commits, digests and ids under other names, so only a name
// that says secret (token, api_key, secret, password, an auth header) makes them one, and
// their randomness is judged against the 16 hex symbols, not against base64's 64.
bool looks_like_hex_key(std::string_view key, std::string_view value, KeyClass kc) {
    if (kc != KeyClass::secret && kc != KeyClass::password) return false;
    std::string body;
    if (is_uuid(value)) {
        // "credential": "<uuid>" (Flowise, n8n) points at a stored credential by its id.
        std::vector<std::string> words = key_words(key);
        if (!words.empty() && (words.back() == "credential" || words.back() == "credentials")) return false;
        for (char c : value) {
            if (c != '-') body.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    } else {
        body = lower(value);
    }
    if (body.size() < 32 || body.size() > 64) return false;
    if (distinct_chars(body) < 10 || has_repeated_run(body, 5)) return false;
    return looks_random(body);
}

bool looks_like_generic_secret(std::string_view key, std::string_view value, KeyClass kc) {
    if (is_known_hash(value)) return false;
    // sk-<uuid>, key_<uuid>: a short word before a UUID is judged by the UUID.
    if (value.size() > 37 && value.size() <= 46 && is_uuid(value.substr(value.size() - 36))) {
        std::string_view prefix = value.substr(0, value.size() - 37);
        char sep = value[value.size() - 37];
        if ((sep == '-' || sep == '_') && std::all_of(prefix.begin(), prefix.end(), [](char c) { return is_alnum(c); })) {
            return looks_like_hex_key(key, value.substr(value.size() - 36), kc);
        }
    }
    bool hex_shaped = is_uuid(value) || (is_hex(value) && alphabet_size(value) == 16);
    // SHA-1 and SHA-256 shapes (commits, digests, content hashes) and UUIDs need a provider
    // or a secret's name to be secrets.
    if (is_uuid(value) || ((value.size() == 40 || value.size() == 64) && hex_shaped)) return looks_like_hex_key(key, value, kc);
    // warnKey="<32 hex>" in a bundle is a hash; only strong names make a bare hex value a secret.
    if (kc == KeyClass::key && hex_shaped) return false;
    if (value.find_first_of(" \t") != std::string_view::npos) return false;
    if (value.find("://") != std::string_view::npos || value.front() == '/' || value.starts_with("./") || value.starts_with("~/")) return false;
    std::size_t at = value.find('@');
    if (at != std::string_view::npos && value.find('.', at) != std::string_view::npos) return false;  // an email address
    int classes = static_cast<int>(has_lower(value)) + static_cast<int>(has_upper(value)) + static_cast<int>(has_digit(value));
    if (classes < 2) return false;
    if (kc != KeyClass::password && value.size() < 16) return false;
    if (value.size() < 20 && !has_digit(value)) return false;
    return looks_random(value);
}
} // namespace

// A regex compiled on first use: most scans meet a handful of the catalog's keywords, and
// compiling all of them up front was most of a small scan's time (a pre-commit run on one file).
class LazyRegex {
public:
    explicit LazyRegex(std::string_view source) : source_(source) {}
    const RE2& get() const {
        std::call_once(once_, [this] { re_ = std::make_unique<RE2>(source_, RE2::Quiet); });
        return *re_;
    }

private:
    std::string_view source_;  // the catalog's static text
    mutable std::once_flag once_;
    mutable std::unique_ptr<RE2> re_;
};

struct Engine::Impl {
    std::vector<std::unique_ptr<LazyRegex>> regexes;     // per pattern
    std::vector<std::vector<std::uint16_t>> by_keyword;  // keyword id -> patterns
    std::uint32_t first_pair_word = 0;                   // keyword ids from here on are pair words
    std::unique_ptr<LiteralSet> literals;
    std::vector<std::unique_ptr<LazyRegex>> shapes;      // per context shape

    Impl() {
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
            regexes.push_back(std::make_unique<LazyRegex>(all[i].regex));
            for (std::string_view kw : split_keywords(all[i].keywords)) {
                by_keyword[keyword_id(kw)].push_back(static_cast<std::uint16_t>(i));
            }
        }
        first_pair_word = static_cast<std::uint32_t>(keywords.size());
        for (std::string_view w : pair_words()) keywords.emplace_back(w);
        literals = std::make_unique<LiteralSet>(keywords);
        for (const ContextShape& s : context_shapes()) shapes.push_back(std::make_unique<LazyRegex>(s.regex));
    }
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

const Engine& Engine::instance() {
    static const Engine engine;
    return engine;
}

void Engine::scan(std::string_view text, bool keyed_lines, std::vector<TokenMatch>& out,
                  std::vector<std::uint32_t>* context_offsets) const {
    const Impl& im = *impl_;
    std::vector<LiteralSet::Hit> hits;
    im.literals->find_all(text, hits);
    auto all = patterns();
    std::vector<std::size_t> pair_hits;  // secret-like words: where key names may be
    // Patterns already tried at a position, so shared keywords do not repeat work.
    std::vector<std::pair<std::size_t, std::uint16_t>> tried;
    for (const LiteralSet::Hit& hit : hits) {
        if (hit.keyword >= im.first_pair_word) {
            if (keyed_lines) pair_hits.push_back(hit.offset);
            if (context_offsets != nullptr) context_offsets->push_back(hit.offset);
            continue;
        }
        for (std::uint16_t pi : im.by_keyword[hit.keyword]) {
            const Pattern& p = all[pi];
            const Validator& check = p.validate != nullptr ? *p.validate : kNoValidator;
            std::size_t from = hit.offset >= p.back ? hit.offset - p.back : 0;
            if (!p.multiline) from = line_start(text, hit.offset, from);
            std::size_t to = std::min(text.size(), static_cast<std::size_t>(hit.offset) + p.max_len + 1);
            // The newline stays inside the window so that a pattern can see where its line ends.
            if (!p.multiline) to = std::min(to, line_end(text, hit.offset, to) + 1);
            if (check.worth_trying != nullptr && !check.worth_trying(text, hit.offset)) continue;
            // An anchored match starts at its keyword: glued to a letter or digit it is part of
            // something else (a run of 'A's in base64, "-user"), so RE2 need not run at all.
            if (p.back == 0 && !check.may_follow_letter && glued_to_word(text, hit.offset)) continue;
            if (std::find(tried.begin(), tried.end(), std::make_pair(from, pi)) != tried.end()) continue;
            tried.emplace_back(from, pi);
            if (tried.size() > 64) tried.erase(tried.begin(), tried.begin() + 32);
            const RE2& re = im.regexes[pi]->get();
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
                if (glued_to_word(text, mb) && !check.may_follow_letter) continue;
                if (se < text.size() && is_token_char(text[se]) && ngroups == 1) continue;
                if (!check.own_placeholders && is_placeholder_token(secret)) continue;
                Candidate c{std::string_view(groups[0].data(), groups[0].size()), secret, text.substr(me), p.rule, p.kind,
                            p.power, p.severity, p.confidence, {}, {}};
                if (check.keep != nullptr && !check.keep(c)) continue;
                out.push_back(make_match(c, {static_cast<std::uint32_t>(sb), static_cast<std::uint32_t>(se)}, check.structured ? kPriorityStructured : kPriorityProvider));
                if (p.back == 0) break;
            }
        }
    }
    if (!keyed_lines) return;
    std::size_t done_until = 0;  // identifiers already read (several keywords in one name)
    for (std::size_t at : pair_hits) {
        if (at < done_until) continue;
        done_until = read_pair_at(*this, text, at, out);
    }
}

void Engine::judge_keyed(std::string_view key, std::string_view context, std::string_view value, Span value_span,
                         std::vector<TokenMatch>& out) const {
    judge(key, context, value, value_span, out, false);
}

void Engine::judge(std::string_view key, std::string_view context, std::string_view value, Span value_span,
                   std::vector<TokenMatch>& out, bool decoded) const {
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
    for (std::string_view pre : public_prefixes()) {
        if (value.starts_with(pre)) return;
    }
    // Base64 of a token, decoded once.
    if (auto text = decoded ? std::nullopt : decode_base64_text(value)) {
        std::vector<TokenMatch> inner;
        scan(*text, false, inner);
        for (TokenMatch& m : inner) {
            if (m.priority < kPriorityProvider) continue;
            m.span = value_span;
            m.note = m.note.empty() ? "base64-encoded" : "base64-encoded, " + m.note;
            out.push_back(std::move(m));
            return;
        }
        // Without a provider shape the decoded text is judged like any other value under the
        // same name (a Kubernetes Secret's data entry, a docker config's auth).
        std::string_view plain = trim(*text, " \t\r\n");
        if (plain.find_first_of(" \t\r\n") == std::string_view::npos && plain.size() >= 8) {
            if (is_reference(plain) || is_placeholder_value(plain)) return;
            std::size_t colon = plain.find(':');
            if (lower(key) == "auth" && colon != std::string_view::npos && colon > 0) {
                // Docker's auth: base64 of user:password.
                std::string_view password = plain.substr(colon + 1);
                if (password.empty() || is_reference(password) || is_placeholder_value(password)) return;
                TokenMatch m;
                m.span = value_span;
                m.value = std::string(value);
                m.rule = "docker-config-auth";
                m.kind = "registry auth";
                m.power = "pulls and pushes images";
                m.severity = Severity::high;
                m.confidence = Confidence::high;
                m.note = "base64 of user:password";
                m.priority = kPriorityStructured;
                out.push_back(std::move(m));
                return;
            }
            std::size_t before = out.size();
            judge(key, context, plain, value_span, out, true);
            if (out.size() > before) {
                for (std::size_t i = before; i < out.size(); ++i) {
                    out[i].span = value_span;
                    out[i].note = out[i].note.empty() ? "base64-encoded" : "base64-encoded, " + out[i].note;
                }
                return;
            }
        }
    }
    if (is_placeholder_value(value)) return;
    // Providers without a prefix, named by the key or the line.
    std::string_view hint = provider_hint(key);
    if (hint.empty()) hint = provider_hint(context);
    if (!hint.empty()) {
        auto shapes = context_shapes();
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            const ContextShape& s = shapes[i];
            if (s.hint != hint || !RE2::FullMatch(value, im.shapes[i]->get())) continue;
            std::string compact;
            for (char c : value) {
                if (c != '-' && c != '.' && c != '_') compact.push_back(c);
            }
            if (s.random && !looks_random(compact)) continue;
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
    if (!looks_like_generic_secret(key, value, kc)) return;
    const GenericRule& generic = generic_rule();
    TokenMatch m;
    m.span = value_span;
    m.value = std::string(value);
    m.rule = generic.rule;
    m.kind = kc == KeyClass::password ? "password" : "secret";
    m.power = generic.power;
    m.severity = generic.severity;
    m.confidence = generic.confidence;
    m.priority = kPriorityGeneric;
    out.push_back(std::move(m));
}

void Engine::resolve_overlaps(std::vector<TokenMatch>& matches) {
    std::sort(matches.begin(), matches.end(), [](const TokenMatch& a, const TokenMatch& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.span.begin < b.span.begin;
    });
    // Kept spans never overlap each other, so a new span can only overlap the kept span
    // that starts just before it or the one that starts first at or after it.
    std::map<std::uint32_t, std::uint32_t> kept_ends;  // begin -> end
    std::vector<TokenMatch> kept;
    for (TokenMatch& m : matches) {
        auto after = kept_ends.lower_bound(m.span.begin);
        if (after != kept_ends.end() && after->first < m.span.end) continue;
        if (after != kept_ends.begin() && std::prev(after)->second > m.span.begin) continue;
        kept_ends.emplace(m.span.begin, m.span.end);
        kept.push_back(std::move(m));
    }
    std::sort(kept.begin(), kept.end(), [](const TokenMatch& a, const TokenMatch& b) { return a.span.begin < b.span.begin; });
    matches = std::move(kept);
}

} // namespace handoff::tokens
