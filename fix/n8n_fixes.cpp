#include "fix/n8n_fixes.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/tree.hpp"

namespace handoff {

namespace {

// The indentation of the line `at` is on, when only spaces or tabs come before it there.
std::optional<std::string> indent_before(std::string_view bytes, std::uint32_t at) {
    std::uint32_t start = line_start_of(bytes, at);
    std::string_view prefix = bytes.substr(start, at - start);
    if (prefix.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
    return std::string(prefix);
}

// A JSON string literal holding text (names handoff writes: letters, digits, _ and -).
std::string quoted_json(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

bool http_request_node(const N8nNode& node) {
    return (node.type == "n8n-nodes-base.httpRequest" || node.type == "n8n-nodes-base.httpRequestTool") &&
           node.version >= 3;
}

// The key's value as written, without the `=` that makes it an expression; nothing when it
// is a real expression (it reads something at run time).
std::optional<std::string_view> plain_value(std::string_view value) {
    if (is_n8n_expression(value)) value.remove_prefix(1);
    if (contains(value, "{{")) return std::nullopt;
    return value;
}

// Splits camelCase and joins with the credential's name: apiKey -> API_KEY.
std::string snake(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool upper = c >= 'A' && c <= 'Z';
        bool after_lower = i > 0 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= '0' && text[i - 1] <= '9'));
        if (upper && after_lower) out += '_';
        out += c;
    }
    return env_name(out);
}

} // namespace

std::string N8nCredentialSlot::field_hint() const {
    if (type == "httpBearerAuth") return "as its Bearer Token";
    if (type == "httpHeaderAuth") return "as its Value, with Name " + field;
    return "as its Value, with Name " + field + " (the query parameter)";
}

std::string N8nCredentialSlot::describe(const std::string& credential) const {
    return "create an n8n credential of type " + type + " named " + credential + " with this value " + field_hint();
}

std::optional<N8nCredentialSlot> n8n_credential_slot(const Document& doc, const Node& value, std::string_view key) {
    const auto* model = doc.model_as<N8nWorkflowExport>();
    if (model == nullptr || !value.is_string() || value.key != "value") return std::nullopt;
    for (const N8nWorkflow& wf : model->workflows) {
        for (const N8nNode& node : wf.nodes) {
            if (node.parameters == nullptr || node.node == nullptr || !node.node->is_map()) continue;
            if (value.span.begin < node.parameters->span.begin || value.span.end > node.parameters->span.end) continue;
            if (!http_request_node(node) || node.node->find("credentials") != nullptr) return std::nullopt;
            const Node& params = *node.parameters;
            for (std::string_view taken : {"authentication", "genericAuthType", "nodeCredentialType"}) {
                if (params.find(taken) != nullptr) return std::nullopt;
            }
            struct Where {
                std::string_view group;
                std::string_view specify;
                std::string_view send;
                bool header;
            };
            for (const Where& w : {Where{"headerParameters", "specifyHeaders", "sendHeaders", true},
                                   Where{"queryParameters", "specifyQuery", "sendQuery", false}}) {
                const Node* list = node.param_node({w.group, "parameters"});
                if (list == nullptr || !list->is_seq()) continue;
                std::string_view specify = node.param({w.specify});
                if (!specify.empty() && specify != "keypair") continue;
                for (std::size_t i = 0; i < list->children.size(); ++i) {
                    const Node& item = list->children[i];
                    const Node* value_node = item.is_map() ? item.find("value") : nullptr;
                    if (value_node != &value) continue;
                    const Node* name = item.find("name");
                    if (item.children.size() != 2 || name == nullptr || !name->is_string() || name->value.empty() ||
                        is_n8n_expression(name->value)) {
                        return std::nullopt;
                    }
                    std::optional<std::string_view> written = plain_value(value.value);
                    if (!written) return std::nullopt;
                    N8nCredentialSlot slot;
                    slot.node = &node;
                    slot.list = list;
                    slot.item = i;
                    slot.list_path = node.member_path({"parameters", w.group, "parameters"});
                    slot.switches = {std::string(w.send), std::string(w.specify), std::string(w.group)};
                    if (*written == key) {
                        slot.type = w.header ? "httpHeaderAuth" : "httpQueryAuth";
                        slot.field = name->value;
                    } else if (w.header && iequals(name->value, "authorization") && written->size() == key.size() + 7 &&
                               iequals(written->substr(0, 7), "bearer ") && written->substr(7) == key) {
                        slot.type = "httpBearerAuth";
                    } else {
                        return std::nullopt;
                    }
                    return slot;
                }
            }
            return std::nullopt;  // a body value, the URL, a code node: no credential type fits
        }
    }
    return std::nullopt;
}

