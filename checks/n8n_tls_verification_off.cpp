// Nodes told to accept any TLS certificate.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

bool tls_off_key(std::string_view key) {
    return key == "allowUnauthorizedCerts" || key == "ignoreSSLIssues" || key == "allowUnauthorizedCertificates" ||
           key == "ignoreSslIssues" || key == "rejectUnauthorized";
}

constexpr RuleInfo kRule{
    "n8n-tls-verification-off", "n8n node ignores TLS certificate errors", Family::unsafe_permission,
    Severity::low, Confidence::high,
    "With certificate checks off, anyone on the network path can read and change the traffic, including "
    "the credentials the node sends.",
    "Turn off Ignore SSL Issues (allowUnauthorizedCerts); give the node the server's CA instead."};

class N8nTlsVerificationOff final : public SingleRuleCheck {
public:
    N8nTlsVerificationOff() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                walk_parameters(n, [&](const Node& scalar, const std::string& path) {
                    if (!tls_off_key(scalar.key)) return;
                    bool off = scalar.key == "rejectUnauthorized" ? scalar.value == "false" : scalar.value == "true";
                    if (!off) return;
                    Hit hit;
                    hit.span = member_span(scalar);
                    hit.node_path = path;
                    hit.message = "Node " + quoted(n.name) + " accepts any TLS certificate (" + scalar.key + ")";
                    sink.report(doc, kRule, std::move(hit));
                });
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_tls_verification_off() { return std::make_unique<N8nTlsVerificationOff>(); }
} // namespace handoff
