#pragma once
// The client's key checklist as Markdown: `handoff checklist PATH` prints it and the Markdown
// report embeds it; with the generated .env.example. Its rows: reports/checklist_rows.hpp.
#include <ostream>
#include <string>
#include <vector>

#include "core/scan_result.hpp"
#include "reports/checklist_rows.hpp"

namespace handoff {

// The whole checklist as Markdown, starting with a level-1 heading.
void write_checklist(const ScanResult& result, std::ostream& out);
// The same, with headings at heading_level (2 = "##"), for embedding in a report.
void write_checklist_section(const ScanResult& result, std::ostream& out, int heading_level);
void write_checklist_section(const std::vector<ChecklistRow>& rows, std::ostream& out, int heading_level);

// The .env.example text: one commented "NAME=" line for each row that is an environment
// variable name, or a comment saying none is needed.
std::string env_example(const std::vector<ChecklistRow>& rows);
std::string env_example(const ScanResult& result);

// Where a row is referenced, as "path:line:col" texts (at most limit, then "N more places").
std::vector<std::string> location_texts(const std::vector<Location>& locations, std::size_t limit);

} // namespace handoff
