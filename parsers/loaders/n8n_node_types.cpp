#include "parsers/loaders/n8n_node_types.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace handoff {

namespace {

constexpr std::string_view kBase = "n8n-nodes-base";
constexpr std::string_view kLangchain = "@n8n/n8n-nodes-langchain";

struct RoleEntry {
    std::string_view package;
    std::string_view name;
    N8nRole role;
};

// Exact types by role. Tool variants (`<node>Tool`) of base nodes fall back to their node.
constexpr std::array kRoles{
    RoleEntry{kBase, "webhook", N8nRole::webhook},
    RoleEntry{kBase, "formTrigger", N8nRole::form_trigger},
    RoleEntry{kLangchain, "chatTrigger", N8nRole::chat_trigger},
    RoleEntry{kLangchain, "mcpTrigger", N8nRole::mcp_trigger},
    RoleEntry{kBase, "wait", N8nRole::wait},
    RoleEntry{kBase, "executeCommand", N8nRole::command},
    RoleEntry{kBase, "ssh", N8nRole::command},
    RoleEntry{kBase, "code", N8nRole::code},
    RoleEntry{kBase, "function", N8nRole::code},
    RoleEntry{kBase, "functionItem", N8nRole::code},
    RoleEntry{kBase, "aiTransform", N8nRole::code},
    RoleEntry{kLangchain, "code", N8nRole::code},
    RoleEntry{kLangchain, "toolCode", N8nRole::code},
    RoleEntry{kBase, "httpRequest", N8nRole::http},
    RoleEntry{kLangchain, "toolHttpRequest", N8nRole::http},
    RoleEntry{kLangchain, "mcpClientTool", N8nRole::mcp_client},
    RoleEntry{kLangchain, "mcpClient", N8nRole::mcp_client},
    RoleEntry{kBase, "readBinaryFile", N8nRole::file},
    RoleEntry{kBase, "readBinaryFiles", N8nRole::file},
    RoleEntry{kBase, "writeBinaryFile", N8nRole::file},
    RoleEntry{kBase, "readPdf", N8nRole::file},
    RoleEntry{kBase, "spreadsheetFile", N8nRole::file},
    RoleEntry{kBase, "readWriteFile", N8nRole::file},
    RoleEntry{kBase, "localFileTrigger", N8nRole::file},
    RoleEntry{kBase, "ftp", N8nRole::file},
    RoleEntry{kBase, "git", N8nRole::file},
    RoleEntry{kBase, "postgres", N8nRole::sql},
    RoleEntry{kBase, "crateDb", N8nRole::sql},
    RoleEntry{kBase, "questDb", N8nRole::sql},
    RoleEntry{kBase, "timescaleDb", N8nRole::sql},
    RoleEntry{kBase, "mySql", N8nRole::sql},
    RoleEntry{kBase, "microsoftSql", N8nRole::sql},
    RoleEntry{kBase, "snowflake", N8nRole::sql},
    RoleEntry{kBase, "n8n", N8nRole::instance_api},
    RoleEntry{kLangchain, "agent", N8nRole::agent},
};

// n8n audit 2.41.1 constants (packages/cli/src/security-audit/constants.ts).
constexpr std::string_view kAuditRisky[] = {"executeCommand", "code",  "function", "functionItem",
                                                      "httpRequest",    "ssh",   "ftp"};
constexpr std::string_view kAuditFilesystem[] = {"readPdf", "readBinaryFile", "readBinaryFiles",
                                                           "spreadsheetFile", "writeBinaryFile"};
constexpr std::string_view kAuditValidators[] = {"if", "switch", "code", "function", "functionItem"};
constexpr std::string_view kAuditSql[] = {"postgres", "crateDb",      "questDb",  "timescaleDb",
                                                    "mySql",    "microsoftSql", "snowflake"};
constexpr std::string_view kAuditSqlParams[] = {"postgres", "crateDb", "questDb", "timescaleDb"};

// Base nodes that run without any credential, or whose credential depends on a
// setting the checks read themselves (httpRequest, webhook, wait, ...).
constexpr std::string_view kBaseNoCredential[] = {
    "aggregate", "aiTransform", "chargebeeTrigger", "code", "coinGecko", "compareDatasets", "compression",
    "convertToFile", "cron", "crypto", "dataTable", "dateTime", "debugHelper", "discord", "editImage",
    "errorTrigger", "evaluation", "evaluationTrigger", "executeCommand", "executeWorkflow",
    "executeWorkflowTrigger", "executionData", "extractFromFile", "filter", "form", "formTrigger", "function",
    "functionItem", "git", "graphql", "hackerNews", "html", "htmlExtract", "httpRequest", "ical", "if",
    "interval", "itemLists", "limit", "localFileTrigger", "manualTrigger", "markdown", "merge",
    "moveBinaryData", "n8nTrainingCustomerDatastore", "n8nTrainingCustomerMessenger", "n8nTrigger",
    "n8nFormTrigger", "noOp", "openThesaurus", "quickChart", "readBinaryFile", "readBinaryFiles", "readPdf",
    "readWriteFile", "reddit", "removeDuplicates", "renameKeys", "respondToWebhook", "rssFeedRead",
    "rssFeedReadTrigger", "scheduleTrigger", "set", "simulate", "simulateTrigger", "sort", "splitInBatches",
    "splitOut", "spreadsheetFile", "sseTrigger", "start", "stickyNote", "stopAndError", "summarize", "switch",
    "theHiveTrigger", "wait", "webhook", "workflowTrigger", "writeBinaryFile", "xml", "executeWorkflowTool",
    "errorWorkflow", "datetime", "emailReadImapTrigger", "jsonParse", "chat", "respondToChat", "splitIntoItems",
    "airtableTrigger", "cal", "stopAndErrorTool", "setTool", "codeTool", "noOpTool",
};

// Base nodes whose output items are their input items, filtered, routed or reshaped: data
// that entered through a trigger is still the trigger's data after them. Nodes that call
// an API and output its response are not here.
constexpr std::string_view kBasePassItems[] = {
    "aggregate", "code", "compareDatasets", "dateTime", "filter", "function", "functionItem", "if",
    "itemLists", "jsonParse", "limit", "markdown", "merge", "noOp", "removeDuplicates", "renameKeys",
    "respondToWebhook", "set", "sort", "splitInBatches", "splitIntoItems", "splitOut", "summarize", "switch",
    "wait", "xml",
};

// LangChain nodes that need a credential: model, embedding and vector-store providers.
constexpr std::string_view kLangchainCredentialPrefixes[] = {"lmChat", "lm", "embeddings", "vectorStore",
                                                                       "reranker", "documentGithub"};
constexpr std::string_view kLangchainCredentialExact[] = {
    "openAi", "anthropic", "googleGemini", "ollama", "mistralAi", "memoryPostgresChat", "memoryRedisChat",
    "memoryMongoDbChat", "memoryMotorhead", "memoryXata", "memoryZep", "toolSerpApi", "toolWolframAlpha",
    "toolSearXng", "perplexity", "groq"};

// Nodes whose output is text an AI model wrote: the base OpenAI node, LangChain chains,
// agents and provider nodes. What they output is generated, not captured from a person.
constexpr std::string_view kBaseGenerates[] = {"openAi", "perplexity", "mistralAi"};
constexpr std::string_view kLangchainGenerates[] = {
    "agent", "agentTool", "anthropic", "chainLlm", "chainRetrievalQa", "chainSummarization", "googleGemini",
    "informationExtractor", "mistralAi", "ollama", "openAi", "perplexity", "groq", "sentimentAnalysis",
    "textClassifier"};

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view item) {
    return std::find(std::begin(list), std::end(list), item) != std::end(list);
}

