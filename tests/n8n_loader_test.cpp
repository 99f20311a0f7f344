// The n8n model, expression scanner, node-type tables and loader facts.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/scan.hpp"
#include "core/vocabulary.hpp"
#include "model/automation.hpp"
#include "parsers/loaders/n8n_expressions.hpp"
#include "parsers/loaders/n8n_node_types.hpp"
#include "parsers/loaders/n8n_workflow.hpp"
#include "parsers/loaders/url_text.hpp"

using namespace handoff;

namespace {

std::unique_ptr<Document> load(const std::string& name, const std::string& json) {
    return load_document(name, json, ParseLimits{});
}

bool has_ref(const Document& doc, std::string_view store, std::string_view name) {
    return std::any_of(doc.facts.secret_refs.begin(), doc.facts.secret_refs.end(),
                       [&](const SecretRef& r) { return r.store == store && r.name == name; });
}

} // namespace

TEST_CASE("the expression scanner finds env, vars, secrets, fromAI and data references") {
    auto refs = scan_n8n_refs(
        "={{ $env.API_URL }}/{{ $env['TEAM'] }}?v={{ $vars.X_1 }}&s={{ $secrets.vault.token }}"
        "&u={{ $fromAI('url', 'x') }}&j={{ $json.body.a }}&n={{ $('Web hook').item.json.q }}&o={{ $node[\"Old\"].json }}");
    auto names = [&](N8nRefKind kind) {
        std::vector<std::string> out;
        for (const N8nRef& r : refs) {
            if (r.kind == kind) out.push_back(r.name);
        }
        return out;
    };
    CHECK(names(N8nRefKind::env) == std::vector<std::string>{"API_URL", "TEAM"});
    CHECK(names(N8nRefKind::vars) == std::vector<std::string>{"X_1"});
    CHECK(names(N8nRefKind::secrets) == std::vector<std::string>{"vault.token"});
    CHECK(names(N8nRefKind::from_ai) == std::vector<std::string>{"url"});
    CHECK(names(N8nRefKind::item_data).size() == 1);
    CHECK(names(N8nRefKind::node_data) == std::vector<std::string>{"Web hook", "Old"});

    auto code = scan_n8n_refs("const k = process.env.OPENAI_KEY; const e = my$env.NOPE; const p = $envelope;");
    REQUIRE(code.size() == 1);
    CHECK(code[0].kind == N8nRefKind::process_env);
    CHECK(code[0].name == "OPENAI_KEY");
    CHECK(scan_n8n_refs("$env").empty());
    CHECK(scan_n8n_refs("$env['unterminated").empty());
}

TEST_CASE("tool placeholders are single-brace names, not expressions") {
    CHECK(has_tool_placeholder("https://wttr.in/{city}?format=3"));
    CHECK_FALSE(has_tool_placeholder("={{ $json.url }}"));
    CHECK_FALSE(has_tool_placeholder("https://api.example.com/{ not a name }"));
}

TEST_CASE("node types: audit tables, roles, tool variants, credentials") {
    CHECK(n8n_type_info("n8n-nodes-base.httpRequest").audit_risky);
    CHECK(n8n_type_info("n8n-nodes-base.httpRequestTool").role == N8nRole::http);
    CHECK_FALSE(n8n_type_info("n8n-nodes-base.httpRequestTool").audit_risky);
    CHECK(n8n_type_info("n8n-nodes-base.readPdf").audit_filesystem);
    CHECK_FALSE(n8n_type_info("n8n-nodes-base.readWriteFile").audit_filesystem);
    CHECK(n8n_type_info("n8n-nodes-base.readWriteFile").role == N8nRole::file);
    CHECK(n8n_type_info("n8n-nodes-base.switch").audit_validator);
    CHECK(n8n_type_info("n8n-nodes-base.postgres").audit_sql_params);
    CHECK_FALSE(n8n_type_info("n8n-nodes-base.mySql").audit_sql_params);
    CHECK(n8n_type_info("n8n-nodes-base.slack").needs_credential);
    CHECK(n8n_type_info("n8n-nodes-base.googleSheetsTool").needs_credential);
    CHECK_FALSE(n8n_type_info("n8n-nodes-base.set").needs_credential);
    CHECK_FALSE(n8n_type_info("n8n-nodes-base.setTool").needs_credential);
    CHECK(n8n_type_info("@n8n/n8n-nodes-langchain.lmChatOpenAi").needs_credential);
    CHECK_FALSE(n8n_type_info("@n8n/n8n-nodes-langchain.vectorStoreInMemory").needs_credential);
    CHECK_FALSE(n8n_type_info("@n8n/n8n-nodes-langchain.agent").needs_credential);
    CHECK(n8n_type_info("n8n-nodes-mcp.mcpClientTool").role == N8nRole::mcp_client);
    auto node_of = [](std::string type) {
        N8nNode n;
        n.type = std::move(type);
        n.info = n8n_type_info(n.type);
        return n;
    };
    CHECK(node_of("@acme/n8n-nodes-x.thing").community_package() == "@acme/n8n-nodes-x");
    CHECK(node_of("n8n-nodes-base.set").community_package().empty());
    CHECK(node_of(".odd").community_package().empty());
    CHECK(n8n_type_info("garbage").role == N8nRole::other);
}

