// n8n credentials exports in a hand-off bundle: decrypted ones are the secrets
// themselves; encrypted ones are as good as plain when the key travels with them.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "core/redact.hpp"

namespace handoff {
namespace {

enum RuleIndex : std::size_t { kDecrypted, kEncryptedWithKey };

// N8N_ENCRYPTION_KEY=<value> or "encryptionKey": "<value>" in a file's text.
bool holds_encryption_key(std::string_view text) {
    for (std::string_view marker : {std::string_view("N8N_ENCRYPTION_KEY"), std::string_view("\"encryptionKey\"")}) {
        for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
            std::size_t p = at + marker.size();
            while (p < text.size() && (text[p] == ' ' || text[p] == '"' || text[p] == '\t')) ++p;
            if (p >= text.size() || (text[p] != '=' && text[p] != ':')) continue;
            ++p;
            while (p < text.size() && (text[p] == ' ' || text[p] == '"' || text[p] == '\'' || text[p] == '\t')) ++p;
            std::size_t begin = p;
            while (p < text.size() && text[p] != '"' && text[p] != '\'' && text[p] != '\n' && text[p] != '\r' &&
                   text[p] != ' ' && text[p] != '$' && text[p] != '{') ++p;
            if (p - begin >= 8) return true;
        }
    }
    return false;
}

std::string field_names(const Node& data) {
    std::string out;
    std::size_t shown = 0;
    for (const Node& c : data.children) {
        if (shown == 4) {
            out += ", ...";
            break;
        }
        out += (shown++ ? ", " : "") + c.key;
    }
    return out;
}

class N8nCredentialsExport final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{
            {"n8n-credentials-decrypted", "Decrypted n8n credentials export", Family::embedded_token,
             Severity::critical, Confidence::high,
             "`n8n export:credentials --decrypted` writes every credential's secret fields in plain text: API "
             "keys, passwords, OAuth client secrets and tokens.",
             "Remove the file from the bundle and from history, rotate every secret it holds, and let the client "
             "create the credentials in their own instance."},
            {"n8n-credentials-encrypted-key-nearby", "Encrypted n8n credentials shipped with their encryption key",
             Family::embedded_token, Severity::high, Confidence::medium,
             "The credentials are encrypted with the instance's encryptionKey, and the same bundle contains that "
             "key (N8N_ENCRYPTION_KEY or ~/.n8n/config): anyone with the bundle can decrypt them.",
             "Remove the key (or the export) from the bundle, rotate the key and the credentials it protected."}};
        return rules;
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        const auto* export_file = doc.model_as<N8nCredentialExport>();
        if (export_file == nullptr) return;
        for (const N8nCredentialEntry& c : export_file->entries) {
            if (!c.decrypted || !c.has_values) continue;
            Hit hit;
            hit.span = member_span(*c.data);
            if (!c.data->key_span.empty()) hit.span.end = c.data->key_span.end;
            hit.node_path = c.data_path;
            hit.message = "Credential " + quoted(c.name) + " (" + c.type + ") is exported decrypted: its fields (" +
                          field_names(*c.data) + ") are in plain text";
            hit.identity = doc.path() + '\0' + c.id + '\0' + c.name;
            sink.report(doc, rules()[kDecrypted], std::move(hit));
        }
    }

    void check_project(const Project& project, FindingSink& sink) const override {
        const Document* key_file = nullptr;
        for (const auto& doc : project.documents) {
            if (doc->model_as<N8nCredentialExport>() == nullptr && holds_encryption_key(doc->bytes())) {
                key_file = doc.get();
                break;
            }
        }
        if (key_file == nullptr) return;
        for (const auto& doc : project.documents) {
            const auto* export_file = doc->model_as<N8nCredentialExport>();
            if (export_file == nullptr) continue;
            for (const N8nCredentialEntry& c : export_file->entries) {
                if (c.decrypted || !c.data->is_string() || c.data->value.empty()) continue;
                Hit hit;
                hit.span = member_span(*c.data);
                hit.node_path = c.data_path;
                hit.message = "Credential " + quoted(c.name) + " (" + c.type + ") is encrypted, but " +
                              key_file->path() + " holds the instance encryption key";
                sink.report(*doc, rules()[kEncryptedWithKey], std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_credentials_export() { return std::make_unique<N8nCredentialsExport>(); }
} // namespace handoff
