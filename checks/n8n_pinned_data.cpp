// pinData: execution output saved in the export, often real requests and customer records.
#include <algorithm>
#include <cctype>

#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"
#include "core/text.hpp"

namespace handoff {
namespace {

bool auth_header_key(std::string_view key) {
    std::string k = lower(key);
    return k == "authorization" || k == "x-api-key" || k == "cookie" || k == "set-cookie" ||
           k == "proxy-authorization" || k == "x-auth-token" || k == "x-n8n-api-key";
}

bool domain_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }
bool local_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '+' || c == '-';
}

// name@host.tld, not at example/test domains.
bool has_email(std::string_view s) {
    for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        std::size_t b = at;
        while (b > 0 && local_char(s[b - 1])) --b;
        std::size_t e = at + 1;
        while (e < s.size() && domain_char(s[e])) ++e;
        std::string_view domain = s.substr(at + 1, e - at - 1);
        std::size_t dot = domain.rfind('.');
        if (b == at || dot == std::string_view::npos || dot + 2 >= domain.size() + 1 || dot == 0) continue;
        std::string d = lower(domain);
        if (d.find("example.") != std::string::npos || d.find("test.") == 0 || d.ends_with(".test") ||
            d.ends_with(".invalid") || d.ends_with(".local")) continue;
        return true;
    }
    return false;
}

bool phone_key(std::string_view key) {
    std::string k = lower(key);
    return k.find("phone") != std::string::npos || k.find("mobile") != std::string::npos || k == "tel";
}

bool has_phone_number(std::string_view s) {
    std::size_t digits = 0;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.') return false;
    }
    return digits >= 7 && digits <= 15;
}

constexpr RuleInfo kRule{
    "n8n-pinned-data", "n8n export carries pinned execution data", Family::unsafe_permission, Severity::low,
    Confidence::high,
    "pinData is real output saved with the workflow: captured webhook requests (with their "
    "Authorization and Cookie headers) and customer records travel with every copy of the file.",
    "Unpin the data (or replace it with made-up samples) before exporting the workflow."};

class N8nPinnedData final : public SingleRuleCheck {
public:
    N8nPinnedData() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            const Node* pin = wf.root->find("pinData");
            if (pin == nullptr || !pin->is_map() || pin->children.empty()) continue;
            std::vector<std::string> nodes;
            for (const Node& c : pin->children) {
                if (!c.children.empty()) nodes.push_back(quoted(c.key));
            }
            if (nodes.empty()) continue;
            std::vector<std::string> headers;
            bool email = false;
            bool phone = false;
            walk(*pin, [&](const Node& n, const NodePath& rel) {
                // The pinned output of an AI model node is text it generated (sample names,
                // drafted e-mails), not a record captured from a person.
                if (rel.depth() == 1) {
                    const N8nNode* owner = wf.by_name(n.key);
                    if (owner != nullptr && owner->info.generates_text) return false;
                }
                if (auth_header_key(n.key) && std::find(headers.begin(), headers.end(), lower(n.key)) == headers.end()) {
                    headers.push_back(lower(n.key));
                }
                if (n.is_string()) {
                    email = email || has_email(n.value);
                    phone = phone || (phone_key(n.key) && has_phone_number(n.value));
                }
                return true;
            });
            std::string msg = "Workflow " + quoted(wf.name) + " carries pinned data for " +
                              std::to_string(nodes.size()) + " node(s) (";
            for (std::size_t i = 0; i < nodes.size() && i < 3; ++i) msg += (i ? ", " : "") + nodes[i];
            msg += nodes.size() > 3 ? ", ...)" : ")";
            Severity severity = Severity::low;
            if (!headers.empty()) {
                msg += "; it holds captured request headers (";
                for (std::size_t i = 0; i < headers.size(); ++i) msg += (i ? ", " : "") + headers[i];
                msg += ")";
                severity = Severity::high;
            }
            if (email || phone) {
                msg += std::string("; it holds personal data (") + (email ? "e-mail addresses" : "") +
                       (email && phone ? ", " : "") + (phone ? "phone numbers" : "") + ")";
                severity = std::max(severity, Severity::medium);
            }
            Hit hit;
            hit.span = member_span(*pin);
            // A map's span may cover the whole collection; point at its first line.
            hit.span.end = std::min(hit.span.end, pin->key_span.empty() ? hit.span.end : pin->key_span.end);
            hit.node_path = wf.member_path({"pinData"});
            hit.message = msg;
            hit.severity = severity;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_pinned_data() { return std::make_unique<N8nPinnedData>(); }
} // namespace handoff
