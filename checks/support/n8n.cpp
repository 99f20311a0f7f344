#include "checks/support/n8n.hpp"

#include <algorithm>

#include "core/redact.hpp"
#include "core/text.hpp"

namespace handoff {

const std::vector<N8nWorkflow>& n8n_workflows_of(const Document& doc) {
    static const std::vector<N8nWorkflow> none;
    const auto* model = doc.model_as<N8nWorkflowExport>();
    return model != nullptr ? model->workflows : none;
}

Hit n8n_type_hit(const N8nNode& node, std::string message) {
    Hit hit;
    const Node* type = node.node->find("type");
    hit.span = type != nullptr ? member_span(*type) : node.node->span;
    hit.node_path = node.member_path({"type"});
    hit.message = std::move(message);
    return hit;
}

Hit n8n_hit(const N8nNode& node, std::initializer_list<std::string_view> member, std::string message) {
    const Node* target = node.node;
    for (std::string_view key : member) {
        target = target != nullptr ? target->find(key) : nullptr;
    }
    if (target == nullptr || target == node.node) return n8n_type_hit(node, std::move(message));
    Hit hit;
    hit.span = member_span(*target);
    hit.node_path = node.member_path(member);
    hit.message = std::move(message);
    return hit;
}

namespace {
// The literal start of a URL parameter: all of a plain value; the text before the first
// `{{` of an expression; or the leading string literal of `={{ 'https://...' + x }}`.
std::string_view literal_start(std::string_view url) {
    if (!is_n8n_expression(url)) return url;
    url.remove_prefix(1);
    std::size_t open = url.find("{{");
    if (open != 0) return url.substr(0, open);
    std::string_view inner = trim(url.substr(2));
    if (inner.empty() || (inner.front() != '\'' && inner.front() != '"' && inner.front() != '`')) return {};
    char quote = inner.front();
    inner.remove_prefix(1);
    std::size_t end = inner.find(quote);
    if (quote == '`') end = std::min(end, inner.find("${"));
    return inner.substr(0, end);
}

bool token_like(std::string_view word) {
    if (word.size() < 16) return false;
    bool digit = false;
    bool alpha = false;
    for (char c : word) {
        digit = digit || (c >= '0' && c <= '9');
        alpha = alpha || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return digit && alpha;
}
} // namespace

std::string quote_snippet(std::string_view text, std::size_t max) {
    std::string collapsed;
    bool space = false;
    for (char c : text) {
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (ws) {
            space = !collapsed.empty();
            continue;
        }
        if (space) collapsed += ' ';
        space = false;
        collapsed += c;
    }
    std::string out;
    std::size_t at = 0;
    while (at < collapsed.size()) {
        std::size_t end = collapsed.find(' ', at);
        if (end == std::string::npos) end = collapsed.size();
        std::string_view word = std::string_view(collapsed).substr(at, end - at);
        out += token_like(word) ? redact(word) : std::string(word);
        if (end < collapsed.size()) out += ' ';
        at = end + 1;
    }
    if (out.size() > max) {
        std::size_t cut = max;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U) --cut;
        out = out.substr(0, cut) + "...";
    }
    return out;
}

std::string describe_url(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (url.starts_with("=") || url.find("{{") != std::string_view::npos || scheme == std::string_view::npos) {
        return quote_snippet(url, 80);
    }
    std::size_t host = scheme + 3;
    std::size_t end = url.find_first_of("/?#", host);
    std::string_view authority = url.substr(host, end == std::string_view::npos ? std::string_view::npos : end - host);
    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority = authority.substr(at + 1);
    std::string out = std::string(url.substr(0, host)) + std::string(authority);
    if (end != std::string_view::npos && end + 1 < url.size()) out += "/...";
    return out;
}

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

std::vector<const Untrusted*> untrusted_under(const Document& doc, const N8nNode& node,
                                              std::string_view path_prefix) {
    std::vector<const Untrusted*> out;
    for (const Untrusted& u : doc.facts.untrusted) {
        if (u.holder != node.name || u.origin == node.name) continue;
        std::string_view p = u.site.node_path;
        if (p.substr(0, path_prefix.size()) != path_prefix) continue;
        if (p.size() > path_prefix.size() && p[path_prefix.size()] != '.' && p[path_prefix.size()] != '[') continue;
        out.push_back(&u);
    }
    for (const Untrusted& u : doc.facts.untrusted) {
        // Values the LLM picks are recorded with the node itself as origin.
        if (u.holder == node.name && u.origin == node.name && u.source == "llm-choice" &&
            std::string_view(u.site.node_path).substr(0, path_prefix.size()) == path_prefix) {
            out.push_back(&u);
        }
    }
    return out;
}

std::string describe_untrusted(const Untrusted& u) {
    if (u.source == "llm-choice") return "a value the AI model chooses";
    return u.source + " data from " + quoted(u.origin);
}

bool host_is_fixed(std::string_view url) {
    std::string_view lit = literal_start(url);
    std::size_t scheme = lit.find("://");
    if (scheme == std::string_view::npos || scheme == 0) return false;
    std::string_view rest = lit.substr(scheme + 3);
    std::size_t end = rest.find_first_of("/?#");
    if (!is_n8n_expression(url)) return !rest.empty() && end != 0;  // nothing varies
    return end != std::string_view::npos && end > 0;
}

} // namespace handoff
