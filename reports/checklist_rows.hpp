#pragma once
// The client's key checklist, as rows every writer renders: every secret the project needs,
// where to create it and where to put it, every key found written into a file (leaked: to
// rotate before the handoff), every placeholder the client must fill, and when one key serves
// several consumers, the advice to give each its own.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/provider.hpp"
#include "core/scan_result.hpp"
#include "reports/report_view.hpp"

namespace handoff {

// Where a client creates a key for a provider (the SecretRef.provider guess).
struct ProviderConsole {
    std::string id;    // the provider table's id ("openai"); empty when the table does not know it
    std::string name;  // "OpenAI"; empty when there is no guess
    std::string where; // plain words: "OpenAI platform > API keys"
    std::string url;   // the console page; empty when unknown
};

// The console for a provider id from the table (an n8n credential type such as slackApi or
// googleSheetsOAuth2Api finds its provider too); when the id is unknown or empty, a guess
// from the secret's name (OPENAI_API_KEY -> OpenAI, GH_TOKEN -> GitHub), marked as a guess.
ProviderConsole provider_console(std::span<const ProviderInfo> providers, std::string_view provider,
                                 std::string_view secret_name = {});

enum class KeyStatus : std::uint8_t {
    leaked,     // a value is written in the project's files: revoke it, create a new key
    to_supply,  // the file holds a placeholder where a reference belongs: the client supplies it
    needed,     // referenced the right way: create it and store it
    package,    // not a secret: something to install (an n8n community package)
};
// "leaked: rotate before handoff", "to be supplied by the client", "to create", "to install"
std::string_view status_text(KeyStatus status);

// One row of the checklist: one distinct secret, merged by name and provider over every
// store that holds it; or one distinct leaked value that nothing references.
struct ChecklistRow {
    std::string name;                 // OPENAI_API_KEY; for a leaked value nothing names, the rule's title
    KeyStatus status = KeyStatus::needed;
    ProviderConsole console;
    std::vector<std::string> put_in;  // every place the project reads it from, in plain words
    std::vector<std::string> used_by;
    std::vector<Location> references; // references, then declarations
    std::vector<Location> leaked_at;  // where a value is written
    bool env = false;                 // an environment variable name: a line of .env.example
    std::map<std::string, std::string> power;  // what each user may do besides (InventoryEntry::power)
    // When one key serves several consumers (the same name used by several, or the same value
    // written in several files): the advice to give each its own, narrowest key. Else empty.
    std::string one_key_each;
};
// Leaked first, then placeholders, then the rest, then packages; by name within each.
std::vector<ChecklistRow> checklist_rows(const ScanResult& result);
// The narrowest keys a provider offers, for giving each consumer its own ("restricted keys
// with only the resources it needs"); a general sentence for a provider without a known option.
std::string_view narrow_key_options(std::string_view provider_id);
// How many rows have this status.
std::size_t count_rows(const std::vector<ChecklistRow>& rows, KeyStatus status);
// The keys to set up (every row but packages) and the leaked ones among them.
KeyCounts key_counts(const std::vector<ChecklistRow>& rows);

// A name a shell accepts as an environment variable: letters, digits and '_', not starting with a digit.
bool is_env_variable_name(std::string_view name);

} // namespace handoff
