#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-host-access", "MCP server reaches the whole host (file system root, home, Docker socket, privileged)",
    Family::unsafe_permission, Severity::high, Confidence::high,
    "A filesystem server rooted at / or ~, or a container run --privileged, with --network host, --pid host, the "
    "Docker socket or the host's root or credential folders mounted, gives the agent (and whoever steers it) "
    "the user's SSH keys, cloud credentials and every other project.",
    "Root filesystem servers at the project folder; mount only what the server needs, read-only; drop "
    "--privileged, --network host and the Docker socket."};

class McpHostAccess final : public SingleRuleCheck {
public:
    McpHostAccess() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            const std::string& c = g.capability;
            if (c != capability::filesystem_root && c != capability::container_privileged && c != capability::host_network &&
                c != capability::host_pid && c != capability::host_mount && c != capability::docker_socket)
                continue;
            Hit hit = agent_hit(doc, g.site, holder_label(doc, g.holder) + ": " + g.detail, g.scope);
            if (c == capability::docker_socket || c == capability::container_privileged) hit.severity = Severity::critical;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_host_access() { return std::make_unique<McpHostAccess>(); }
} // namespace handoff