TEST_CASE("the workflow model tolerates what real exports contain") {
    auto doc = load("w.json", R"({
      "name": "x", "activeVersionId": "v1",
      "nodes": [
        {"name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": "2.1", "parameters": []},
        {"name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "parameters": {"authentication": "basicAuth"}},
        "not a node",
        {"name": "Code", "type": "n8n-nodes-base.code", "parameters": {"jsCode": "return []"}}
      ],
      "connections": {
        "Hook": {"main": [[{"node": "Code", "type": "main", "index": 0}, {"node": "Missing", "type": "main", "index": 0}]]},
        "Nobody": {"main": [[{"node": "Code"}]]},
        "Code": "broken"
      }
    })");
    REQUIRE(doc->format == Format::n8n_workflow);
    auto wfs = read_n8n_workflows(*doc->tree);
    REQUIRE(wfs.size() == 1);
    const N8nWorkflow& wf = wfs[0];
    CHECK(wf.active);
    REQUIRE(wf.nodes.size() == 3);
    CHECK(wf.nodes[0].version == doctest::Approx(2.1));
    CHECK(wf.nodes[0].parameters == nullptr);
    CHECK(wf.nodes[2].path == "nodes[3]");
    REQUIRE(wf.connections.size() == 1);
    CHECK(wf.nodes[wf.connections[0].to].name == "Code");
    const auto& triggers = wf.triggers;
    REQUIRE(triggers.size() == 2);
    CHECK(triggers[0].auth == "none");
    CHECK(triggers[1].auth == "basic");
}

TEST_CASE("the loader emits credential, env and variable references, endpoints and grants") {
    auto doc = load("w.json", R"({
      "name": "x",
      "nodes": [
        {"name": "Hook", "type": "n8n-nodes-base.webhook", "typeVersion": 2, "parameters": {"path": "p"}},
        {"name": "Call", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2,
         "parameters": {"url": "=https://u:pw@api.example.com/x?key=abc&q={{ $env.BASE }}", "authentication": "genericCredentialType",
                        "genericAuthType": "httpHeaderAuth", "options": {"x": "={{ $vars.TEAM }}"}},
         "credentials": {"httpHeaderAuth": {"id": "1", "name": "Partner header"}}},
        {"name": "Tweet", "type": "n8n-nodes-base.twitter", "credentials": {"twitterOAuth1Api": "twitter_api"}},
        {"name": "Run", "type": "n8n-nodes-base.executeCommand", "parameters": {"command": "ls"}}
      ],
      "connections": {"Hook": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}
    })");
    CHECK(has_ref(*doc, "n8n-credential", "Partner header"));
    CHECK(has_ref(*doc, "n8n-credential", "twitter_api"));
    CHECK(has_ref(*doc, "env", "BASE"));
    CHECK(has_ref(*doc, "n8n-variable", "TEAM"));
    auto out = std::find_if(doc->facts.endpoints.begin(), doc->facts.endpoints.end(),
                            [](const Endpoint& e) { return e.kind == "http-request"; });
    REQUIRE(out != doc->facts.endpoints.end());
    CHECK(out->auth == "header");
    CHECK(out->url.find("pw") == std::string::npos);
    CHECK(out->url.find("key=abc") == std::string::npos);
    auto in = std::find_if(doc->facts.endpoints.begin(), doc->facts.endpoints.end(),
                           [](const Endpoint& e) { return e.kind == "webhook"; });
    REQUIRE(in != doc->facts.endpoints.end());
    CHECK(in->auth == "none");
    CHECK(in->site.node_path == "nodes[0].type");
    CHECK(std::any_of(doc->facts.execs.begin(), doc->facts.execs.end(), [](const Exec& e) { return e.command == "ls"; }));
    CHECK(std::any_of(doc->facts.untrusted.begin(), doc->facts.untrusted.end(),
                      [](const Untrusted& u) { return u.holder == "Hook" && u.source == "webhook-request"; }));
}

