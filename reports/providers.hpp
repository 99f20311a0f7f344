#pragma once
// Where a client creates a key for a provider (the SecretRef.provider guess).
#include <string>
#include <string_view>

namespace handoff {

struct ProviderConsole {
    std::string name;  // "OpenAI"; the id itself when unknown; empty when there is no guess
    std::string where; // plain words: "OpenAI platform > API keys"
    std::string url;   // the console page; empty when unknown
};

// The console for a provider id; when the id is empty, a guess from the secret's name
// (OPENAI_API_KEY -> OpenAI, GH_TOKEN -> GitHub), marked as a guess in `where`.
ProviderConsole provider_console(std::string_view provider, std::string_view secret_name = {});

} // namespace handoff
