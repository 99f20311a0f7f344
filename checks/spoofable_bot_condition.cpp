// spoofable-bot-condition: an if: that lets a job or step run because github.actor (or
// triggering_actor, sender) is a bot such as dependabot[bot], on a trigger where the
// actor is whoever caused the latest event rather than the pull request's author: an
// outsider can make Dependabot the actor of a run on their own pull request.
#include <array>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "spoofable-bot-condition",
    "Bot check on github.actor can be spoofed",
    Family::unsafe_permission,
    Severity::high,
    Confidence::high,
    "github.actor is whoever caused the event that started the run (a push to the PR branch, a re-run), not "
    "the pull request's author. An outsider can get Dependabot to update a branch of their fork and so make "
    "dependabot[bot] the actor of a pull_request_target or workflow_run run on their own pull request, "
    "passing a guard meant for Dependabot's PRs (auto-approve, auto-merge, secrets).",
    "Check who opened the pull request, not who triggered the run: "
    "github.event.pull_request.user.login == 'dependabot[bot]' (on workflow_run, the triggering run's "
    "pull request), and that the head repository is this one "
    "(github.event.pull_request.head.repo.full_name == github.repository). github.actor_id has the same "
    "problem as github.actor.",
};

// Contexts naming the actor of the run: the account that caused the latest event.
constexpr std::array<std::string_view, 10> kActorContexts{
    "github.actor", "github.triggering_actor", "github.event.sender.login", "github.actor_id",
    "github.triggering_actor_id", "github.event.sender.id",
    // On workflow_run, the actor of the run that triggered this one.
    "github.event.workflow_run.actor.login", "github.event.workflow_run.triggering_actor.login",
    "github.event.workflow_run.actor.id", "github.event.workflow_run.triggering_actor.id",
};
// User and installation ids of well-known bots (dependabot, dependabot-preview, renovate,
// github-actions), compared with github.actor_id.
constexpr std::array<std::string_view, 5> kBotIds{"49699333", "29110", "27856297", "29139614", "41898282"};

// A minimal parse of a GitHub Actions expression: enough structure to tell where a bot
// check sits (alone, under ||, under && with another check, negated).
struct Expr {
    enum class Kind : unsigned char { or_, and_, not_, eq, ne, cmp, call, context, literal, other };
    Kind kind = Kind::other;
    std::string text;  // context path or function name (lower-cased), or the literal's value
    std::vector<std::unique_ptr<Expr>> args;
};

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    std::unique_ptr<Expr> parse() {
        auto e = parse_or(0);
        return e;
    }

