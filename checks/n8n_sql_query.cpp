// SQL nodes running custom queries: n8n audit's three "database" rules, plus data flow.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "n8n-sql-query", "n8n SQL node builds its query without parameters", Family::unsafe_permission,
    Severity::medium, Confidence::medium,
    "An Execute Query whose text is an expression splices data into SQL; when that data comes from a "
    "trigger or an AI model, outsiders can rewrite the query (SQL injection).",
    "Keep the query text fixed and pass values through Query Parameters ($1, $2 ... in Postgres, "
    "options.queryReplacement in version 2 nodes)."};

class N8nSqlQuery final : public SingleRuleCheck {
public:
    N8nSqlQuery() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                const N8nTypeInfo& info = n.info;
                if (info.role != N8nRole::sql || n.param({"operation"}) != "executeQuery") continue;
                Severity severity = Severity::info;
                std::vector<std::string> reasons;
                auto raise = [&](Severity s, std::string why) {
                    if (s > severity) severity = s;
                    reasons.push_back(std::move(why));
                };
                std::string_view query = n.param({"query"});
                if (is_n8n_expression(query)) {
                    auto inputs = untrusted_under(doc, n, n.member_path({"parameters", "query"}));
                    if (!inputs.empty()) {
                        raise(Severity::high, "the query text is built from " + describe_untrusted(*inputs.front()));
                    } else {
                        raise(Severity::medium, "the query text is an expression");
                    }
                }
                if (info.audit_sql_params) {
                    const Node* fields = n.param_node({"additionalFields"});
                    const Node* params = fields != nullptr ? fields->find("queryParams") : nullptr;
                    bool replacement = n.param_node({"options", "queryReplacement"}) != nullptr;
                    if (params == nullptr && replacement) {
                        raise(Severity::info,
                              "it passes values through options.queryReplacement (n8n audit reports it as unused "
                              "Query Parameters because it reads only the version 1 field)");
                    } else if (params == nullptr && !is_n8n_expression(query)) {
                        // What n8n audit reports; fixed text leaves nothing to inject.
                        raise(Severity::info, "it has no Query Parameters (the query is fixed text, so none are needed)");
                    } else if (params == nullptr) {
                        raise(Severity::low, "it has no Query Parameters");
                    } else if (params->is_scalar() && is_n8n_expression(params->value)) {
                        raise(Severity::info, "its Query Parameters field is an expression");
                    }
                }
                if (reasons.empty()) continue;
                std::string msg = "SQL node " + quoted(n.name) + " (" + std::string(n.short_type()) + ") runs a custom query: ";
                for (std::size_t i = 0; i < reasons.size(); ++i) msg += (i ? "; " : "") + reasons[i];
                Hit hit = n8n_hit(n, {"parameters", "query"}, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_sql_query() { return std::make_unique<N8nSqlQuery>(); }
} // namespace handoff
