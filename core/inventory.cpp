#include "core/inventory.hpp"

#include "core/secret_names.hpp"
#include "core/secret_stores.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace handoff {

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
    // Stores whose entries are created per type (n8n credentials): say which one.
    auto name_type = [](InventoryEntry& e, const std::string& type) {
        if (!e.provider.empty()) return;
        std::string typed = typed_store_destination(e.store, type);
        if (typed.empty()) return;
        e.provider = type;
        e.where_to_set = std::move(typed);
    };
    for (const auto& doc : project.documents) {
        // What each job, node or server of this file may do, for "one key per consumer".
        std::map<std::string, std::set<std::string>, std::less<>> granted;
        for (const Grant& g : doc->facts.grants) granted[g.holder].insert(g.capability);
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
            if (!ref.owner.empty() && !e.power.contains(ref.owner)) {
                std::string caps;
                if (auto found = granted.find(ref.owner); found != granted.end()) {
                    for (const std::string& c : found->second) caps += (caps.empty() ? "" : ", ") + c;
                }
                e.power.emplace(ref.owner, std::move(caps));
            }
            b.add_reference(doc->locate(ref.site.span, ref.site.node_path));
        }
    }
    // Declarations enrich secrets that something uses; alone, in a store that also
    // declares plain settings (a .env.example lists ports and feature flags), they enter
    // the inventory only when their name says they are secrets.
    for (const auto& doc : project.documents) {
        for (const SecretDecl& decl : doc->facts.secret_decls) {
            auto in_store = by_key.find(decl.store);
            bool used = in_store != by_key.end() && in_store->second.count(decl.name) > 0;
            const SecretStoreInfo* store = find_secret_store(decl.store);
            if (!used && store != nullptr && store->declares_settings && !is_secret_name(decl.name)) continue;
            InventoryEntry& e = building_for(decl.store, decl.name).entry;
            name_type(e, decl.provider);
            if (e.provider.empty()) e.provider = decl.provider;
            e.declarations.push_back(doc->locate(decl.site.span, decl.site.node_path));
            if (decl.has_value) e.values.push_back(e.declarations.back());
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
