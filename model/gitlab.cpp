#include "model/gitlab.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace handoff {

namespace {

// Keywords default: can give a job (GitLab's list).
constexpr std::array<std::string_view, 12> kDefaultable{
    "after_script", "artifacts", "before_script", "cache", "hooks", "id_tokens",
    "image", "interruptible", "retry", "services", "tags", "timeout",
};

// GitLab refuses deeper extends: chains; a loop is cut by the same bound.
constexpr int kMaxExtendsDepth = 11;

bool defaultable(std::string_view key) {
    return std::find(kDefaultable.begin(), kDefaultable.end(), key) != kDefaultable.end();
}

bool var_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool var_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// inherit: {default: false | [keys]} or {variables: false | [names]}: whether `what` is inherited.
bool inherit_allows(const Node* inherit, std::string_view section, std::string_view what) {
    if (inherit == nullptr || !inherit->is_map()) return true;
    const Node* n = inherit->find(section);
    if (n == nullptr) return true;
    if (n->is_scalar()) return !(n->type == ScalarType::boolean && iequals(n->value, "false"));
    if (n->is_seq()) {
        if (what.empty()) return !n->children.empty();
        return std::any_of(n->children.begin(), n->children.end(), [&](const Node& c) { return c.value == what; });
    }
    return true;
}

// Splits on a two-character operator outside quotes.
std::vector<std::string_view> split_on(std::string_view text, std::string_view op) {
    std::vector<std::string_view> parts;
    char quote = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        char c = text[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (text.substr(i, op.size()) == op) {
            parts.push_back(text.substr(start, i - start));
            start = i + op.size();
            ++i;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

// One comparison: $VAR, $VAR == "x", $VAR =~ /re/, $VAR != null.
struct Clause {
    std::string variable;
    std::string op;       // empty for a bare presence test
    std::string operand;  // lower-cased, quotes kept off
};

Clause read_clause(std::string_view text) {
    Clause c;
    std::string clean;
    for (char ch : text) {
        if (ch != '(' && ch != ')') clean += ch;
    }
    std::string_view t = trim(clean);
    std::size_t dollar = t.find('$');
    if (dollar == std::string_view::npos) return c;
    std::size_t i = dollar + 1;
    if (i < t.size() && t[i] == '{') ++i;
    std::size_t begin = i;
    while (i < t.size() && var_char(t[i])) ++i;
    c.variable = std::string(t.substr(begin, i - begin));
    std::string_view rest = trim(t.substr(std::min(t.size(), i + (i < t.size() && t[i] == '}' ? 1 : 0))));
    for (std::string_view op : {"==", "!=", "=~", "!~"}) {
        if (rest.substr(0, 2) == op) {
            c.op = std::string(op);
            c.operand = lower(trim(rest.substr(2), " \t\"'/"));
            break;
        }
    }
    return c;
}

GlMrMatch clause_match(const Clause& c) {
    bool positive = c.op.empty() || c.op == "==" || c.op == "=~";
    bool null_operand = c.operand == "null";
    if (c.variable == "CI_PIPELINE_SOURCE") {
        if (c.op.empty()) return GlMrMatch::any;
        bool names_mr = c.operand.find("merge_request") != std::string::npos;
        if (names_mr) return positive ? GlMrMatch::merge_request : GlMrMatch::other;
        return positive ? GlMrMatch::other : GlMrMatch::any;
    }
    // Set only in merge request pipelines.
    if (c.variable.rfind("CI_MERGE_REQUEST_", 0) == 0) {
        if (c.op == "==" && null_operand) return GlMrMatch::other;
        if ((c.op == "!=" && !null_operand) || c.op == "!~") return GlMrMatch::any;
        return GlMrMatch::merge_request;
    }
    // Set only in branch and tag pipelines.
    if (c.variable == "CI_COMMIT_BRANCH" || c.variable == "CI_COMMIT_TAG") {
        if (positive && !null_operand) return GlMrMatch::other;
        return GlMrMatch::any;
    }
    return GlMrMatch::any;
}

} // namespace

const Node* GlJob::keyword(std::string_view key) const {
    if (key == "image") return image;
    if (key == "services") return services;
    if (key == "variables") return variables;
    if (key == "secrets") return secrets;
    if (key == "id_tokens") return id_tokens;
    if (key == "rules") return rules;
    if (key == "only") return only;
    if (key == "except") return except;
    if (key == "environment") return environment;
    if (key == "inherit") return inherit;
    if (key == "trigger") return trigger;
    if (key == "artifacts") return artifacts;
    if (const GlScript* s = script_of(key); s != nullptr) return s->node;
    return node != nullptr && node->is_map() ? node->find(key) : nullptr;
}

const GlScript* GlJob::script_of(std::string_view key) const {
    if (key == "before_script") return &before_script;
    if (key == "script") return &script;
    if (key == "after_script") return &after_script;
    return nullptr;
}

const GlJob* GlPipeline::job(std::string_view name) const {
    auto it = job_index.find(std::string(name));
    return it == job_index.end() ? nullptr : &jobs[it->second];
}

const GlJob* GlPipeline::provider(const GlJob& start, std::string_view key) const {
    // Depth-first over the extends: graph, the job itself first, later parents before
    // earlier ones (GitLab merges extends: in order, the last one winning).
    struct Frame {
        const GlJob* job;
        int depth;
    };
    std::vector<Frame> stack{{&start, 0}};
    std::vector<const GlJob*> seen;
    while (!stack.empty()) {
        Frame f = stack.back();
        stack.pop_back();
        if (std::find(seen.begin(), seen.end(), f.job) != seen.end()) continue;
        seen.push_back(f.job);
        if (f.job->keyword(key) != nullptr) return f.job;
        if (f.depth >= kMaxExtendsDepth) continue;
        // Pushed in order so the last extends: entry is popped first.
        for (const std::string& parent : f.job->extends) {
            if (const GlJob* p = job(parent); p != nullptr) stack.push_back({p, f.depth + 1});
        }
    }
    return nullptr;
}

const Node* GlPipeline::effective(const GlJob& job, std::string_view key) const {
    if (const GlJob* p = provider(job, key); p != nullptr) return p->keyword(key);
    if (defaultable(key) && &job != &defaults && inherit_allows(effective_inherit(job), "default", key)) {
        return defaults.keyword(key);
    }
    return nullptr;
}

const Node* GlPipeline::effective_inherit(const GlJob& job) const {
    const GlJob* p = provider(job, "inherit");
    return p != nullptr ? p->inherit : nullptr;
}

std::vector<const GlScript*> GlPipeline::effective_scripts(const GlJob& job) const {
    std::vector<const GlScript*> out;
    for (std::string_view key : {"before_script", "script", "after_script"}) {
        const GlScript* s = nullptr;
        if (const GlJob* p = provider(job, key); p != nullptr) {
            s = p->script_of(key);
        } else if (key != "script" && &job != &defaults && inherit_allows(effective_inherit(job), "default", key)) {
            s = defaults.script_of(key);
        }
        if (s == nullptr || s->node == nullptr) continue;
        out.push_back(s);
        for (const GlReference& ref : s->references) {
            const GlJob* from = ref.job == "default" ? &defaults : this->job(ref.job);
            const GlScript* other = from != nullptr ? from->script_of(ref.key) : nullptr;
            if (other != nullptr && other->node != nullptr) out.push_back(other);
        }
    }
    return out;
}

std::vector<GlLine> GlPipeline::effective_lines(const GlJob& job) const {
    std::vector<GlLine> out;
    for (const GlScript* s : effective_scripts(job)) out.insert(out.end(), s->lines.begin(), s->lines.end());
    return out;
}

bool GlPipeline::inherits_global_variables(const GlJob& job) const {
    return inherit_allows(effective_inherit(job), "variables", "");
}

std::vector<GlVarUse> gitlab_variable_uses(std::string_view text) {
    std::vector<GlVarUse> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '$' && i + 1 < text.size()) {
            std::size_t j = i + 1;
            bool brace = text[j] == '{';
            if (brace) ++j;
            if (text.substr(j, 4) == "env:") j += 4;
            if (j >= text.size() || !var_start(text[j])) continue;
            std::size_t k = j;
            while (k < text.size() && var_char(text[k])) ++k;
            std::size_t end = brace && k < text.size() && text[k] == '}' ? k + 1 : k;
            out.push_back({std::string(text.substr(j, k - j)), i, end - i});
            i = end - 1;
        } else if (c == '%' && i + 1 < text.size() && var_start(text[i + 1])) {
            std::size_t k = i + 1;
            while (k < text.size() && var_char(text[k])) ++k;
            if (k < text.size() && text[k] == '%') {
                out.push_back({std::string(text.substr(i + 1, k - i - 1)), i, k + 1 - i});
                i = k;
            }
        }
    }
    return out;
}

bool gitlab_predefined_variable(std::string_view name) {
    return name.rfind("CI_", 0) == 0 || name.rfind("GITLAB_", 0) == 0 || name.rfind("RUNNER_", 0) == 0 ||
           name.rfind("FF_", 0) == 0 || name == "HOME" || name == "PATH" || name == "PWD" || name == "USER";
}

bool gitlab_untrusted_variable(std::string_view name) {
    static constexpr std::array<std::string_view, 14> kUntrusted{
        "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION", "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE",
        "CI_COMMIT_DESCRIPTION", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
        "CI_COMMIT_TAG", "CI_COMMIT_TAG_MESSAGE", "CI_COMMIT_AUTHOR", "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "CI_MERGE_REQUEST_LABELS",
    };
    return std::find(kUntrusted.begin(), kUntrusted.end(), name) != kUntrusted.end();
}

bool gitlab_reference_tag(std::string_view bytes, const Node& seq) {
    constexpr std::string_view kTag = "!reference";
    std::size_t at = seq.span.begin;
    if (!seq.is_seq() || at >= bytes.size()) return false;
    if (bytes.substr(at, kTag.size()) == kTag) return true;
    // The parser's mark may point past the tag, at the '['.
    std::size_t lookback = at < 64 ? at : 64;
    std::string_view before = trim(bytes.substr(at - lookback, lookback));
    return before.size() >= kTag.size() && before.substr(before.size() - kTag.size()) == kTag;
}

const Node* gitlab_variable_value(const Node& entry) { return entry.is_map() ? entry.find("value") : &entry; }

GlMrMatch merge_request_match(std::string_view condition) {
    bool any = false;
    for (std::string_view alternative : split_on(condition, "||")) {
        bool mr = false;
        bool other = false;
        for (std::string_view clause : split_on(alternative, "&&")) {
            GlMrMatch m = clause_match(read_clause(clause));
            mr = mr || m == GlMrMatch::merge_request;
            other = other || m == GlMrMatch::other;
        }
        if (other) continue;
        if (mr) return GlMrMatch::merge_request;
        any = true;
    }
    return any ? GlMrMatch::any : GlMrMatch::other;
}

std::vector<GlRule> gitlab_rules(const Node* rules) {
    std::vector<GlRule> out;
    if (rules == nullptr || !rules->is_seq()) return out;
    for (const Node& item : rules->children) {
        if (!item.is_map()) continue;
        GlRule rule;
        rule.node = &item;
        if (const Node* c = item.find("if"); c != nullptr && c->is_scalar()) rule.condition = c;
        rule.when = std::string(item.text("when"));
        out.push_back(std::move(rule));
    }
    return out;
}

namespace {

bool names_merge_requests(const Node* only) {
    if (only == nullptr) return false;
    const Node* refs = only->is_map() ? only->find("refs") : only;
    if (refs == nullptr) return false;
    if (refs->is_scalar()) return refs->value == "merge_requests";
    return std::any_of(refs->children.begin(), refs->children.end(),
                       [](const Node& r) { return r.is_scalar() && r.value == "merge_requests"; });
}

} // namespace

bool workflow_creates_merge_request_pipelines(const GlPipeline& p) {
    for (const GlRule& rule : p.workflow_rules) {
        if (rule.condition == nullptr) continue;
        if (merge_request_match(rule.condition->value) == GlMrMatch::merge_request) return !rule.never();
    }
    for (const GlInclude& inc : p.includes) {
        if (inc.kind == GlIncludeKind::template_file && inc.target != nullptr &&
            contains(inc.target->value, "MergeRequest-Pipelines")) {
            return true;
        }
    }
    return false;
}

GlMrRun runs_in_merge_requests(const GlPipeline& pipeline, const GlJob& job) {
    bool workflow = pipeline.workflow_merge_requests;
    if (const Node* rules = pipeline.effective(job, "rules"); rules != nullptr) {
        for (const GlRule& rule : gitlab_rules(rules)) {
            GlMrMatch m = rule.condition != nullptr ? merge_request_match(rule.condition->value) : GlMrMatch::any;
            if (m == GlMrMatch::other) continue;
            if (m == GlMrMatch::merge_request) return rule.never() ? GlMrRun::no : GlMrRun::explicit_rule;
            // The first rule that may match a merge request pipeline decides.
            return !rule.never() && workflow ? GlMrRun::by_workflow : GlMrRun::no;
        }
        return GlMrRun::no;
    }
    if (const Node* only = pipeline.effective(job, "only"); only != nullptr) {
        return names_merge_requests(only) ? GlMrRun::explicit_rule : GlMrRun::no;
    }
    // except: alone keeps only:'s default (branches and tags), which a merge request pipeline is not.
    if (pipeline.effective(job, "except") != nullptr) return GlMrRun::no;
    return workflow ? GlMrRun::by_workflow : GlMrRun::no;
}

GlImageRef parse_image(std::string_view image) {
    GlImageRef ref;
    std::string_view rest = trim(image);
    if (std::size_t at = rest.find('@'); at != std::string_view::npos) {
        ref.digest = std::string(rest.substr(at + 1));
        rest = rest.substr(0, at);
    }
    std::size_t slash = rest.rfind('/');
    std::size_t colon = rest.rfind(':');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
        ref.tag = std::string(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
    }
    ref.name = std::string(rest);
    return ref;
}

} // namespace handoff
