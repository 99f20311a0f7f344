#pragma once
// What handoff knows about n8n node types: which are entry points, which run code
// or commands, touch files, query SQL, call out, and which need a credential.
// The tables are data in n8n_node_types.cpp; everything else asks through here.
#include <cstdint>
#include <string_view>

namespace handoff {

enum class N8nRole : std::uint8_t {
    other,
    webhook,          // n8n-nodes-base.webhook
    form_trigger,     // n8n-nodes-base.formTrigger
    chat_trigger,     // @n8n/n8n-nodes-langchain.chatTrigger
    mcp_trigger,      // @n8n/n8n-nodes-langchain.mcpTrigger
    wait,             // n8n-nodes-base.wait (may resume on a webhook or form)
    command,          // executeCommand, ssh
    code,             // code, function, functionItem, LangChain code, toolCode, aiTransform
    http,             // httpRequest, httpRequestTool, toolHttpRequest
    mcp_client,       // mcpClientTool, mcpClient
    file,             // file system and file transfer nodes
    sql,              // postgres, mySql, ... (n8n audit's SQL_NODE_TYPES)
    instance_api,     // n8n-nodes-base.n8n
    agent,            // @n8n/n8n-nodes-langchain.agent
};

struct N8nTypeInfo {
    N8nRole role = N8nRole::other;
    bool official = false;         // n8n-nodes-base or @n8n/n8n-nodes-langchain
    bool audit_risky = false;      // in n8n audit's OFFICIAL_RISKY_NODE_TYPES
    bool audit_filesystem = false; // in n8n audit's FILESYSTEM_INTERACTION_NODE_TYPES
    bool audit_validator = false;  // counts as a payload validator for n8n audit's webhook check
    bool audit_sql = false;        // in n8n audit's SQL_NODE_TYPES
    bool audit_sql_params = false; // in SQL_NODE_TYPES_WITH_QUERY_PARAMS
    bool needs_credential = false; // an app node that cannot run without a credential
    bool app_trigger = false;      // a third-party trigger that receives webhooks
};

N8nTypeInfo n8n_type_info(std::string_view type);

// "n8n-nodes-mcp" for "n8n-nodes-mcp.mcpClientTool"; empty for official packages.
std::string_view n8n_community_package(std::string_view type);

} // namespace handoff
