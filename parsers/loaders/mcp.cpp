#include "parsers/loaders/agent_facts.hpp"
#include "parsers/loaders/loader.hpp"

namespace handoff {

// MCP client configs of every client; the servers half is in mcp_servers.cpp, and a
// config that also carries settings (Gemini, Claude Code) gets those read too.
void load_mcp_config(Document& doc) { load_agent_file(doc, AgentFileKind::mcp_config); }

} // namespace handoff