private:
    static constexpr int kMaxDepth = 64;
    static constexpr std::size_t kMaxNodes = 512;
    std::string_view s_;
    std::size_t pos_ = 0;
    std::size_t nodes_ = 0;

    void skip() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
    }
    bool eat(std::string_view tok) {
        skip();
        if (s_.substr(pos_, tok.size()) != tok) return false;
        pos_ += tok.size();
        return true;
    }
    std::unique_ptr<Expr> make(Expr::Kind kind, std::string text = {}) {
        // A condition of thousands of operators is not a guard anyone writes: stop reading,
        // so that the tree (and the recursion over it) stays small.
        if (++nodes_ > kMaxNodes) pos_ = s_.size();
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->text = std::move(text);
        return e;
    }
    std::unique_ptr<Expr> binary(Expr::Kind kind, std::unique_ptr<Expr> l, std::unique_ptr<Expr> r) {
        auto e = make(kind);
        e->args.push_back(std::move(l));
        e->args.push_back(std::move(r));
        return e;
    }

    std::unique_ptr<Expr> parse_or(int depth) {
        auto left = parse_and(depth);
        while (eat("||")) left = binary(Expr::Kind::or_, std::move(left), parse_and(depth));
        return left;
    }
    std::unique_ptr<Expr> parse_and(int depth) {
        auto left = parse_cmp(depth);
        while (eat("&&")) left = binary(Expr::Kind::and_, std::move(left), parse_cmp(depth));
        return left;
    }
    std::unique_ptr<Expr> parse_cmp(int depth) {
        auto left = parse_unary(depth);
        for (;;) {
            if (eat("==")) left = binary(Expr::Kind::eq, std::move(left), parse_unary(depth));
            else if (eat("!=")) left = binary(Expr::Kind::ne, std::move(left), parse_unary(depth));
            else if (eat("<=") || eat(">=") || eat("<") || eat(">")) left = binary(Expr::Kind::cmp, std::move(left), parse_unary(depth));
            else return left;
        }
    }
    std::unique_ptr<Expr> parse_unary(int depth) {
        if (depth > kMaxDepth) {
            pos_ = s_.size();
            return make(Expr::Kind::other);
        }
        if (eat("!")) {
            auto e = make(Expr::Kind::not_);
            e->args.push_back(parse_unary(depth + 1));
            return e;
        }
        return parse_primary(depth + 1);
    }
    std::unique_ptr<Expr> parse_primary(int depth) {
        skip();
        if (pos_ >= s_.size()) return make(Expr::Kind::other);
        char c = s_[pos_];
        if (c == '(') {
            ++pos_;
            auto e = parse_or(depth);
            eat(")");
            return postfix(std::move(e), depth);
        }
        if (c == '\'') {
            std::string value;
            ++pos_;
            while (pos_ < s_.size()) {
                if (s_[pos_] == '\'') {
                    if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '\'') { value += '\''; pos_ += 2; continue; }
                    ++pos_;
                    break;
                }
                value += s_[pos_++];
            }
            return make(Expr::Kind::literal, std::move(value));
        }
        std::size_t start = pos_;
        while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) != 0 || s_[pos_] == '_' ||
                                    s_[pos_] == '-' || s_[pos_] == '.' || s_[pos_] == '*')) {
            ++pos_;
        }
        if (pos_ == start) {
            ++pos_;  // an unknown character: skip it
            return make(Expr::Kind::other);
        }
        std::string word = lower(s_.substr(start, pos_ - start));
        if (eat("(")) {
            auto call = make(Expr::Kind::call, std::move(word));
            skip();
            if (!eat(")")) {
                do call->args.push_back(parse_or(depth + 1));
                while (eat(","));
                eat(")");
            }
            return postfix(std::move(call), depth);
        }
        bool number = std::isdigit(static_cast<unsigned char>(word.front())) != 0;
        if (number || word == "true" || word == "false" || word == "null") return make(Expr::Kind::literal, std::move(word));
        return postfix(make(Expr::Kind::context, std::move(word)), depth);
    }
    // Index and member access after a value: x['a'].b, fromJSON(y).z
    std::unique_ptr<Expr> postfix(std::unique_ptr<Expr> e, int depth) {
        for (;;) {
            if (eat("[")) {
                auto index = parse_or(depth + 1);
                eat("]");
                if (e->kind == Expr::Kind::context && index->kind == Expr::Kind::literal) e->text += "." + lower(index->text);
                else e->kind = Expr::Kind::other;
                continue;
            }
            skip();
            if (pos_ < s_.size() && s_[pos_] == '.') {
                std::size_t start = ++pos_;
                while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) != 0 || s_[pos_] == '_' ||
                                            s_[pos_] == '-' || s_[pos_] == '*' || s_[pos_] == '.')) {
                    ++pos_;
                }
                if (e->kind == Expr::Kind::context) e->text += "." + lower(s_.substr(start, pos_ - start));
                else e->kind = Expr::Kind::other;
                continue;
            }
            return e;
        }
    }
};

bool is_actor(const Expr& e) {
    if (e.kind != Expr::Kind::context) return false;
    for (std::string_view c : kActorContexts) {
        if (e.text == c) return true;
    }
    return false;
}

bool names_bot(std::string_view value) {
    std::string v = lower(value);
    if (v.ends_with("[bot]") || v.starts_with("dependabot") || v.starts_with("renovate")) return true;
    for (std::string_view id : kBotIds) {
        if (v == id) return true;
    }
    return false;
}

