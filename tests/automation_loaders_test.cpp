// Flowise, Langflow and Dify loaders: facts, locations inside flowData strings, and
// tolerance of malformed exports.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli/scan.hpp"
#include "core/inventory.hpp"

using namespace handoff;

namespace {

std::unique_ptr<Document> load(const std::string& name, const std::string& text) {
    return load_document(name, text, ParseLimits{});
}

std::string_view text_at(const Document& doc, Span span) { return doc.bytes().substr(span.begin, span.size()); }

} // namespace

TEST_CASE("Flowise flowData: facts land on the escaped bytes of the string, \\u escapes included") {
    // \u escapes decode to 1-4 UTF-8 bytes written as 6 or 12: offsets after them must still line up.
    std::string flow_data =
        R"({\"nodes\":[{\"data\":{\"label\":\"Caf\u00e9 \ud83d\ude00\",\"name\":\"n\",\"inputs\":{\"func\":\"return \\\"x\\\";\"},\"credential\":\"cred-1\"}}]})";
    std::string text = R"({"ChatFlow": [{"id": "1", "name": "c", "apikeyid": "k", "flowData": ")" + flow_data + "\"}]}";
    auto doc = load("export.json", text);
    REQUIRE(doc->format == Format::flowise_flow);
    REQUIRE(doc->facts.execs.size() == 1);
    CHECK(doc->facts.execs[0].command == "return \"x\";");
    CHECK(text_at(*doc, doc->facts.execs[0].site.span) == R"(\"func\":\"return \\\"x\\\";\")");
    CHECK(doc->facts.execs[0].site.node_path == "ChatFlow[0].flowData.nodes[0].data.inputs.func");
    auto cred = std::find_if(doc->facts.secret_refs.begin(), doc->facts.secret_refs.end(),
                             [](const SecretRef& r) { return r.store == "flowise-credential"; });
    REQUIRE(cred != doc->facts.secret_refs.end());
    CHECK(text_at(*doc, cred->site.span) == R"(\"credential\":\"cred-1\")");
    REQUIRE(doc->facts.endpoints.size() == 1);
    CHECK(doc->facts.endpoints[0].auth == "token");
}

TEST_CASE("Flowise: malformed flowData and odd shapes load without facts or crashes") {
    for (const char* text : {R"({"ChatFlow": [{"id": "1", "flowData": "{not json"}]})",
                             R"({"ChatFlow": [{"id": "1", "flowData": 42}, 7, null]})",
                             R"({"ChatFlow": [{"flowData": "[1,2]"}], "Variable": [1, {"name": 3}], "Tool": [{}]})",
                             R"({"nodes": [{"data": 1}, {"data": {"inputs": [1, 2]}}], "edges": []})"}) {
        auto doc = load("export.json", text);
        CHECK(doc->facts.execs.empty());
        CHECK(doc->facts.secret_decls.empty());
    }
}

TEST_CASE("Langflow: group components are read recursively; load_from_db is a reference") {
    auto doc = load("flow.json", R"({"name": "g", "data": {"nodes": [{"type": "genericNode", "data": {"type": "GroupNode",
        "node": {"template": {}, "flow": {"data": {"nodes": [{"type": "genericNode", "data": {"type": "OpenAIModel",
        "node": {"display_name": "OpenAI", "template": {"api_key": {"password": true, "load_from_db": true, "value": "OPENAI_API_KEY"},
        "org": {"password": true, "load_from_db": false, "value": "Lx9Qw2Er7Ty4Ui1Op6As3Df"}}}}}]}}}}}], "edges": []}})");
    REQUIRE(doc->format == Format::langflow_flow);
    REQUIRE(doc->facts.secret_refs.size() == 1);
    CHECK(doc->facts.secret_refs[0].name == "OPENAI_API_KEY");
    CHECK(doc->facts.secret_refs[0].site.node_path ==
          "data.nodes[0].data.node.flow.data.nodes[0].data.node.template.api_key.value");
    REQUIRE(doc->facts.secret_decls.size() == 1);
    CHECK(doc->facts.secret_decls[0].name == "OpenAI.org");
    CHECK(doc->facts.secret_decls[0].has_value);
}

TEST_CASE("Dify: a declared plain variable is not a secret reference; secret and undeclared ones are") {
    auto doc = load("app.yml", "kind: app\nversion: 0.1.5\napp:\n  mode: workflow\n  name: a\nworkflow:\n"
                               "  environment_variables:\n  - {name: URL, value_type: string, value: 'https://x'}\n"
                               "  - {name: KEY, value_type: secret, value: ''}\n"
                               "  graph:\n    nodes:\n    - data: {type: llm, title: A, text: '{{#env.URL#}} {{#env.KEY#}} {{#env.NEW#}}'}\n"
                               "    - 3\n    - data: [1]\n");
    REQUIRE(doc->format == Format::dify_app);
    std::vector<std::string> names;
    for (const SecretRef& r : doc->facts.secret_refs) names.push_back(r.name);
    CHECK(names == std::vector<std::string>{"KEY", "NEW"});
    REQUIRE(doc->facts.secret_decls.size() == 1);
    CHECK_FALSE(doc->facts.secret_decls[0].has_value);
}

TEST_CASE("inventory: n8n community packages and Dify plugins are packages to install, once each") {
    Project project;
    project.documents.push_back(load("w.json", R"({"nodes": [
        {"name": "A", "type": "n8n-nodes-evolution-api.evolutionApi", "parameters": {}},
        {"name": "B", "type": "n8n-nodes-evolution-api.evolutionApi", "parameters": {}},
        {"name": "C", "type": "n8n-nodes-base.set", "parameters": {}}], "connections": {}})"));
    project.documents.push_back(load("app.yml", "kind: app\napp: {mode: workflow, name: a}\ndependencies:\n"
                                                "- type: marketplace\n  value: {marketplace_plugin_unique_identifier: langgenius/openai:0.0.7}\n"));
    std::vector<InventoryEntry> inventory = build_inventory(project);
    std::vector<std::string> packages;
    for (const InventoryEntry& e : inventory) {
        if (e.kind == "package") packages.push_back(e.store + " " + e.name + " " + std::to_string(e.used_by.size()));
    }
    CHECK(packages == std::vector<std::string>{"dify-plugin langgenius/openai:0.0.7 1", "n8n-community-package n8n-nodes-evolution-api 2"});
}
