// The inventory and the key checklist built from it, on real documents: one key per consumer.
#include <doctest/doctest.h>

#include "checks/registry.hpp"
#include "checks/tokens/catalog.hpp"
#include "cli/scan.hpp"
#include "core/inventory.hpp"
#include "reports/checklist.hpp"

using namespace handoff;

namespace {
std::unique_ptr<Document> load(const std::string& name, const std::string& text) {
    return load_document(name, text, ParseLimits{});
}
} // namespace

TEST_CASE("inventory: what each user of a secret may do; the checklist says when one key serves several") {
    Project project;
    project.documents.push_back(load(".github/workflows/ci.yml",
                                     "on: push\n"
                                     "jobs:\n"
                                     "  summarise:\n"
                                     "    runs-on: ubuntu-latest\n"
                                     "    permissions: {contents: read}\n"
                                     "    steps:\n"
                                     "      - run: ./summarise\n"
                                     "        env: {OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}'}\n"
                                     "  deploy:\n"
                                     "    runs-on: ubuntu-latest\n"
                                     "    permissions: {contents: write, deployments: write}\n"
                                     "    steps:\n"
                                     "      - run: ./deploy\n"
                                     "        env: {OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}'}\n"));
    std::vector<InventoryEntry> inventory = build_inventory(project);
    const InventoryEntry* key = nullptr;
    for (const InventoryEntry& e : inventory) {
        if (e.name == "OPENAI_API_KEY") key = &e;
    }
    REQUIRE(key != nullptr);
    REQUIRE(key->used_by.size() == 2);
    REQUIRE(key->power.size() == 2);
    CAPTURE(key->power.at("deploy"));
    CAPTURE(key->power.at("summarise"));
    CHECK(key->power.at("deploy") != key->power.at("summarise"));

    ScanResult result;
    result.providers = tokens::providers();
    result.rules = all_rules();
    result.inventory = inventory;
    std::vector<ChecklistRow> rows = checklist_rows(result);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].one_key_each.rfind("One key serves 2 consumers with different power (", 0) == 0);
    CHECK(rows[0].one_key_each.find("project keys with restricted permissions") != std::string::npos);
}

TEST_CASE("key checklist: the same leaked value in several files is one key serving each of them") {
    ScanResult result;
    result.providers = tokens::providers();
    Finding f;
    f.rule = "github-token";
    f.family = Family::embedded_token;
    f.evidence = "GitHub token, classic personal access token: ghp_\u2026PV (40 chars)";
    f.fingerprint = "same-value";
    f.location = Location{"agents/a.json", 3, 9, 3, 49, "mcpServers.github.env.GITHUB_TOKEN"};
    Finding again = f;
    again.location = Location{"agents/b.json", 5, 9, 5, 49, "mcpServers.gh.env.GITHUB_TOKEN"};
    result.findings = {f, again};
    std::vector<ChecklistRow> rows = checklist_rows(result);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == KeyStatus::leaked);
    CHECK(rows[0].one_key_each.rfind("The same value is written in 2 files", 0) == 0);
    CHECK(rows[0].one_key_each.find("fine-grained tokens limited to one repository") != std::string::npos);
    CHECK(narrow_key_options("no-such-provider").find("a separate key per consumer") == 0);
}

TEST_CASE("key checklist: nodes of one workflow with the same power share a credential without advice") {
    ScanResult result;
    result.providers = tokens::providers();
    InventoryEntry e;
    e.name = "Airtable account";
    e.store = "n8n-credential";
    e.provider = "airtableTokenApi";
    e.used_by = {"Find by ID", "Update"};
    e.power = {{"Find by ID", ""}, {"Update", ""}};
    e.references = {Location{"w.json", 10, 5, 10, 9, {}}, Location{"w.json", 40, 5, 40, 9, {}}};
    result.inventory = {e};
    std::vector<ChecklistRow> rows = checklist_rows(result);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].one_key_each.empty());
    // The same credential in a second workflow is a second consumer.
    e.references.push_back(Location{"other.json", 3, 5, 3, 9, {}});
    e.used_by.push_back("Sync");
    result.inventory = {e};
    CHECK(checklist_rows(result)[0].one_key_each.rfind("One key serves 3 consumers in 2 files.", 0) == 0);
}
