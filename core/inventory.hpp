#pragma once
// Every secret the project needs, where it is used, and where the client must put it.
#include <map>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/location.hpp"

namespace handoff {

struct InventoryEntry {
    std::string name;             // OPENAI_API_KEY, or an n8n credential's name
    std::string store;            // github-secret, env, n8n-credential, vscode-input, ...
    std::string provider;         // best guess of the service; empty when unknown
    std::string where_to_set;     // plain words: "GitHub repository secret", "n8n credential (type httpHeaderAuth)"
    std::vector<std::string> used_by;   // jobs, nodes, servers
    // What each user of it may do besides (the capabilities its grants name, sorted and
    // comma-separated; "" when its file grants it nothing), by used_by name.
    std::map<std::string, std::string> power;
    std::vector<Location> references;
    std::vector<Location> declarations;
    // Declarations that hold a real value (not a placeholder): a .env with the key filled in,
    // a decrypted n8n credential export. The value travels with the project: it leaked.
    std::vector<Location> values;
    std::string kind = "secret";  // secret, or package (a Requirement: something to install)
};

// Groups every SecretRef, SecretDecl and Requirement of the project by (store, name).
std::vector<InventoryEntry> build_inventory(const Project& project);

} // namespace handoff
