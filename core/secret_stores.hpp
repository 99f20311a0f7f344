#pragma once
// What each secret store (core/vocabulary.hpp, namespace store) means to the client:
// where they set a secret of it, in plain words. The inventory and the reports read
// this table; loaders may say more for one reference (SecretRef::where_to_set).
#include <string>
#include <string_view>

namespace handoff {

struct SecretStoreInfo {
    std::string_view id;
    std::string_view where_to_set;
    // Entries are created per type (n8n credentials): the wording that names the type,
    // with "{type}" standing for it; empty when the store has no types.
    std::string_view where_to_set_typed{};
    // Declarations in this store also name plain settings (a .env.example lists ports and
    // feature flags): a declaration nothing uses is a secret only when its name says so.
    bool declares_settings = false;
};

// The store with this id, or nullptr.
const SecretStoreInfo* find_secret_store(std::string_view id);
// Plain-language destination for a store id ("the project's secret store" when unknown).
std::string_view store_destination(std::string_view store);
// The destination naming the entry's type, or "" when the store has no types or type is empty.
std::string typed_store_destination(std::string_view store, std::string_view type);

} // namespace handoff
