#include <array>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-remote-no-auth", "Remote MCP server with no authentication configured", Family::open_webhook,
    Severity::low, Confidence::medium,
    "The config sends no header, token variable or OAuth setting to a remote server. Either the server is open to "
    "anyone (and so are the tools it exposes), or the client will prompt for OAuth at run time.",
    "Confirm the server authenticates callers: add an Authorization header from a variable, a bearer-token env "
    "var, or OAuth."};

// Hosts that authenticate with OAuth at connect time, or serve public documentation.
bool oauth_or_public_host(std::string_view host) {
    static constexpr std::array kHosts{
        "mcp.notion.com", "mcp.sentry.dev", "api.githubcopilot.com", "mcp.linear.app", "mcp.atlassian.com",
        "mcp.context7.com", "mcp.supabase.com", "mcp.stripe.com", "mcp.asana.com", "mcp.paypal.com",
        "mcp.vercel.com", "mcp.cloudflare.com", "mcp.deepwiki.com", "gitmcp.io", "mcp.hubspot.com",
        "mcp.figma.com", "mcp.canva.com", "mcp.zapier.com", "mcp.neon.tech", "mcp.intercom.com",
        "mcp.squareup.com", "mcp.webflow.com", "mcp.wix.com", "mcp.plaid.com", "mcp.box.com", "mcp.monday.com",
        "mcp.jam.dev", "mcp.globalping.dev", "mcp.solana.com", "mcp.apify.com", "mcp.huggingface.co",
        "huggingface.co", "mcp.prisma.io", "mcp.semgrep.ai", "mcp.exa.ai", "mcp.firecrawl.dev",
        "learn.microsoft.com", "mcp.grep.app", "mcp.svelte.dev", "mcp.astro.build", "docs.mcp.cloudflare.com",
    };
    for (std::string_view h : kHosts) {
        if (host == h || (host.size() > h.size() && host.ends_with(h) && host[host.size() - h.size() - 1] == '.'))
            return true;
    }
    return false;
}

class McpRemoteNoAuth final : public SingleRuleCheck {
public:
    McpRemoteNoAuth() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::outbound || e.auth != "none") continue;
            if (e.kind != endpoint_kind::mcp_server) continue;
            std::string host = url_host(e.url);
            if (host.empty() || is_loopback_host(host) || is_placeholder_host(host)) continue;
            bool known = oauth_or_public_host(host);
            std::string message =
                known ? holder_label(doc, e.owner) + " at " + host +
                            " sets no credentials in the config: the service signs users in with OAuth when the "
                            "client connects, or is public"
                      : holder_label(doc, e.owner) + " at " + host + " has no auth header, token or OAuth setting";
            Hit hit = agent_hit(doc, e.site, std::move(message), e.url);
            if (known) hit.severity = Severity::info;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_remote_no_auth() { return std::make_unique<McpRemoteNoAuth>(); }
} // namespace handoff
