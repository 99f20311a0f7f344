#pragma once
// The one-pass token engine: a literal prefilter over a text's bytes, RE2 only where a
// keyword was seen, then each pattern's validator (validators.hpp). Key context (pairs read
// from lines by pairs.hpp, or key names handed in from a tree) feeds the generic rule and the
// providers whose tokens have no prefix. Every rule and provider comes from the catalog.
// Built once, immutable, safe to share by threads.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/location.hpp"

namespace handoff::tokens {

struct TokenMatch {
    Span span;                // the secret's bytes in the scanned text
    std::string value;        // the secret itself (decoded when it was base64); only hashed or redacted
    std::string_view rule;
    std::string_view kind;    // "live secret key", "password", ...
    std::string_view power;   // what it can do
    Severity severity = Severity::high;
    Confidence confidence = Confidence::high;
    std::string note;         // "base64-encoded", "expired", ...
    int priority = 0;         // overlap resolution: provider shape > key context > generic
    // A local service's default login (postgres:postgres@localhost): noise in CI service
    // containers and compose files, a finding where only a reference belongs (.env).
    bool local_default = false;
};

class Engine {
public:
    static const Engine& instance();
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    Engine(Engine&&) = delete;
    Engine& operator=(Engine&&) = delete;

    // Provider patterns over text; with keyed_lines, also KEY=value style pairs on the
    // lines that mention a secret-like word. Appends; spans are offsets into text.
    // context_hits, when given, receives the offsets of every secret-like word seen, so a
    // caller with a tree can tell which values are worth reading for pairs.
    void scan(std::string_view text, bool keyed_lines, std::vector<TokenMatch>& out,
              std::vector<std::uint32_t>* context_hits = nullptr) const;

    // One value under a key name (from a tree, or a pair on a line): providers without a
    // prefix by key or line context, base64 of a token decoded once, then the generic
    // rule. `context` is the surrounding line or key path used for provider hints.
    // value_span is where the value is in the caller's text.
    void judge_keyed(std::string_view key, std::string_view context, std::string_view value, Span value_span,
                     std::vector<TokenMatch>& out) const;

    // Keeps, among overlapping matches, the one with the highest priority; sorts by span.
    static void resolve_overlaps(std::vector<TokenMatch>& matches);

private:
    Engine();
    // judge_keyed; decoded says the value is already the decoded text of a base64 value.
    void judge(std::string_view key, std::string_view context, std::string_view value, Span value_span,
               std::vector<TokenMatch>& out, bool decoded) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace handoff::tokens
