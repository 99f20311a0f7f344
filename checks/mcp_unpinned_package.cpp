#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "mcp-unpinned-package", "MCP server fetched without a pinned version", Family::unsafe_permission,
    Severity::medium, Confidence::high,
    "npx -y, uvx, bunx and docker run fetch the newest release every time the client starts; a hijacked package "
    "or a malicious update then runs with the agent's keys and files. Scripts piped from curl into a shell are "
    "worse: nothing is even named.",
    "Pin an exact version (pkg@1.4.2, pkg==1.4.2, image:1.4.2 or @sha256:...), or a commit for git sources; "
    "update deliberately."};

class McpUnpinnedPackage final : public SingleRuleCheck {
public:
    McpUnpinnedPackage() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Grant& g : doc.facts.grants) {
            bool script = g.capability == capability::remote_script;
            if (!script && g.capability != capability::unpinned_package) continue;
            Hit hit = agent_hit(doc, g.site, holder_label(doc, g.holder) + ": " + g.detail, g.scope);
            if (script) hit.severity = Severity::high;
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_mcp_unpinned_package() { return std::make_unique<McpUnpinnedPackage>(); }
} // namespace handoff
