// Jenkins job config.xml (freestyle and pipeline): remote-trigger and Generic Webhook
// Trigger endpoints, shell/batch steps and pipeline scripts, and the credentials they
// bind (credentialsId -> variables). Builds the job's model (model/ci.hpp: its name,
// whether it is disabled, its remote triggers) for the Jenkins checks.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <set>

#include "core/vocabulary.hpp"
#include "model/ci.hpp"

#include "parsers/loaders/jenkins_xml.hpp"
#include "parsers/loaders/loader.hpp"
#include "parsers/loaders/provider_guess.hpp"

namespace handoff {

namespace {

// withCredentials([string(credentialsId: 'x', variable: 'Y')]), credentials('x'),
// usernamePassword(credentialsId: 'x', usernameVariable: 'U', passwordVariable: 'P').
const RE2& groovy_credential() {
    static const RE2 re(R"((?:credentialsId\s*:\s*|credentials\s*\(\s*)['"]([^'"$]+)['"])");
    return re;
}
const RE2& groovy_variable() {
    static const RE2 re(R"((?:[a-zA-Z]*[vV]ariable)\s*:\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"])");
    return re;
}
// environment { TOKEN = credentials('x') }
const RE2& groovy_env_credential() {
    static const RE2 re(R"(([A-Za-z_][A-Za-z0-9_]*)\s*=\s*credentials\s*\()");
    return re;
}

class JenkinsLoader {
public:
    JenkinsLoader(Document& doc, const Node& job) : doc_(doc), job_(job), name_(jenkins_job_name(doc.path())) {}

    void load() {
        model_->name = name_;
        model_->disabled = xml_text(job_.find("disabled")) == "true";
        collect_bindings();
        // Walk from the document root so that node paths start at the job element.
        walk(*doc_.tree, [&](const Node& node, const NodePath& path) {
            std::string node_path = path.str();
            if (node.key == "authToken" && !xml_text(node).empty()) {
                add_endpoint("remote-trigger", node, node_path);
                model_->triggers.push_back({JenkinsTrigger::Kind::auth_token, node_path, node.key_span,
                                            std::string(xml_text(node)), xml_span(node), node_path, false});
            } else if (node.key == "org.jenkinsci.plugins.gwt.GenericTrigger") {
                add_endpoint("generic-webhook", node, node_path);
                add_generic_trigger(node, node_path);
            } else if (node.key == "credentialsId" && !xml_text(node).empty()) {
                add_credential(xml_text(node), node, node_path);
            } else if ((node.key == "hudson.tasks.Shell" || node.key == "hudson.tasks.BatchFile") && node.is_map()) {
                if (const Node* command = node.find("command"); command != nullptr) {
                    add_exec(*command, child_path(node_path, "command"), exec_kind::jenkins_shell,
                             node.key == "hudson.tasks.Shell" ? "sh" : "cmd");
                }
            } else if (node.key == "script") {
                if (node_path.find("definition") != std::string::npos) {
                    add_exec(node, node_path, exec_kind::jenkins_pipeline, "groovy");
                    read_groovy(node, node_path);
                }
            }
            return true;
        });
        doc_.model = std::move(model_);
    }

private:
    Document& doc_;
    const Node& job_;
    std::string name_;
    std::vector<std::string> bound_;  // variables that receive credentials
    std::unique_ptr<JenkinsJob> model_ = std::make_unique<JenkinsJob>();

    void add_generic_trigger(const Node& node, const std::string& path) {
        JenkinsTrigger t{JenkinsTrigger::Kind::generic_webhook, path, node.key_span, {}, {}, {}, false};
        const Node* token = node.is_map() ? node.find("token") : nullptr;
        if (token != nullptr && !xml_text(token).empty()) {
            t.token = std::string(xml_text(token));
            t.token_span = xml_span(*token);
            t.token_path = child_path(path, "token");
        }
        const Node* credential = node.is_map() ? node.find("tokenCredentialId") : nullptr;
        t.token_credential = credential != nullptr && !xml_text(credential).empty();
        model_->triggers.push_back(std::move(t));
    }

    // Freestyle credential bindings: every *Variable element next to a credentialsId.
    void collect_bindings() {
        std::set<std::string> seen;
        walk(job_, [&](const Node& node, const NodePath&) {
            if (!node.is_map() || node.find("credentialsId") == nullptr) return true;
            for (const Node& child : node.children) {
                bool variable = child.key == "variable" || (child.key.size() > 8 && child.key.find("Variable") != std::string::npos);
                std::string value(xml_text(child));
                if (variable && !value.empty() && seen.insert(value).second) bound_.push_back(value);
            }
            return true;
        });
    }

    void add_endpoint(const char* kind, const Node& node, const std::string& path) {
        Endpoint ep;
        ep.direction = Endpoint::Direction::inbound;
        ep.kind = kind;
        ep.owner = name_;
        bool has_token = !xml_text(node).empty() || (node.is_map() && (!xml_text(node.find("token")).empty() ||
                                                                       !xml_text(node.find("tokenCredentialId")).empty()));
        ep.auth = has_token ? "token" : "none";
        ep.active = job_.find("disabled") == nullptr || xml_text(job_.find("disabled")) != "true";
        ep.site = {node.key_span, path};
        doc_.facts.endpoints.push_back(std::move(ep));
    }

    void add_credential(std::string_view id, const Node& node, const std::string& path) {
        doc_.facts.secret_refs.push_back({std::string(id), std::string(store::jenkins_credential), name_, guess_provider(id), {node.span, path}});
    }

    void add_exec(const Node& node, const std::string& path, std::string_view kind, const char* shell) {
        Exec exec;
        exec.holder = name_;
        exec.command = std::string(xml_text(node));
        exec.site = {xml_span(node), path};
        exec.kind = std::string(kind);
        exec.shell = shell;
        exec.secret_vars = bound_;
        if (exec.command.empty()) return;
        doc_.facts.execs.push_back(std::move(exec));
    }

    void read_groovy(const Node& node, const std::string& path) {
        std::string_view script = xml_text(node);
        Span whole = xml_span(node);
        re2::StringPiece input(script.data(), script.size());
        std::string id;
        std::uint32_t from = whole.begin;
        while (RE2::FindAndConsume(&input, groovy_credential(), &id)) {
            Span span = span_of_text(doc_.bytes(), whole, id, from);
            if (span != whole) from = span.end;
            add_credential(id, node, path);
            doc_.facts.secret_refs.back().site.span = span;
        }
        // Pipeline variables bound to credentials join the script's secret variables.
        std::vector<std::string> vars;
        for (const RE2* re : {&groovy_variable(), &groovy_env_credential()}) {
            re2::StringPiece rest(script.data(), script.size());
            std::string var;
            while (RE2::FindAndConsume(&rest, *re, &var)) vars.push_back(var);
        }
        if (!doc_.facts.execs.empty()) {
            auto& secret_vars = doc_.facts.execs.back().secret_vars;
            for (std::string& v : vars) {
                if (std::find(secret_vars.begin(), secret_vars.end(), v) == secret_vars.end()) secret_vars.push_back(std::move(v));
            }
        }
    }
};

} // namespace

void load_jenkins_job(Document& doc) {
    if (!doc.tree) return;
    const Node* job = jenkins_job_element(*doc.tree);
    if (job == nullptr) return;
    JenkinsLoader(doc, *job).load();
}

} // namespace handoff
