// Form, public chat, MCP server and Wait-resume entry points without authentication.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

enum RuleIndex : std::size_t { kForm, kChat, kMcp, kWait };

class N8nOpenTrigger final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{
            {"n8n-form-no-auth", "n8n Form Trigger without authentication", Family::open_webhook, Severity::medium,
             Confidence::medium,
             "Anyone with the form URL can submit it and start the workflow, including bots and scripted floods.",
             "Set the Form Trigger's Authentication to Basic Auth or n8n user auth, or accept that it is public "
             "and make the workflow treat every field as untrusted."},
            {"n8n-chat-public-no-auth", "Public n8n Chat Trigger without authentication", Family::open_webhook,
             Severity::high, Confidence::high,
             "A public chat trigger without authentication lets anyone talk to the AI workflow behind it, spending "
             "model credits and steering whatever tools it holds.",
             "Set Authentication to Basic Auth or n8n user auth, or turn off Make Chat Publicly Available."},
            {"n8n-mcp-trigger-no-auth", "n8n MCP Server Trigger without authentication", Family::open_webhook,
             Severity::high, Confidence::high,
             "Every tool connected to an MCP Server Trigger is callable by any MCP client that knows the URL.",
             "Set the MCP Server Trigger's Authentication to Bearer or Header auth with a credential."},
            {"n8n-wait-resume-no-auth", "n8n Wait node resumes on an unauthenticated webhook or form",
             Family::open_webhook, Severity::medium, Confidence::medium,
             "The resume URL contains the execution id, which is sequential; anyone who has or guesses it can "
             "resume the workflow with their own data.",
             "Set the Wait node's Authentication (incomingAuthentication) to Basic, Header or JWT auth."}};
        return rules;
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nTrigger& t : wf.triggers) {
                if (t.auth != "none") continue;
                const N8nNode& n = wf.nodes[t.node];
                std::string msg;
                std::size_t rule = kForm;
                Severity severity = Severity::medium;
                if (t.kind == "form") {
                    msg = "Form Trigger " + quoted(n.name) + " is open to anyone with its URL";
                    severity = wf.active ? Severity::medium : Severity::low;
                } else if (t.kind == "chat") {
                    rule = kChat;
                    msg = "Chat Trigger " + quoted(n.name) + " is public and has no authentication";
                    severity = wf.active ? Severity::high : Severity::medium;
                } else if (t.kind == "mcp-server") {
                    rule = kMcp;
                    msg = "MCP Server Trigger " + quoted(n.name) + " has no authentication";
                    std::vector<std::size_t> tools = wf.sources(t.node, "ai_tool");
                    if (!tools.empty()) {
                        msg += "; it exposes " + std::to_string(tools.size()) + " tool(s): ";
                        for (std::size_t i = 0; i < tools.size() && i < 5; ++i) {
                            msg += (i ? ", " : "") + quoted(wf.nodes[tools[i]].name);
                        }
                        if (tools.size() > 5) msg += ", ...";
                    }
                    severity = Severity::high;
                } else if (t.kind == "webhook-resume" || t.kind == "form-resume") {
                    rule = kWait;
                    msg = "Wait node " + quoted(n.name) + " resumes on a " +
                          (t.kind == "form-resume" ? "form" : "webhook") + " call without authentication";
                } else {
                    continue;
                }
                if (wf.active && rule != kForm) msg += "; the workflow is active";
                if (n.disabled) {
                    severity = Severity::low;
                    msg += "; the node is disabled";
                }
                std::string_view member = rule == kWait ? "incomingAuthentication" : "authentication";
                if (rule == kChat && t.auth_member == nullptr) member = "public";
                Hit hit = n8n_hit(n, {"parameters", member}, msg);
                hit.severity = severity;
                sink.report(doc, rules()[rule], std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_open_trigger() { return std::make_unique<N8nOpenTrigger>(); }
} // namespace handoff