bool n8n_credential_edits(std::string_view bytes, const N8nCredentialSlot& slot, const std::string& credential,
                          std::vector<SpanEdit>& edits, std::vector<std::string>& paths) {
    const N8nNode& node = *slot.node;
    const Node& params = *node.parameters;
    const Node* params_member = node.node->find("parameters");
    const Node& list = *slot.list;
    auto at = [&](std::uint32_t offset, char c) { return offset < bytes.size() && bytes[offset] == c; };
    if (params_member == nullptr || params.children.empty() || !at(params.span.begin, '{') ||
        list.span.empty() || !at(list.span.begin, '[') || !at(list.span.end - 1, ']')) {
        return false;
    }
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::vector<SpanEdit> out;

    // `authentication` and `genericAuthType` go first in parameters, written like its first member.
    const Node& first = params.children.front();
    std::uint32_t first_key = first.key_span.begin;
    std::string_view gap = bytes.substr(params.span.begin + 1, first_key - params.span.begin - 1);
    std::string sep = gap.find_first_not_of(" \t\r\n") == std::string_view::npos && gap.find('\n') != std::string_view::npos
                          ? std::string(gap)
                          : std::string(" ");
    std::string auth = "\"authentication\": \"genericCredentialType\"," + sep + "\"genericAuthType\": " + quoted_json(slot.type);
    bool all_dropped = false;

    // The parameter leaves the list, with the comma that joined it to its neighbour; when it
    // was the only one, the list goes with the members that switch it on (as n8n exports a
    // node that sends no headers).
    const std::vector<Node>& items = list.children;
    std::vector<std::string> removed_paths{slot.list_path};
    if (slot.item > 0) {
        out.push_back({items[slot.item - 1].span.end, items[slot.item].span.end, ""});
    } else if (items.size() > 1) {
        out.push_back({items[0].span.begin, items[1].span.begin, ""});
    } else {
        std::vector<bool> drop(params.children.size(), false);
        for (std::size_t i = 0; i < params.children.size(); ++i) {
            const std::string& key = params.children[i].key;
            drop[i] = std::find(slot.switches.begin(), slot.switches.end(), key) != slot.switches.end();
            if (drop[i]) removed_paths.push_back(node.member_path({"parameters", key}));
        }
        all_dropped = std::all_of(drop.begin(), drop.end(), [](bool d) { return d; });
        if (all_dropped) {
            // Nothing else in parameters: the two members take the place of what was there.
            const Node& last = params.children.back();
            if (first.key_span.empty() || last.span.empty()) return false;
            out.push_back({first_key, last.span.end, auth});
            drop.assign(drop.size(), false);
        }
        // Each run of dropped members goes with the comma before it (after it, for a run that
        // starts the object), so neighbouring runs never overlap.
        for (std::size_t i = 0; i < drop.size();) {
            if (!drop[i]) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j + 1 < drop.size() && drop[j + 1]) ++j;
            const std::vector<Node>& m = params.children;
            if (m[i].key_span.empty() || (j + 1 < m.size() && m[j + 1].key_span.empty())) return false;
            if (i > 0) {
                out.push_back({m[i - 1].span.end, m[j].span.end, ""});
            } else {
                out.push_back({m[0].key_span.begin, m[j + 1].key_span.begin, ""});
            }
            i = j + 1;
        }
    }

    if (!all_dropped) out.push_back({first_key, first_key, auth + "," + sep});

    // `credentials` follows parameters in the node, in the node's layout.
    std::optional<std::string> outer = indent_before(bytes, params_member->key_span.begin);
    std::optional<std::string> inner = indent_before(bytes, first_key);
    std::string reference = "{\"id\": \"\", \"name\": " + quoted_json(credential) + "}";
    std::string text;
    if (outer && inner && inner->size() > outer->size() && inner->starts_with(*outer)) {
        std::string unit = inner->substr(outer->size());
        std::string i1 = *outer + unit;
        std::string i2 = i1 + unit;
        std::string nl(eol);
        text = "," + nl + *outer + "\"credentials\": {" + nl + i1 + quoted_json(slot.type) + ": {" + nl + i2 +
               "\"id\": \"\"," + nl + i2 + "\"name\": " + quoted_json(credential) + nl + i1 + "}" + nl + *outer + "}";
    } else {
        text = ", \"credentials\": {" + quoted_json(slot.type) + ": " + reference + "}";
    }
    out.push_back({params_member->span.end, params_member->span.end, text});

    edits.insert(edits.end(), out.begin(), out.end());
    paths.insert(paths.end(), removed_paths.begin(), removed_paths.end());
    paths.push_back(node.member_path({"parameters", "authentication"}));
    paths.push_back(node.member_path({"parameters", "genericAuthType"}));
    paths.push_back(node.member_path({"credentials"}));
    return true;
}

std::string credential_env_name(std::string_view credential, std::string_view field) {
    std::string head = env_name(credential);
    std::string tail;
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t dot = field.find('.', start);
        std::string part = snake(field.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (!part.empty()) tail += (tail.empty() ? "" : "_") + part;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (head.empty()) head = "N8N_CREDENTIAL";
    return tail.empty() ? head : head + "_" + tail;
}

std::vector<N8nExportValue> n8n_export_values(const N8nCredentialExport& export_file) {
    std::vector<N8nExportValue> out;
    for (const N8nCredentialEntry& entry : export_file.entries) {
        if (!entry.decrypted || !entry.data->is_map()) continue;
        walk(*entry.data, [&](const Node& n, const NodePath& path) {
            if (!n.is_scalar() || n.type == ScalarType::null || n.value.empty()) return true;
            std::string field = path.str();
            N8nExportValue v;
            v.entry = &entry;
            v.scalar = &n;
            v.field = field;
            v.name = credential_env_name(entry.name.empty() ? entry.type : entry.name, field);
            out.push_back(std::move(v));
            return true;
        });
    }
    return out;
}

} // namespace handoff
