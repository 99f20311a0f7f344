// Jenkins job triggers whose secret lives in the job file: the "Trigger builds remotely"
// authToken and the Generic Webhook Trigger token (or a Generic Webhook Trigger with no
// token at all). Reads the job model the Jenkins loader built (model/ci.hpp).
#include "checks/registry.hpp"
#include "core/redact.hpp"
#include "model/ci.hpp"

namespace handoff {
namespace {

const RuleInfo kAuthToken{
    "jenkins-auth-token",
    "Jenkins remote build token stored in the job file",
    Family::open_webhook,
    Severity::high,
    Confidence::high,
    "Anyone who reads the job's config.xml (a backup, a repository, the handover archive) can start the "
    "job with JENKINS_URL/job/NAME/build?token=...; with the Build Token Root plugin no Jenkins account is "
    "needed at all.",
    "Rotate the token, keep it out of versioned job files (configuration as code with a credential), and "
    "prefer an authenticated API call with a user API token.",
};

const RuleInfo kGenericWebhook{
    "jenkins-generic-webhook-token",
    "Generic Webhook Trigger token in the job file, or no token",
    Family::open_webhook,
    Severity::high,
    Confidence::high,
    "The Generic Webhook Trigger starts the job for any request that carries its token, and passes the "
    "request's content into the build as variables. A token in the job file is readable by anyone with "
    "the file; no token means anyone who can reach Jenkins starts the job with a payload they choose.",
    "Store the token as a Jenkins credential (tokenCredentialId) and rotate the one in the file.",
};

class JenkinsTriggerToken final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules{kAuthToken, kGenericWebhook};
        return rules;
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        const auto* job = doc.model_as<JenkinsJob>();
        if (job == nullptr) return;
        for (const JenkinsTrigger& t : job->triggers) {
            if (t.kind == JenkinsTrigger::Kind::auth_token) {
                report_token(doc, sink, kAuthToken, t,
                             "job " + job->name + " can be started remotely by anyone holding the authToken stored here",
                             job->disabled);
            } else if (!t.token.empty()) {
                report_token(doc, sink, kGenericWebhook, t,
                             "job " + job->name + "'s Generic Webhook Trigger token is stored in the job file", job->disabled);
            } else if (!t.token_credential) {
                Hit hit;
                hit.span = t.key_span;
                hit.node_path = t.node_path;
                hit.message = "job " + job->name +
                              "'s Generic Webhook Trigger has no token: any request that reaches Jenkins starts it";
                hit.confidence = Confidence::medium;
                if (job->disabled) hit.severity = Severity::medium;
                sink.report(doc, kGenericWebhook, std::move(hit));
            }
        }
    }

private:
    static void report_token(const Document& doc, FindingSink& sink, const RuleInfo& rule, const JenkinsTrigger& t,
                             std::string message, bool disabled) {
        Hit hit;
        hit.span = t.token_span;
        hit.node_path = t.token_path;
        hit.message = std::move(message);
        if (disabled) {
            hit.message += " (the job is disabled)";
            hit.severity = Severity::medium;
        }
        hit.evidence = redact(t.token);
        hit.identity = t.token;
        sink.report(doc, rule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_jenkins_trigger_token() { return std::make_unique<JenkinsTriggerToken>(); }

} // namespace handoff
