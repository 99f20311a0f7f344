#pragma once
// A provider whose keys a project may need: what to call it and where a client creates or
// rotates its key. The token catalog owns the table (checks/tokens/catalog.cpp); the CLI
// hands it to the reports in the scan result, so reports never include checks/.
#include <span>
#include <string_view>

namespace handoff {

struct ProviderInfo {
    std::string_view id;       // "openai": what SecretRef.provider and inventory entries carry
    std::string_view name;     // "OpenAI"
    std::string_view console;  // where a key is created or rotated, in plain words
    std::string_view url;      // that console page; empty when unknown
    std::string_view aliases;  // '|'-separated short names used in variable names: "gh"
};

// The provider with this id, ignoring case, or null.
const ProviderInfo* find_provider(std::span<const ProviderInfo> table, std::string_view id);
// The provider named by the first word of a secret's name that is a provider id or alias
// (OPENAI_API_KEY -> openai, GH_TOKEN -> github), or null.
const ProviderInfo* provider_named_in(std::span<const ProviderInfo> table, std::string_view secret_name);

} // namespace handoff
