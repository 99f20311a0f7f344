// unredacted-secret: a value derived from a secret with fromJSON() (`fromJSON(secrets.CREDS).password`)
// is not the secret's text, so the runner's log masking does not hide it.
#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "unredacted-secret",
    "Field of a JSON secret escapes log masking",
    Family::embedded_token,
    Severity::medium,
    Confidence::high,
    "GitHub masks a secret's exact text in logs. A field taken out of a JSON secret with "
    "fromJSON(secrets.X).field is a different string: it is printed in clear wherever it is echoed, "
    "traced or shown in an error.",
    "Store each field as its own secret (secrets.DB_PASSWORD), or mask the field before use: "
    "echo \"::add-mask::$VALUE\" in the first step that reads it.",
};

// The secret whose fields the expression reads: `fromjson(secrets.creds).user`,
// `fromJSON(secrets['CREDS'])['user']`; empty when it reads none.
std::string json_secret_field(std::string_view body) {
    std::string b = lower(body);
    for (std::size_t at = b.find("fromjson("); at != std::string::npos; at = b.find("fromjson(", at + 1)) {
        std::size_t arg = at + 9;
        while (arg < b.size() && b[arg] == ' ') ++arg;
        if (b.compare(arg, 7, "secrets") != 0) continue;
        int depth = 1;
        std::size_t close = at + 9;
        for (; close < b.size() && depth > 0; ++close) {
            if (b[close] == '(') ++depth;
            if (b[close] == ')') --depth;
        }
        if (depth != 0) continue;
        // `close` is just past the matching parenthesis: a member or index must follow.
        if (close < b.size() && (b[close] == '.' || b[close] == '[')) {
            return std::string(trim(body.substr(arg, close - 1 - arg)));
        }
    }
    return {};
}

class UnredactedSecret final : public SingleRuleCheck {
public:
    UnredactedSecret() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc)) return;
        for (const GhExpressions& exprs : github_view(doc).expressions) {
            // A condition only tests the value; nothing is printed.
            if (exprs.bare || exprs.node->key == "if") continue;
            for (const GhExpression& e : exprs.list) {
                std::string secret = json_secret_field(e.body);
                if (secret.empty()) continue;
                Hit hit;
                hit.span = e.span;
                hit.node_path = exprs.node_path;
                hit.message = "a field of " + secret + " is read with fromJSON(): the log masks the whole secret, not this field";
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_unredacted_secret() { return std::make_unique<UnredactedSecret>(); }

} // namespace handoff