N8nRole role_of(std::string_view package, std::string_view name) {
    for (const RoleEntry& e : kRoles) {
        if (e.package == package && e.name == name) return e.role;
    }
    return N8nRole::other;
}

bool langchain_needs_credential(std::string_view name) {
    if (in_list(kLangchainCredentialExact, name)) return true;
    if (name.starts_with("vectorStoreInMemory")) return false;
    return std::any_of(std::begin(kLangchainCredentialPrefixes), std::end(kLangchainCredentialPrefixes),
                       [&](std::string_view p) {
                           // "lm" must be followed by an upper-case letter (lmChatOpenAi, lmOllama).
                           return name.starts_with(p) && name.size() > p.size() &&
                                  (p != "lm" || (name[2] >= 'A' && name[2] <= 'Z'));
                       });
}

} // namespace

N8nTypeInfo n8n_type_info(std::string_view type) {
    N8nTypeInfo info;
    std::size_t dot = type.rfind('.');
    if (dot == std::string_view::npos) return info;
    std::string_view package = type.substr(0, dot);
    std::string_view name = type.substr(dot + 1);
    info.official = package == kBase || package == kLangchain;

    info.role = role_of(package, name);
    // `<node>Tool` is the AI-tool variant n8n generates at runtime for base nodes.
    std::string_view base_name = name;
    if (package == kBase && name.ends_with("Tool") && name.size() > 4) base_name = name.substr(0, name.size() - 4);
    if (info.role == N8nRole::other && base_name != name) info.role = role_of(package, base_name);
    if (info.role == N8nRole::other && !info.official && (name == "mcpClientTool" || name == "mcpClient")) {
        info.role = N8nRole::mcp_client;
    }

    if (package == kBase) {
        info.audit_risky = in_list(kAuditRisky, name);
        info.audit_filesystem = in_list(kAuditFilesystem, name);
        info.audit_validator = in_list(kAuditValidators, name);
        info.audit_sql = in_list(kAuditSql, name);
        info.audit_sql_params = in_list(kAuditSqlParams, name);
        info.needs_credential = !in_list(kBaseNoCredential, name) && !in_list(kBaseNoCredential, base_name);
        info.app_trigger = info.needs_credential && name.ends_with("Trigger");
        info.passes_items = in_list(kBasePassItems, name);
        info.generates_text = in_list(kBaseGenerates, name);
    } else if (package == kLangchain) {
        info.needs_credential = langchain_needs_credential(name);
        info.generates_text = in_list(kLangchainGenerates, name);
    }
    return info;
}

} // namespace handoff
