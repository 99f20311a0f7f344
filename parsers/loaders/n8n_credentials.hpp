#pragma once
// Entries of an `n8n export:credentials` file: an array of {id, name, type, data},
// `data` a plain object with --decrypted, otherwise an encrypted string.
#include <string>
#include <vector>

#include "core/tree.hpp"

namespace handoff {

struct N8nCredentialEntry {
    const Node* entry = nullptr;
    const Node* data = nullptr;  // never null in returned entries
    std::string path;            // [0]
    std::string data_path;       // [0].data
    std::string id;
    std::string name;
    std::string type;
    bool decrypted = false;      // data is an object
    bool has_values = false;     // ... holding at least one non-empty scalar
};

std::vector<N8nCredentialEntry> read_n8n_credentials(const Node& root);

} // namespace handoff
