// Jenkins job triggers whose secret lives in the job file: the "Trigger builds remotely"
// authToken and the Generic Webhook Trigger token (or a Generic Webhook Trigger with no
// token at all).
#include "checks/registry.hpp"
#include "core/redact.hpp"
#include "parsers/loaders/jenkins_xml.hpp"
#include "parsers/loaders/node_paths.hpp"

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
        if (doc.format != Format::jenkins_job || !doc.tree) return;
        const Node* job = jenkins_job_element(*doc.tree);
        if (job == nullptr) return;
        bool disabled = xml_text(job->find("disabled")) == "true";
        std::string name = jenkins_job_name(doc.path());
        walk(*doc.tree, [&](const Node& node, const NodePath& path) {
            if (node.key == "authToken" && !xml_text(node).empty()) {
                report_token(doc, sink, kAuthToken, node, path.str(),
                             "job " + name + " can be started remotely by anyone holding the authToken stored here", disabled);
            } else if (node.key == "org.jenkinsci.plugins.gwt.GenericTrigger") {
                check_generic(doc, sink, node, path.str(), name, disabled);
            }
            return true;
        });
    }

private:
    static void report_token(const Document& doc, FindingSink& sink, const RuleInfo& rule, const Node& node,
                             const std::string& path, std::string message, bool disabled) {
        std::string_view token = xml_text(node);
        Hit hit;
        hit.span = xml_span(node);
        hit.node_path = path;
        hit.message = std::move(message);
        if (disabled) {
            hit.message += " (the job is disabled)";
            hit.severity = Severity::medium;
        }
        hit.evidence = redact(token);
        hit.identity = std::string(token);
        sink.report(doc, rule, std::move(hit));
    }

    static void check_generic(const Document& doc, FindingSink& sink, const Node& trigger, const std::string& path,
                              const std::string& name, bool disabled) {
        const Node* token = trigger.is_map() ? trigger.find("token") : nullptr;
        if (token != nullptr && !xml_text(token).empty()) {
            report_token(doc, sink, kGenericWebhook, *token, child_path(path, "token"),
                         "job " + name + "'s Generic Webhook Trigger token is stored in the job file", disabled);
            return;
        }
        const Node* credential = trigger.is_map() ? trigger.find("tokenCredentialId") : nullptr;
        if (credential != nullptr && !xml_text(credential).empty()) return;
        Hit hit;
        hit.span = trigger.key_span;
        hit.node_path = path;
        hit.message = "job " + name + "'s Generic Webhook Trigger has no token: any request that reaches Jenkins starts it";
        hit.confidence = Confidence::medium;
        if (disabled) hit.severity = Severity::medium;
        sink.report(doc, kGenericWebhook, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_jenkins_trigger_token() { return std::make_unique<JenkinsTriggerToken>(); }

} // namespace handoff
