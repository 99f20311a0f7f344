#include "checks/tokens/key_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace handoff::tokens {

namespace {
bool has(const std::vector<std::string>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Words that make a key name about something other than a secret value.
constexpr std::array<std::string_view, 40> kNotSecretWords = {
    "id", "ids", "sid", "url", "uri", "urls", "endpoint", "host", "hostname", "name", "path", "file", "dir", "type",
    "example", "sample", "placeholder", "hash", "checksum", "digest", "sha", "sha256", "fingerprint", "version",
    "length", "size", "count", "format", "prefix", "hint", "description", "label", "public", "publishable",
    "anon", "cache", "expires", "expiry", "ttl", "field",
};

constexpr std::array<std::string_view, 11> kPasswordWords = {
    "password", "passwd", "pwd", "pass", "passphrase", "passcode", "cleartextpassword", "dbpass", "userpass",
    "pw", "pswd",
};

constexpr std::array<std::string_view, 14> kSecretWords = {
    "secret", "secrets", "token", "tokens", "apikey", "credential", "credentials", "auth", "authorization",
    "bearer", "privatekey", "accesskey", "signingkey", "clientsecret",
};

// "<word> key" pairs that are not secrets.
constexpr std::array<std::string_view, 16> kNotSecretKeyQualifiers = {
    "cache", "public", "publishable", "anon", "primary", "foreign", "sort", "partition", "idempotency",
    "map", "row", "lookup", "object", "dedup", "ssh_public", "instrumentation",
};
// Trailing words that qualify a name without changing what it holds: API_KEY_PROD, token2.
bool is_noise_word(std::string_view w) {
    static constexpr std::array<std::string_view, 16> kNoise = {
        "value", "val", "str", "string", "b64", "base64", "raw", "prod", "production", "staging",
        "dev", "live", "old", "new", "current", "env",
    };
    if (std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) return true;
    if (w.size() == 2 && w[0] == 'v' && std::isdigit(static_cast<unsigned char>(w[1])) != 0) return true;
    return std::find(kNoise.begin(), kNoise.end(), w) != kNoise.end();
}
// "<word> key" pairs that always name a secret.
constexpr std::array<std::string_view, 12> kStrongKeyQualifiers = {
    "api", "access", "secret", "private", "signing", "encryption", "master", "client", "service", "admin",
    "subscription", "license",
};
} // namespace

std::vector<std::string> key_words(std::string_view key) {
    std::vector<std::string> words;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) words.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        auto c = static_cast<unsigned char>(key[i]);
        if (std::isalnum(c) == 0) {
            flush();
            continue;
        }
        bool upper = std::isupper(c) != 0;
        if (upper && !cur.empty()) {
            auto prev = static_cast<unsigned char>(key[i - 1]);
            bool next_lower = i + 1 < key.size() && std::islower(static_cast<unsigned char>(key[i + 1])) != 0;
            if (std::islower(prev) != 0 || (std::isupper(prev) != 0 && next_lower)) flush();
        }
        cur.push_back(static_cast<char>(std::tolower(c)));
    }
    flush();
    return words;
}

KeyClass classify_key(std::string_view key) {
    std::vector<std::string> w = key_words(key);
    if (w.empty() || w.size() > 8) return KeyClass::none;
    for (std::string_view bad : kNotSecretWords) {
        if (has(w, bad)) return KeyClass::none;
    }
    // The head noun decides: secretTraceBucket is a bucket, apiKeyRef a reference name.
    while (w.size() > 1 && is_noise_word(w.back())) w.pop_back();
    const std::string& head = w.back();
    for (std::string_view p : kPasswordWords) {
        if (head == p) return KeyClass::password;
    }
    for (std::string_view s : kSecretWords) {
        if (head == s) return KeyClass::secret;
    }
    // Compound spellings written as one word: "apikey", "dbpassword", "authtoken".
    if (head.find("password") != std::string::npos || head.find("passwd") != std::string::npos) return KeyClass::password;
    if (head.find("secret") != std::string::npos || head.find("token") != std::string::npos ||
        head.find("apikey") != std::string::npos) {
        return KeyClass::secret;
    }
    if (head == "key" || head == "pat") {
        if (w.size() == 1) return KeyClass::secret;
        const std::string& q = w[w.size() - 2];
        for (std::string_view bad : kNotSecretKeyQualifiers) {
            if (q == bad) return KeyClass::none;
        }
        for (std::string_view strong : kStrongKeyQualifiers) {
            if (q == strong) return KeyClass::secret;
        }
        return KeyClass::key;
    }
    return KeyClass::none;
}

std::string_view provider_hint(std::string_view text) {
    std::string l(text.substr(0, 4096));
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    struct Hint { std::string_view needle, provider; };
    static constexpr std::array<Hint, 56> kHints = {{
        {"mistral", "mistral"}, {"cohere", "cohere"}, {"co_api_key", "cohere"}, {"deepseek", "deepseek"},
        {"twilio", "twilio"}, {"aoai", "azure-openai"}, {"azure_openai", "azure-openai"},
        {"openai.azure.com", "azure-openai"}, {"azure-openai", "azure-openai"}, {"discord", "discord"},
        {"mailgun", "mailgun"}, {"secret_access_key", "aws"}, {"secretaccesskey", "aws"},
        {"aws_session_token", "aws-session"}, {"sessiontoken", "aws-session"}, {"pinecone", "pinecone"},
        {"heroku", "heroku"}, {"railway", "railway"}, {"postmark", "postmark"}, {"hubspot", "hubspot"},
        {"hapikey", "hubspot"}, {"vercel", "vercel"}, {"netlify", "netlify"}, {"ngrok", "ngrok"},
        {"cloudflare", "cloudflare"}, {"cf_api_token", "cloudflare"}, {"cf_api_key", "cloudflare"},
        {"sentry", "sentry"}, {"datadog", "datadog"}, {"dd_api_key", "datadog"}, {"dd_app_key", "datadog"},
        {"dd_application_key", "datadog"}, {"dd-api-key", "datadog"}, {"dd-application-key", "datadog"},
        {"circleci", "circleci"}, {"circle_token", "circleci"}, {"alibaba", "alibaba"}, {"aliyun", "alibaba"},
        {"alicloud", "alibaba"}, {"asana", "asana"}, {"intercom", "intercom"}, {"zendesk", "zendesk"},
        {"okta", "okta"}, {"elevenlabs", "elevenlabs"}, {"xi-api-key", "elevenlabs"}, {"xi_api_key", "elevenlabs"},
        {"assemblyai", "assemblyai"}, {"deepgram", "deepgram"}, {"together_api_key", "together"},
        {"api.together", "together"}, {"wandb", "wandb"}, {"infisical", "infisical"},
        {"trello", "trello"}, {"codecov", "codecov"}, {"snyk", "snyk"}, {"serpapi", "serpapi"},
    }};
    for (const Hint& h : kHints) {
        if (l.find(h.needle) != std::string::npos) return h.provider;
    }
    return {};
}

} // namespace handoff::tokens
