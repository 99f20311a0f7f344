#pragma once
// The client's key checklist: every secret the project needs, where to create it and
// where to put it, plus a generated .env.example. `handoff checklist PATH` prints it;
// the Markdown and HTML reports embed the same content.
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/inventory.hpp"
#include "core/provider.hpp"
#include "core/scan_result.hpp"

namespace handoff {

// The whole checklist as Markdown, starting with a level-1 heading.
void write_checklist(const ScanResult& result, std::ostream& out);
// The same, with headings at heading_level (2 = "##"), for embedding in a report.
void write_checklist_section(const ScanResult& result, std::ostream& out, int heading_level);

// The .env.example text for the inventory's environment variables: one commented
// "NAME=" line each (naming the provider from the table), or a comment saying none is needed.
std::string env_example(const std::vector<InventoryEntry>& inventory, std::span<const ProviderInfo> providers);

// Where a client creates a key for a provider (the SecretRef.provider guess).
struct ProviderConsole {
    std::string name;  // "OpenAI"; the id itself when unknown; empty when there is no guess
    std::string where; // plain words: "OpenAI platform > API keys"
    std::string url;   // the console page; empty when unknown
};

// The console for a provider id from the table; when the id is empty, a guess from the
// secret's name (OPENAI_API_KEY -> OpenAI, GH_TOKEN -> GitHub), marked as a guess in `where`.
ProviderConsole provider_console(std::span<const ProviderInfo> providers, std::string_view provider,
                                 std::string_view secret_name = {});

// Where each entry is referenced, as "path:line" texts (at most limit, then "N more").
std::vector<std::string> reference_texts(const InventoryEntry& entry, std::size_t limit);

} // namespace handoff