// A literal, or a list of them (fromJSON('["a[bot]", "b"]')), that names a bot.
bool bot_literal(const Expr& e) {
    if (e.kind == Expr::Kind::literal) return names_bot(e.text) || contains(lower(e.text), "[bot]");
    if (e.kind == Expr::Kind::call && e.text == "fromjson" && e.args.size() == 1 && e.args[0]->kind == Expr::Kind::literal) {
        return contains(lower(e.args[0]->text), "[bot]");
    }
    return false;
}

// github.event.sender.type: 'Bot' for any GitHub App, an outsider's own included.
bool is_actor_type(const Expr& e) {
    return e.kind == Expr::Kind::context && (e.text == "github.event.sender.type" || e.text == "github.event.workflow_run.actor.type" ||
                                             e.text == "github.event.workflow_run.triggering_actor.type");
}

// A check that the run belongs to a bot, by the actor's name, id or account type.
bool bot_check(const Expr& e) {
    if (e.kind == Expr::Kind::eq && e.args.size() == 2) {
        const Expr& l = *e.args[0];
        const Expr& r = *e.args[1];
        return (is_actor(l) && r.kind == Expr::Kind::literal && names_bot(r.text)) ||
               (is_actor(r) && l.kind == Expr::Kind::literal && names_bot(l.text)) ||
               (is_actor_type(l) && r.kind == Expr::Kind::literal && iequals(r.text, "bot")) ||
               (is_actor_type(r) && l.kind == Expr::Kind::literal && iequals(l.text, "bot"));
    }
    if (e.kind == Expr::Kind::call && e.args.size() == 2) {
        const Expr& a = *e.args[0];
        const Expr& b = *e.args[1];
        if (e.text == "contains") {
            // contains(github.actor, '[bot]'), contains(fromJSON('["dependabot[bot]"]'), github.actor)
            return (is_actor(a) && b.kind == Expr::Kind::literal && (contains(lower(b.text), "bot") || names_bot(b.text))) ||
                   (is_actor(b) && bot_literal(a));
        }
        if (e.text == "startswith" || e.text == "endswith") {
            return is_actor(a) && b.kind == Expr::Kind::literal && (names_bot(b.text) || contains(lower(b.text), "bot"));
        }
    }
    return false;
}

// A check an outsider cannot pass by choosing the actor: who opened the pull request,
// or that its head is a branch of this repository.
bool trusted_check(const Expr& e) {
    if (e.kind == Expr::Kind::context) {
        const std::string& t = e.text;
        return t.ends_with("pull_request.user.login") || t.ends_with("pull_request.user.id") ||
               t.ends_with("head.repo.full_name") || t.ends_with("head.repo.fork") ||
               t.ends_with("head_repository.full_name") || t.ends_with("head_repository.fork") ||
               t.ends_with("author_association") || t.ends_with("pull_requests.*.head.repo.full_name");
    }
    for (const auto& a : e.args) {
        if (a && trusted_check(*a)) return true;
    }
    return false;
}

// The condition only holds when a check the outsider cannot pass holds: a job guarded so
// runs none of its steps for them, whatever the steps test.
bool requires_trusted(const Expr& e) {
    switch (e.kind) {
    case Expr::Kind::and_: return requires_trusted(*e.args[0]) || requires_trusted(*e.args[1]);
    case Expr::Kind::or_: return requires_trusted(*e.args[0]) && requires_trusted(*e.args[1]);
    case Expr::Kind::eq: return trusted_check(e);
    default: return false;
    }
}

struct Walk {
    bool found = false;
    bool dominating = false;  // the bot check alone lets the run through
    bool mitigated = false;   // && with a check the outsider cannot pass
};

