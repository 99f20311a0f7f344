#include "core/inventory.hpp"

#include "core/secret_names.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace handoff {

std::string_view store_destination(std::string_view store) {
    if (store == "github-secret") return "GitHub Actions secret: repository or environment (Settings > Secrets and variables > Actions), or an organisation secret shared with the repository";
    if (store == "github-variable") return "GitHub repository variable (Settings > Secrets and variables > Actions > Variables)";
    if (store == "gitlab-variable") return "GitLab CI/CD variable of the project or group (Settings > CI/CD > Variables, masked and protected)";
    if (store == "gitlab-vault-secret") return "HashiCorp Vault secret at the path in the job's secrets: entry (GitLab reads it with the job's ID token)";
    if (store == "gitlab-external-secret") return "external secrets manager named in the job's secrets: entry (Azure Key Vault, GCP Secret Manager, AWS)";
    if (store == "jenkins-credential") return "Jenkins credential with this ID (Manage Jenkins > Credentials, or the folder's credentials)";
    if (store == "n8n-credential") return "n8n credential (Credentials > Add credential)";
    if (store == "n8n-variable") return "n8n variable (Overview > Variables; enterprise plans)";
    if (store == "n8n-external-secret") return "n8n external secrets vault (Settings > External Secrets; enterprise plans)";
    if (store == "make-connection") return "Make connection (Connections > Add; then select it in the module)";
    if (store == "make-keychain") return "Make keychain (Keys > Add; then select it in the HTTP module)";
    if (store == "flowise-credential") return "Flowise credential (Credentials > Add Credential; then select it in the node)";
    if (store == "flowise-variable") return "Flowise variable (Variables > Add Variable)";
    if (store == "flowise-input") return "the Flowise node's input (better: a Flowise credential or variable)";
    if (store == "langflow-variable") return "Langflow global variable (Settings > Global Variables, type Credential)";
    if (store == "langflow-field") return "the Langflow component's field (better: a global variable)";
    if (store == "dify-env") return "Dify environment variable (workflow > Environment Variables, type Secret)";
    if (store == "dify-http-auth") return "the Dify HTTP request node's authorization (better: a secret environment variable)";
    if (store == "n8n-community-package") return "n8n community node package (Settings > Community nodes > Install; self-hosted n8n)";
    if (store == "dify-plugin") return "Dify plugin (Plugins > Install plugin; before importing the DSL)";
    if (store == "vscode-input") return "VS Code prompts for it at server start (inputs in .vscode/mcp.json) and keeps it in its secret storage";
    if (store == "continue-secret") return "Continue secret (Continue Hub secrets, or ~/.continue/.env for local configs)";
    if (store == "config-placeholder") return "a value written into the config file itself (the file only holds a placeholder)";
    if (store == "env") return "environment variable (.env file or the host's environment)";
    return "the project's secret store";
}

namespace {
// An entry being built, with what it already lists: a key used in thousands of places must
// not cost a linear search per use.
struct Building {
    InventoryEntry entry;
    std::set<std::string> owners;
    std::set<std::tuple<std::string, std::uint32_t, std::uint32_t>> references;

    void add_owner(const std::string& owner) {
        if (!owner.empty() && owners.insert(owner).second) entry.used_by.push_back(owner);
    }
    void add_reference(Location loc) {
        if (references.emplace(loc.path, loc.line, loc.column).second) entry.references.push_back(std::move(loc));
    }
};
} // namespace

std::vector<InventoryEntry> build_inventory(const Project& project) {
    // By store, then by name; looked up without building keys, as refs run to the thousands.
    std::map<std::string, std::map<std::string, Building, std::less<>>, std::less<>> by_key;
    auto building_for = [&](const std::string& store, const std::string& name) -> Building& {
        auto in_store = by_key.find(store);
        if (in_store == by_key.end()) in_store = by_key.emplace(store, std::map<std::string, Building, std::less<>>{}).first;
        auto found = in_store->second.find(name);
        if (found == in_store->second.end()) found = in_store->second.emplace(name, Building{}).first;
        Building& b = found->second;
        InventoryEntry& e = b.entry;
        if (e.name.empty()) {
            e.name = name;
            e.store = store;
            e.where_to_set = std::string(store_destination(store));
        }
        return b;
    };
    // n8n credentials are created per type: say which one.
    auto name_type = [](InventoryEntry& e, const std::string& type) {
        if (e.store != "n8n-credential" || type.empty() || !e.provider.empty()) return;
        e.provider = type;
        e.where_to_set = "n8n credential of type " + type + " (Credentials > Add credential)";
    };
    for (const auto& doc : project.documents) {
        for (const SecretRef& ref : doc->facts.secret_refs) {
            Building& b = building_for(ref.store, ref.name);
            InventoryEntry& e = b.entry;
            name_type(e, ref.provider);
            if (e.provider.empty()) e.provider = ref.provider;
            // A client-specific place ("the shell that starts Claude Code") beats the store's generic wording.
            if (!ref.where_to_set.empty() && e.where_to_set.find(ref.where_to_set) == std::string::npos) {
                e.where_to_set = e.where_to_set == store_destination(ref.store) ? ref.where_to_set
                                                                                 : e.where_to_set + "; " + ref.where_to_set;
            }
            b.add_owner(ref.owner);
            b.add_reference(doc->locate(ref.site.span, ref.site.node_path));
        }
    }
    // Declarations enrich secrets that something uses; alone they enter the inventory
    // only when their name says they are secrets (a .env.example also lists ports and
    // feature flags).
    for (const auto& doc : project.documents) {
        for (const SecretDecl& decl : doc->facts.secret_decls) {
            auto in_store = by_key.find(decl.store);
            bool used = in_store != by_key.end() && in_store->second.count(decl.name) > 0;
            if (!used && decl.store == "env" && !is_secret_name(decl.name)) continue;
            InventoryEntry& e = building_for(decl.store, decl.name).entry;
            name_type(e, decl.provider);
            if (e.provider.empty()) e.provider = decl.provider;
            e.declarations.push_back(doc->locate(decl.site.span, decl.site.node_path));
        }
    }
    for (const auto& doc : project.documents) {
        for (const Requirement& req : doc->facts.requirements) {
            Building& b = building_for(req.store, req.name);
            b.entry.kind = "package";
            b.add_owner(req.owner);
            b.add_reference(doc->locate(req.site.span, req.site.node_path));
        }
    }
    std::vector<InventoryEntry> out;
    for (auto& [store, by_name] : by_key) {
        for (auto& [name, building] : by_name) out.push_back(std::move(building.entry));
    }
    return out;
}

} // namespace handoff
