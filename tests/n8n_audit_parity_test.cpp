// Parity with `n8n audit`: every node n8n 2.41.1's audit reported for the 42 workflows
// in ../shared/corpus/n8n-audit must be reported by handoff, inside the same node, with
// the rule docs/n8n-audit-mapping.md maps that audit section to.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "cli/scan.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {

struct NodeHome {
    std::string file;       // relative to the workflows folder
    std::string node_path;  // nodes[3]
    std::uint32_t first_line = 0;
    std::uint32_t last_line = 0;
};

// The handoff rule for an audit section (and, for "Official risky nodes", the node type).
std::string mapped_rule(std::string_view title, std::string_view node_type) {
    if (title == "Unprotected webhooks in instance") return "n8n-webhook-no-auth";
    if (title == "Nodes that interact with the filesystem") return "n8n-file-access";
    if (title.find("SQL nodes") != std::string_view::npos) return "n8n-sql-query";
    if (title == "Official risky nodes") {
        std::string_view t = node_type.substr(node_type.rfind('.') + 1);
        if (t == "executeCommand" || t == "ssh") return "n8n-command-execution";
        if (t == "code" || t == "function" || t == "functionItem") return "n8n-code-execution";
        if (t == "httpRequest") return "n8n-outbound-request";
        if (t == "ftp") return "n8n-file-access";
    }
    return {};
}

// nodeId -> where that node is written.
std::map<std::string, NodeHome> index_nodes(const fs::path& workflows) {
    std::map<std::string, NodeHome> homes;
    for (const auto& entry : fs::directory_iterator(workflows)) {
        if (entry.path().extension() != ".json") continue;
        std::string name = entry.path().filename().string();
        auto doc = load_document(name, testing::read_text(entry.path()), ParseLimits{});
        if (!doc->tree) continue;
        const Node* nodes = doc->tree->find("nodes");
        if (nodes == nullptr) continue;
        for (std::size_t i = 0; i < nodes->children.size(); ++i) {
            const Node& n = nodes->children[i];
            Location where = doc->locate(n.span);
            homes[std::string(n.text("id"))] = {name, "nodes[" + std::to_string(i) + "]", where.line, where.end_line};
        }
    }
    return homes;
}

} // namespace

TEST_CASE("handoff reports every node n8n audit reports, in the same node, with the mapped rule") {
    fs::path root = testing::shared_dir() / "corpus" / "n8n-audit";
    if (!fs::exists(root / "n8n-audit-output.json")) {
        MESSAGE("skipped: ../shared/corpus/n8n-audit is not present");
        return;
    }
    std::map<std::string, NodeHome> homes = index_nodes(root / "workflows");
    REQUIRE(homes.size() > 100);

    ScanOptions options;
    options.paths = {(root / "workflows").string()};
    options.jobs = 2;
    ScanResult result = run_scan(options);

    nlohmann::json audit = nlohmann::json::parse(testing::read_text(root / "n8n-audit-output.json"));
    std::size_t checked = 0;
    for (const auto& [report, body] : audit.items()) {
        for (const auto& section : body["sections"]) {
            std::string title = section.value("title", "");
            if (!section.contains("location")) continue;
            for (const auto& loc : section["location"]) {
                if (loc.value("kind", "") != "node") continue;
                std::string node_id = loc.value("nodeId", "");
                std::string rule = mapped_rule(title, loc.value("nodeType", ""));
                CAPTURE(title);
                CAPTURE(node_id);
                REQUIRE_MESSAGE(!rule.empty(), "no handoff rule mapped for this audit section");
                auto home = homes.find(node_id);
                REQUIRE_MESSAGE(home != homes.end(), "audit node not found in the workflows");
                const NodeHome& h = home->second;
                bool found = std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
                    const std::string& p = f.location.node_path;
                    bool in_node = p == h.node_path || p.rfind(h.node_path + ".", 0) == 0;
                    return f.rule == rule && f.location.path == h.file && in_node &&
                           f.location.line >= h.first_line && f.location.line <= h.last_line;
                });
                CHECK_MESSAGE(found, "handoff does not report " << rule << " in " << h.file << " " << h.node_path);
                ++checked;
            }
        }
    }
    // 9 webhooks, 101 risky nodes, 7 SQL nodes, 11 filesystem nodes in the oracle.
    CHECK(checked == 128);
}
