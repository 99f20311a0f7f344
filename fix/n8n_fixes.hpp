#pragma once
// n8n fixes beyond `={{ $env.NAME }}`, each a local edit of the export's JSON text:
// - an HTTP Request node whose key is a whole header or query parameter gets a reference to
//   an n8n credential (httpHeaderAuth, httpQueryAuth, httpBearerAuth) instead: the parameter
//   is removed, `authentication`/`genericAuthType` and a `credentials` member are added.
// - a credentials export written with --decrypted keeps each credential's name and type,
//   and every value of its `data` becomes an empty string (the values go to .env).
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "fix/edits.hpp"
#include "model/automation.hpp"

namespace handoff {

// A key an n8n credential can hold in place of the node's inline parameter.
struct N8nCredentialSlot {
    const N8nNode* node = nullptr;
    const Node* list = nullptr;  // headerParameters.parameters or queryParameters.parameters
    std::size_t item = 0;        // the {name, value} item holding the key
    std::string list_path;       // nodes[0].parameters.headerParameters.parameters
    std::vector<std::string> switches;  // the members that turn the list on, with it: sendHeaders,
                                        // specifyHeaders, headerParameters
    std::string type;            // httpHeaderAuth, httpQueryAuth, httpBearerAuth
    std::string field;           // the header or query parameter's name (empty for bearer)

    // What the client creates, for .env.example and the notes.
    [[nodiscard]] std::string describe(const std::string& credential) const;
    // Which field of the credential the value goes in: "as its Bearer Token".
    [[nodiscard]] std::string field_hint() const;
};

// The credential slot for a key written as `value` (the scalar), or nothing when no
// credential type fits (a body value, a longer string, a node with authentication already).
std::optional<N8nCredentialSlot> n8n_credential_slot(const Document& doc, const Node& value, std::string_view key);

// The edits that move the slot's parameter into a credential reference named `credential`,
// and the node paths they add or remove. False, with no edits, when the node's text is
// shaped in a way these edits do not handle (the caller falls back to $env).
bool n8n_credential_edits(std::string_view bytes, const N8nCredentialSlot& slot, const std::string& credential,
                          std::vector<SpanEdit>& edits, std::vector<std::string>& paths);

// One value of a decrypted credentials export to move to .env.
struct N8nExportValue {
    const N8nCredentialEntry* entry = nullptr;
    const Node* scalar = nullptr;
    std::string field;  // apiKey, oauthTokenData.access_token
    std::string name;   // STRIPE_PROD_API_KEY
};

// Every value (not null, not empty) in the data of the decrypted entries of a credentials export.
std::vector<N8nExportValue> n8n_export_values(const N8nCredentialExport& export_file);

// Credential name + field as one variable name: "Stripe prod" + "apiKey" -> STRIPE_PROD_API_KEY.
std::string credential_env_name(std::string_view credential, std::string_view field);

} // namespace handoff