TEST_CASE("the loader builds the n8n model once: workflows, resolved node types, triggers") {
    auto doc = load("w.json", R"({
      "name": "x", "active": true,
      "nodes": [
        {"name": "Hook", "type": "n8n-nodes-base.webhook", "parameters": {"path": "p", "authentication": "headerAuth"}},
        {"name": "Query", "type": "n8n-nodes-base.postgres", "parameters": {"operation": "executeQuery", "query": "={{ $json.q }}"}},
        {"name": "Evo", "type": "n8n-nodes-evolution-api.evolutionApi"},
        {"name": "Chat", "type": "@n8n/n8n-nodes-langchain.lmChatOpenAi"}
      ],
      "connections": {"Hook": {"main": [[{"node": "Query", "type": "main", "index": 0}]]}}
    })");
    CHECK(doc->facts.platform == platform::n8n);
    const auto* model = doc->model_as<N8nWorkflowExport>();
    REQUIRE(model != nullptr);
    CHECK(doc->model_as<N8nCredentialExport>() == nullptr);
    REQUIRE(model->workflows.size() == 1);
    const N8nWorkflow& wf = model->workflows[0];
    REQUIRE(wf.nodes.size() == 4);
    CHECK(wf.nodes[0].info.role == N8nRole::webhook);
    CHECK(wf.nodes[0].info.official);
    CHECK(wf.nodes[1].info.role == N8nRole::sql);
    CHECK(wf.nodes[1].info.audit_sql_params);
    CHECK(is_n8n_expression(wf.nodes[1].param({"query"})));
    CHECK_FALSE(wf.nodes[2].info.official);
    CHECK(wf.nodes[2].community_package() == "n8n-nodes-evolution-api");
    CHECK(wf.nodes[3].info.needs_credential);
    REQUIRE(wf.triggers.size() == 1);
    CHECK(wf.triggers[0].node == 0);
    CHECK(wf.triggers[0].auth == "header");
    CHECK(wf.targets(0, "main") == std::vector<std::size_t>{1});
}

TEST_CASE("credentials exports: decrypted and encrypted entries become declarations") {
    auto doc = load("c.json", R"([{"id":"a","name":"One","type":"openAiApi","data":{"apiKey":"x"}},
                                 {"id":"b","name":"Two","type":"slackApi","data":"U2FsdGVkX1abc"}])");
    REQUIRE(doc->format == Format::n8n_credentials);
    REQUIRE(doc->facts.secret_decls.size() == 2);
    CHECK(doc->facts.secret_decls[0].has_value);
    CHECK(doc->facts.secret_decls[0].provider == "openAiApi");
    CHECK_FALSE(doc->facts.secret_decls[1].has_value);
    const auto* model = doc->model_as<N8nCredentialExport>();
    REQUIRE(model != nullptr);
    REQUIRE(model->entries.size() == 2);
    CHECK(model->entries[0].decrypted);
    CHECK(model->entries[1].data_path == "[1].data");
}

TEST_CASE("safe URL text drops user info and literal query strings") {
    CHECK(safe_url_text("https://user:pass@host.example/p?token=1") == "https://host.example/p");
    CHECK(safe_url_text("={{ $json.a ? 1 : 2 }}/x?key=1") == "={{ $json.a ? 1 : 2 }}/x");
}
