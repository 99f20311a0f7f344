#include "core/secret_stores.hpp"

#include <array>

#include "core/vocabulary.hpp"

namespace handoff {

namespace {
constexpr std::array kStores{
    SecretStoreInfo{store::github_secret, "GitHub Actions secret: repository or environment (Settings > Secrets and variables > Actions), or an organisation secret shared with the repository"},
    SecretStoreInfo{store::github_variable, "GitHub repository variable (Settings > Secrets and variables > Actions > Variables)"},
    SecretStoreInfo{store::gitlab_variable, "GitLab CI/CD variable of the project or group (Settings > CI/CD > Variables, masked and protected)"},
    SecretStoreInfo{store::gitlab_vault_secret, "HashiCorp Vault secret at the path in the job's secrets: entry (GitLab reads it with the job's ID token)"},
    SecretStoreInfo{store::gitlab_external_secret, "external secrets manager named in the job's secrets: entry (Azure Key Vault, GCP Secret Manager, AWS)"},
    SecretStoreInfo{store::jenkins_credential, "Jenkins credential with this ID (Manage Jenkins > Credentials, or the folder's credentials)"},
    SecretStoreInfo{store::n8n_credential, "n8n credential (Credentials > Add credential)",
                    "n8n credential of type {type} (Credentials > Add credential)"},
    SecretStoreInfo{store::n8n_variable, "n8n variable (Overview > Variables; enterprise plans)"},
    SecretStoreInfo{store::n8n_external_secret, "n8n external secrets vault (Settings > External Secrets; enterprise plans)"},
    SecretStoreInfo{store::make_connection, "Make connection (Connections > Add; then select it in the module)"},
    SecretStoreInfo{store::make_keychain, "Make keychain (Keys > Add; then select it in the HTTP module)"},
    SecretStoreInfo{store::flowise_credential, "Flowise credential (Credentials > Add Credential; then select it in the node)"},
    SecretStoreInfo{store::flowise_variable, "Flowise variable (Variables > Add Variable)"},
    SecretStoreInfo{store::flowise_input, "the Flowise node's input (better: a Flowise credential or variable)"},
    SecretStoreInfo{store::langflow_variable, "Langflow global variable (Settings > Global Variables, type Credential)"},
    SecretStoreInfo{store::langflow_field, "the Langflow component's field (better: a global variable)"},
    SecretStoreInfo{store::dify_env, "Dify environment variable (workflow > Environment Variables, type Secret)"},
    SecretStoreInfo{store::dify_http_auth, "the Dify HTTP request node's authorization (better: a secret environment variable)"},
    SecretStoreInfo{store::n8n_community_package, "n8n community node package (Settings > Community nodes > Install; self-hosted n8n)"},
    SecretStoreInfo{store::dify_plugin, "Dify plugin (Plugins > Install plugin; before importing the DSL)"},
    SecretStoreInfo{store::vscode_input, "VS Code prompts for it at server start (inputs in .vscode/mcp.json) and keeps it in its secret storage"},
    SecretStoreInfo{store::continue_secret, "Continue secret (Continue Hub secrets, or ~/.continue/.env for local configs)"},
    SecretStoreInfo{store::config_placeholder, "a value written into the config file itself (the file only holds a placeholder)"},
    SecretStoreInfo{store::env, "environment variable (.env file or the host's environment)", {}, true},
};
} // namespace

const SecretStoreInfo* find_secret_store(std::string_view id) {
    for (const SecretStoreInfo& info : kStores) {
        if (info.id == id) return &info;
    }
    return nullptr;
}

std::string_view store_destination(std::string_view store) {
    const SecretStoreInfo* info = find_secret_store(store);
    return info != nullptr ? info->where_to_set : "the project's secret store";
}

std::string typed_store_destination(std::string_view store, std::string_view type) {
    const SecretStoreInfo* info = find_secret_store(store);
    if (info == nullptr || info->where_to_set_typed.empty() || type.empty()) return {};
    std::string out(info->where_to_set_typed);
    constexpr std::string_view kSlot = "{type}";
    out.replace(out.find(kSlot), kSlot.size(), type);
    return out;
}

} // namespace handoff
