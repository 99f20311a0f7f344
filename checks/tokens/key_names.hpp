#pragma once
// Whether a key name (map key, KEY=value variable, header, XML element or attribute)
// says its value is a secret, and which provider it names.
#include <string>
#include <string_view>
#include <vector>

namespace handoff::tokens {

enum class KeyClass {
    none,      // nothing secret-like (id, url, checksum, cache_key, ...)
    password,  // password, passwd, pwd, passphrase: short values count
    secret,    // token, secret, api key, authorization, credential
    key,       // some other *_key / *Key: a secret when the value is not a bare hex hash
};

// Lower-case words of a key: "X-N8N-API-KEY" -> x n8n api key, "apiKey" -> api key,
// "CO_API_KEY" -> co api key.
std::vector<std::string> key_words(std::string_view key);

KeyClass classify_key(std::string_view key);

// The provider a key name or a line of code names ("mistral", "cohere", "twilio",
// "azure-openai", "deepseek", "aws", "discord", "mailgun", ...), or empty.
std::string_view provider_hint(std::string_view text);

} // namespace handoff::tokens
