#pragma once
// The client's key checklist: every secret the project needs, where to create it and
// where to put it, plus a generated .env.example. `handoff checklist PATH` prints it;
// the Markdown and HTML reports embed the same content.
#include <ostream>
#include <string>
#include <vector>

#include "core/inventory.hpp"
#include "core/scan_result.hpp"

namespace handoff {

// The whole checklist as Markdown, starting with a level-1 heading.
void write_checklist(const ScanResult& result, std::ostream& out);
// The same, with headings at heading_level (2 = "##"), for embedding in a report.
void write_checklist_section(const ScanResult& result, std::ostream& out, int heading_level);

// The .env.example text for the inventory's environment variables: one commented
// "NAME=" line each, or a comment saying none is needed.
std::string env_example(const std::vector<InventoryEntry>& inventory);

// Where each entry is referenced, as "path:line" texts (at most limit, then "N more").
std::vector<std::string> reference_texts(const InventoryEntry& entry, std::size_t limit);

} // namespace handoff
