#include "core/provider.hpp"

#include <cctype>
#include <string>

#include "core/text.hpp"

namespace handoff {

namespace {
bool has_alias(const ProviderInfo& p, std::string_view word) {
    if (word.empty() || p.aliases.empty()) return false;
    std::string list = "|" + std::string(p.aliases) + "|";
    return list.find("|" + std::string(word) + "|") != std::string::npos;
}

const ProviderInfo* find_exact(std::span<const ProviderInfo> table, std::string_view id) {
    for (const ProviderInfo& p : table) {
        if (p.id == id) return &p;
    }
    return nullptr;
}
} // namespace

const ProviderInfo* find_provider(std::span<const ProviderInfo> table, std::string_view id) {
    return find_exact(table, lower(id));
}

const ProviderInfo* provider_named_in(std::span<const ProviderInfo> table, std::string_view secret_name) {
    std::string word;
    auto match = [&]() -> const ProviderInfo* {
        for (const ProviderInfo& p : table) {
            if (has_alias(p, word)) return &p;
        }
        return find_exact(table, word);
    };
    for (std::size_t i = 0; i <= secret_name.size(); ++i) {
        bool alnum = i < secret_name.size() && std::isalnum(static_cast<unsigned char>(secret_name[i])) != 0;
        if (alnum) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(secret_name[i])));
            continue;
        }
        if (const ProviderInfo* p = match()) return p;
        word.clear();
    }
    return nullptr;
}

} // namespace handoff
