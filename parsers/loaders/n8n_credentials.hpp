#pragma once
// Entries of an `n8n export:credentials` file: an array of {id, name, type, data},
// `data` a plain object with --decrypted, otherwise an encrypted string.
#include <string>
#include <vector>

#include "core/tree.hpp"
#include "model/automation.hpp"

namespace handoff {

std::vector<N8nCredentialEntry> read_n8n_credentials(const Node& root);

} // namespace handoff
