#include "checks/tokens/placeholder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "checks/tokens/entropy.hpp"
#include "core/text.hpp"

namespace handoff::tokens {

namespace {

// Trimmed from both ends of a value before judging it: white space and quotes.
constexpr std::string_view kTrimmed = " \t\n\r\v\f\"'`";

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool all_ident(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ident_char(c) || c == '.' || c == '-'; });
}

constexpr std::array<std::string_view, 8> kStorePrefixes = {
    "op://", "vault:", "arn:aws:secretsmanager:", "arn:aws:ssm:", "@microsoft.keyvault(", "${ssm:", "secretsmanager:", "azurekeyvault:"};

// Words that only appear in values meant to be replaced (checked case-insensitively).
constexpr std::array<std::string_view, 22> kPlaceholderWords = {
    "your", "example", "sample", "dummy", "fake", "placeholder", "changeme", "change_me", "change-me",
    "replace", "insert", "redacted", "todo", "xxxx", "not-a-secret", "not_a_secret", "notasecret",
    "__set", "goes-here", "goes_here", "here", "...",
};

constexpr std::array<std::string_view, 14> kPlaceholderValues = {
    "secret", "password", "passwd", "token", "test", "testing", "null", "none", "nil", "undefined",
    "empty", "default", "string", "apikey",
};
// "hunter2-hunter2", "abcabcabc": a value that repeats a shorter part of itself was typed,
// not generated.
bool repeats_itself(std::string_view v) {
    std::size_t n = v.size();
    // Periods up to where at least four characters still compare.
    for (std::size_t period = 2; period + 4 <= n; ++period) {
        std::size_t same = 0;
        for (std::size_t i = 0; i + period < n; ++i) same += v[i] == v[i + period] ? 1 : 0;
        if (same * 10 >= (n - period) * 8) return true;
    }
    return false;
}
// systemInfo.ssh_password, this.config.secretValue, item.json.apiToken: a value read in
// code, not a value written in it. Every dot-separated part is a short identifier.
bool is_code_path(std::string_view v) {
    std::size_t parts = 0;
    while (true) {
        std::size_t dot = v.find('.');
        std::string_view part = v.substr(0, dot);
        bool identifier = !part.empty() && part.size() <= 32 && std::isdigit(static_cast<unsigned char>(part[0])) == 0 &&
                          std::all_of(part.begin(), part.end(), [](char c) { return is_ident_char(c) || c == '$'; });
        if (!identifier) return false;
        ++parts;
        if (dot == std::string_view::npos) return parts >= 2;
        v.remove_prefix(dot + 1);
    }
}
} // namespace

bool is_reference(std::string_view raw) {
    std::string_view v = trim(raw, kTrimmed);
    if (v.empty()) return false;
    if (v.front() == '=') v.remove_prefix(1);  // n8n expression marker
    if (contains(v, "${{") || contains(v, "{{")) return true;  // Actions, n8n, Helm, Postman, Jinja
    if (contains(v, "${")) return true;                         // shell, compose, VS Code, Maven
    if (contains(v, "$(")) return true;                         // Azure Pipelines, shell substitution
    std::string l = lower(v);
    for (std::string_view p : kStorePrefixes) {
        if (l.starts_with(p) || contains(l, p)) return true;
    }
    if (v.front() == '$' && v.size() > 1 && all_ident(v.substr(1))) return true;  // $VAR
    if (v.size() > 2 && v.front() == '%' && v.back() == '%' && all_ident(v.substr(1, v.size() - 2))) return true;
    if (v.starts_with("ENC[") || v.starts_with("$ANSIBLE_VAULT")) return true;
    if (v.size() > 2 && v.front() == '{' && v.back() == '}') return true;  // Maven-encrypted {...}
    if (v.starts_with("AQAAANCMnd8BFdERjHoAwE")) return true;             // DPAPI blob
    if (l.starts_with("credentials(") || l.starts_with("secrets.") || l.starts_with("env.") ||
        l.starts_with("process.env.") || l.starts_with("os.environ") || l.starts_with("var.")) {
        return true;
    }
    return is_code_path(v);
}

bool is_documented_example(std::string_view token) {
    static constexpr std::array<std::string_view, 5> kDocs = {
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAIOSFODNN7EXAMPLE",
        // Azurite, the local Azure Storage emulator: its account key is published.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="};
    if (std::find(kDocs.begin(), kDocs.end(), token) != kDocs.end()) return true;
    return token.size() >= 7 && (token.ends_with("EXAMPLE") || token.ends_with("EXAMPLEKEY"));
}

bool is_placeholder_token(std::string_view token) {
    if (is_documented_example(token)) return true;
    if (contains(token, "***") || contains(token, "...") || contains(token, "\xE2\x80\xA6")) return true;
    if (has_repeated_run(token, 6)) return true;
    std::string l = lower(token);
    for (std::string_view w : {std::string_view("xxxx"), std::string_view("your"), std::string_view("example"),
                               std::string_view("placeholder"), std::string_view("redacted"), std::string_view("dummy"),
                               std::string_view("changeme"), std::string_view("insert"), std::string_view("replace")}) {
        if (contains(l, w)) return true;
    }
    return false;
}

bool is_placeholder_value(std::string_view raw) {
    std::string_view v = trim(raw, kTrimmed);
    if (v.empty()) return true;
    if (is_placeholder_token(v)) return true;
    if (v.front() == '<' && v.back() == '>') return true;
    if (v.front() == '[' && v.back() == ']') return true;
    std::string l = lower(v);
    for (std::string_view w : kPlaceholderWords) {
        if (contains(l, w)) return true;
    }
    for (std::string_view w : kPlaceholderValues) {
        if (l == w) return true;
    }
    if (distinct_chars(v) <= 4) return true;
    if (repeats_itself(v)) return true;
    if (has_sequential_run(v, 6)) return true;
    return false;
}

} // namespace handoff::tokens
