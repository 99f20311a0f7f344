// Execute Command and SSH nodes: shell commands on the n8n host or a remote host.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-command-execution", "n8n node runs shell commands", Family::unsafe_permission, Severity::high,
    Confidence::high,
    "Execute Command runs as the n8n process on its host (and is disabled by default since n8n 2.0); SSH "
    "runs commands on another machine with the credential's rights. Whoever controls the workflow's "
    "input may control the command.",
    "Replace the command with a dedicated node or service call; if it must stay, never build it from "
    "trigger data, and document that the client must enable it (NODES_EXCLUDE)."};

class N8nCommandExecution final : public SingleRuleCheck {
public:
    N8nCommandExecution() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::command) continue;
                bool ssh = n.short_type().substr(0, 3) == "ssh";
                std::string_view command = n.param({"command"});
                std::string msg = ssh ? "SSH node " + quoted(n.name) + " runs commands on a remote host"
                                      : "Execute Command node " + quoted(n.name) + " runs a shell command on the n8n host";
                if (ssh && n.param({"resource"}) == "file") msg = "SSH node " + quoted(n.name) + " transfers files to or from a remote host";
                if (!command.empty()) msg += ": `" + quote_snippet(command) + "`";
                Severity severity = ssh ? Severity::medium : Severity::high;
                auto inputs = untrusted_under(doc, n, n.member_path({"parameters", "command"}));
                if (!inputs.empty()) {
                    msg += "; the command is built from " + describe_untrusted(*inputs.front()) +
                           " (command injection)";
                    severity = Severity::critical;
                }
                Hit hit = n8n_hit(n, {"parameters", "command"}, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_command_execution() { return std::make_unique<N8nCommandExecution>(); }
} // namespace handoff
