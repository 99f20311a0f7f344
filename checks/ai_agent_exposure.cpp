// ai-agent-exposure: an AI coding agent that outsiders can start (issues, comments,
// fork pull requests) while it holds write permissions, secrets or a shell, with no
// check of who triggered it: untrusted input, private data and an outbound channel.
#include <set>

#include "checks/registry.hpp"
#include "checks/support/ai_agents.hpp"
#include "checks/support/github.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "ai-agent-exposure",
    "AI agent can be driven by outsiders while holding secrets or write access",
    Family::unsafe_permission,
    Severity::high,
    Confidence::medium,
    "An agent reads the issue, comment or pull request that triggered it; anyone who can write one can "
    "tell the agent what to do (prompt injection). With a write token, secrets or a shell, the agent can "
    "push code, leak the secrets or post them back in a comment.",
    "Run the agent only for trusted users (if: contains(fromJSON('[\"OWNER\",\"MEMBER\",\"COLLABORATOR\"]'), "
    "github.event.comment.author_association)), give it read-only permissions and no shell, and keep "
    "secrets other than its own API key out of the job.",
};

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

class AiAgentExposure final : public SingleRuleCheck {
public:
    AiAgentExposure() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        std::string event;
        for (const GhTrigger& t : wf.triggers) {
            if (outsider_trigger(t.event)) { event = t.event; break; }
        }
        if (event.empty()) return;
        for (const GhJob& job : wf.jobs) {
            if (job_guarded(job)) continue;
            for (const GhStep& step : job.steps) {
                std::string_view agent = agent_of_step(step);
                if (agent.empty() || agent_checks_actor(step)) continue;
                report(doc, sink, wf, job, step, agent, event);
            }
        }
    }

private:
    static void report(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const GhJob& job,
                       const GhStep& step, std::string_view agent, const std::string& event) {
        std::vector<std::string> holds;
        const Node* perms = effective_permissions(wf, job);
        bool write = perms == nullptr || grants_write(perms);
        if (write) holds.push_back(perms == nullptr ? "the default token permissions" : "write permissions");
        std::set<std::string> secrets;
        for (const SecretRef& ref : doc.facts.secret_refs) {
            if (ref.store == store::github_secret && (ref.owner == job.id || ref.owner.empty())) secrets.insert(ref.name);
        }
        if (!secrets.empty()) {
            std::string names;
            for (const std::string& n : secrets) names += (names.empty() ? "" : ", ") + n;
            holds.push_back("secrets (" + names + ")");
        }
        bool shell = agent_has_shell(step);
        if (shell) holds.push_back("shell access");
        if (holds.empty()) return;
        Hit hit;
        hit.span = step.node->span;
        hit.node_path = step.path;
        hit.message = std::string(agent) + " runs on " + event + ", which outsiders can trigger, with " + join(holds) +
                      " and no check of who triggered it";
        if (!(write || shell)) hit.severity = Severity::medium;
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_ai_agent_exposure() { return std::make_unique<AiAgentExposure>(); }

} // namespace handoff
