#include "checks/support/agent.hpp"
#include "core/text.hpp"

#include <cctype>

namespace handoff {

const AgentModel* agent_model(const Document& doc) { return doc.model_as<AgentModel>(); }

bool is_agent_document(const Document& doc) { return agent_model(doc) != nullptr; }

bool is_sample_copy(std::string_view path) {
    std::string p = "/" + lower(path);
    for (std::string_view part : {"/template/", "/templates/", "/example/", "/examples/", "/sample/", "/samples/",
                                  "/docs/", "/doc/", "/demo/", "/demos/", ".example.", ".sample.", ".template."}) {
        if (p.find(part) != std::string::npos) return true;
    }
    return false;
}

Confidence confidence_for(const Document& doc, Confidence usual) {
    return is_sample_copy(doc.path()) ? Confidence::low : usual;
}

std::string url_host(std::string_view url) {
    std::size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    std::size_t at = rest.rfind('@');
    if (at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (rest.starts_with('[')) {
        std::size_t close = rest.find(']');
        return lower(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1));
    }
    return lower(rest.substr(0, rest.find(':')));
}

bool is_loopback_host(std::string_view host) {
    return host == "localhost" || host.ends_with(".localhost") || host.starts_with("127.") || host == "[::1]" ||
           host == "::1" || host == "0.0.0.0" || host == "host.docker.internal";
}

namespace {
// The first two octets of a dotted IPv4 address, or false when host is not one.
bool ipv4_prefix(std::string_view host, int& a, int& b) {
    int parts[4] = {0, 0, 0, 0};
    int count = 0;
    bool digit = false;
    for (char c : host) {
        if (c >= '0' && c <= '9') {
            parts[count] = parts[count] * 10 + (c - '0');
            if (parts[count] > 255) return false;
            digit = true;
        } else if (c == '.' && digit && count < 3) {
            ++count;
            digit = false;
        } else {
            return false;
        }
    }
    if (count != 3 || !digit) return false;
    a = parts[0];
    b = parts[1];
    return true;
}
} // namespace

bool is_private_network_host(std::string_view host) {
    if (host.empty()) return false;
    if (is_loopback_host(host)) return true;
    int a = 0;
    int b = 0;
    if (ipv4_prefix(host, a, b)) {
        return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 169 && b == 254);
    }
    if (host.starts_with("[fd") || host.starts_with("[fc") || host.starts_with("[fe80:")) return true;
    if (host.find('.') == std::string_view::npos) return host.find(':') == std::string_view::npos;  // a service name
    for (std::string_view suffix : {".local", ".internal", ".lan", ".home.arpa", ".svc", ".cluster.local"}) {
        if (host.ends_with(suffix)) return true;
    }
    return false;
}

bool is_placeholder_host(std::string_view host) {
    std::string h = lower(host);
    for (std::string_view part : {"your", "<", "{", "xxx", "placeholder", "server_ip", "server-ip", "hostname"}) {
        if (h.find(part) != std::string::npos) return true;
    }
    return false;
}

bool is_plain_http(std::string_view url) { return lower(url.substr(0, 7)) == "http://"; }

Hit agent_hit(const Document& doc, const Site& site, std::string message, std::string evidence) {
    Hit hit;
    hit.span = site.span;
    hit.node_path = site.node_path;
    hit.message = std::move(message);
    hit.evidence = std::move(evidence);
    if (is_sample_copy(doc.path())) hit.confidence = Confidence::low;
    return hit;
}

std::string holder_label(const Document& doc, std::string_view holder) {
    if (holder.empty()) return "settings";  // a settings-level grant, not a server's
    const AgentModel* model = agent_model(doc);
    AgentFileKind kind = model != nullptr ? model->kind : AgentFileKind::mcp_config;
    if (kind == AgentFileKind::tool_list) return "tool \"" + std::string(holder) + "\"";
    if (holder.starts_with("hooks.")) return "hook " + std::string(holder.substr(6));
    for (std::string_view setting : {"apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper",
                                     "statusLine.command"}) {
        if (holder == setting && kind != AgentFileKind::mcp_config) return std::string(holder);
    }
    return "MCP server \"" + std::string(holder) + "\"";
}

} // namespace handoff
