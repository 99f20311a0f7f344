#pragma once
// The docs/rules/<id>.md pages, compiled into the binary at build time
// (cmake/embed_rule_docs.cmake), so reports can quote them without reading files.
#include <string_view>
#include <vector>

namespace handoff {

// The page for a rule id, or an empty view when the rule has no page.
std::string_view rule_doc(std::string_view id);
// Every rule id that has a page, sorted.
std::vector<std::string_view> rule_doc_ids();

} // namespace handoff
