#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "openapi-no-security", "OpenAPI spec (GPT Action, agent tool) declares no security scheme",
    Family::open_webhook, Severity::medium, Confidence::medium,
    "An OpenAPI document given to a model as its tools (GPT Actions, agent frameworks) that declares no "
    "securitySchemes describes an API that takes calls from anyone who finds its URL, and every operation the "
    "model may call is one an outsider may call too. An operation with security: [] opts out of the document's "
    "scheme.",
    "Declare components.securitySchemes (apiKey, bearer or OAuth) and a top-level security requirement, and make "
    "the server enforce it. Keep the key itself out of the spec: GPT Actions take it in the builder."};

class OpenapiNoSecurity final : public SingleRuleCheck {
public:
    OpenapiNoSecurity() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        const AgentModel* model = agent_model(doc);
        if (model == nullptr || model->kind != AgentFileKind::tool_list) return;
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.direction != Endpoint::Direction::outbound || e.auth != "none") continue;
            bool operation = e.kind == endpoint_kind::openapi_operation;
            if (e.kind != endpoint_kind::openapi_server && !operation) continue;
            std::string host = url_host(e.url);
            if (!e.url.empty() && (is_loopback_host(host) || is_placeholder_host(host))) continue;
            std::string message =
                operation ? "operation " + e.owner + " sets security: [] and takes calls without credentials"
                          : "API \"" + e.owner + "\" at " + host + " declares no security scheme: its operations take "
                            "calls from anyone";
            sink.report(doc, kRule, agent_hit(doc, e.site, std::move(message), e.url));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_openapi_no_security() { return std::make_unique<OpenapiNoSecurity>(); }
} // namespace handoff