Walk walk(const Expr& e, bool negated) {
    switch (e.kind) {
    case Expr::Kind::or_: {
        Walk l = walk(*e.args[0], negated);
        Walk r = walk(*e.args[1], negated);
        Walk out;
        out.found = l.found || r.found;
        out.dominating = (l.found && l.dominating) || (r.found && r.dominating);
        out.mitigated = !out.found && (l.mitigated || r.mitigated);
        return out;
    }
    case Expr::Kind::and_: {
        Walk l = walk(*e.args[0], negated);
        Walk r = walk(*e.args[1], negated);
        Walk out;
        out.found = l.found || r.found;
        if (out.found && ((l.found && trusted_check(*e.args[1])) || (r.found && trusted_check(*e.args[0])))) {
            return Walk{false, false, true};
        }
        return out;
    }
    case Expr::Kind::not_: return walk(*e.args[0], !negated);
    case Expr::Kind::ne:
        // github.actor != 'dependabot[bot]' keeps bots out: spoofing it only skips the job.
        return {};
    default:
        if (!negated && bot_check(e)) return Walk{true, true, false};
        return {};
    }
}

// Triggers on which an outsider can make a bot the actor of a run of their own pull request.
struct Exposure {
    std::string event;
    Severity severity = Severity::high;
};

std::optional<Exposure> exposure(const GhWorkflow& wf) {
    for (const char* e : {"pull_request_target", "workflow_run"}) {
        if (wf.has_trigger(e)) return Exposure{e, Severity::high};
    }
    if (wf.has_trigger("pull_request")) return Exposure{"pull_request", Severity::low};
    return std::nullopt;
}

class SpoofableBotCondition final : public SingleRuleCheck {
public:
    SpoofableBotCondition() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        std::optional<Exposure> exp = exposure(wf);
        if (!exp) return;
        for (const GhJob& job : wf.jobs) {
            if (job.condition != nullptr) {
                check_condition(doc, sink, *exp, *job.condition, child_path(job.path, "if"), "job " + job.id);
                if (job.condition->is_scalar() && requires_trusted(*Parser(unwrap(job.condition->value)).parse())) continue;
            }
            for (const GhStep& step : job.steps) {
                if (step.condition == nullptr) continue;
                std::string who = step.name.empty() ? "a step of job " + job.id : "step \"" + step.name + "\"";
                check_condition(doc, sink, *exp, *step.condition, child_path(step.path, "if"), who);
            }
        }
    }

private:
    // ${{ ... }} around the whole condition, or bare.
    static std::string_view unwrap(std::string_view value) {
        std::string_view text = trim(value);
        if (text.starts_with("${{") && text.ends_with("}}") && text.find("${{", 3) == std::string_view::npos) {
            text = trim(text.substr(3, text.size() - 5));
        }
        return text;
    }

    static void check_condition(const Document& doc, FindingSink& sink, const Exposure& exp, const Node& condition,
                                const std::string& path, const std::string& who) {
        if (!condition.is_scalar()) return;
        std::string_view text = unwrap(condition.value);
        if (!icontains(text, "actor") && !icontains(text, "sender")) return;
        Parser parser(text);
        std::unique_ptr<Expr> expr = parser.parse();
        Walk w = walk(*expr, false);
        if (!w.found) return;
        Hit hit;
        hit.span = condition.span;
        hit.node_path = path;
        bool by_type = icontains(text, "sender.type") || icontains(text, "actor.type");
        hit.message = by_type ? "the if: of " + who + " lets any GitHub App's run through on " + exp.event +
                                    " (sender.type == 'Bot'), and an outsider can act through an app of their own on their pull request"
                              : "the if: of " + who + " trusts the actor's name or id to be a bot on " + exp.event +
                                    ", where an outsider can make Dependabot the actor of a run on their own pull request";
        hit.severity = exp.severity;
        hit.confidence = w.dominating ? Confidence::high : Confidence::medium;
        if (exp.severity == Severity::low) {
            hit.message += " (on pull_request a fork's run gets a read-only token and no secrets)";
        } else if (!w.dominating) {
            hit.message += " (together with other conditions)";
        }
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_spoofable_bot_condition() { return std::make_unique<SpoofableBotCondition>(); }

} // namespace handoff
