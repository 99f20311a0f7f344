#pragma once
// The parts of n8n expressions (`={{ ... }}`) and Code-node source that matter for
// secrets and data flow: $env.X, $vars.X, $secrets.p.x, $fromAI(...), $json,
// $('Node') / $node["Node"], process.env.X. A hand-written scanner, linear time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/automation.hpp"  // is_n8n_expression

namespace handoff {

enum class N8nRefKind : std::uint8_t {
    env,          // $env.X, $env['X']
    process_env,  // process.env.X (Code nodes)
    vars,         // $vars.X
    secrets,      // $secrets.provider.name (name = "provider.name")
    from_ai,      // $fromAI('key', ...): a value the LLM chooses
    item_data,    // $json, $input, $item(...), $binary: the incoming item
    node_data,    // $('Node'), $node["Node"], $node.Node: another node's output
};

struct N8nRef {
    N8nRefKind kind = N8nRefKind::env;
    std::string name;          // variable, key or node name; empty for item_data
    std::size_t offset = 0;    // where the reference starts in the scanned text
    std::size_t length = 0;
};

// Every reference in the text (an expression or code source).
std::vector<N8nRef> scan_n8n_refs(std::string_view text);

// LangChain HTTP tool placeholders: "{name}" segments in a URL that the LLM fills.
bool has_tool_placeholder(std::string_view text);

} // namespace handoff
