#include "reports/review_order.hpp"

#include <algorithm>
#include <map>

#include "core/path_name.hpp"
#include "core/text.hpp"

namespace handoff {

bool worst_first(const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return finding_order(a, b);
}

std::vector<const Finding*> findings_worst_first(const ScanResult& result, Severity min) {
    std::vector<const Finding*> out;
    for (const Finding& f : result.findings) {
        if (f.severity >= min) out.push_back(&f);
    }
    std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) { return worst_first(*a, *b); });
    return out;
}

std::size_t findings_below(const ScanResult& result, Severity min) {
    return static_cast<std::size_t>(std::count_if(result.findings.begin(), result.findings.end(),
                                                  [&](const Finding& f) { return f.severity < min; }));
}

namespace {
std::string fix_of(const RuleText& rule, const Finding& f) { return f.remediation.empty() ? rule.remediation : f.remediation; }
} // namespace

std::vector<RuleGroup> rule_groups(const ScanResult& result, Severity min) {
    std::vector<RuleGroup> groups;
    std::map<std::string_view, std::size_t> index;
    // Worst first, so each group's findings are too, and groups appear in their worst finding's order.
    for (const Finding* f : findings_worst_first(result, min)) {
        auto [at, added] = index.emplace(f->rule, groups.size());
        if (added) groups.push_back({rule_text(result, *f), {}, {}});
        groups[at->second].findings.push_back(f);
    }
    for (RuleGroup& group : groups) {
        std::map<std::string, std::size_t> votes;
        for (const Finding* f : group.findings) {
            if (std::string fix = fix_of(group.rule, *f); !fix.empty()) ++votes[fix];
        }
        std::size_t best = 0;
        for (const auto& [fix, n] : votes) {
            if (n > best) {
                best = n;
                group.fix = fix;
            }
        }
    }
    return groups;
}

std::string own_fix(const ScanResult& /*result*/, const RuleGroup& group, const Finding& finding) {
    std::string fix = fix_of(group.rule, finding);
    return fix == group.fix ? std::string() : fix;  // empty too when the finding has none of its own
}

std::vector<RuleCount> counts_per_rule(const ScanResult& result) {
    std::map<std::string, RuleCount> by_id;
    for (const Finding& f : result.findings) {
        auto [at, added] = by_id.try_emplace(f.rule);
        RuleCount& c = at->second;
        if (added) {
            c.id = f.rule;
            c.title = rule_text(result, f).title;
            c.worst = f.severity;
        }
        c.worst = std::max(c.worst, f.severity);
        ++c.count;
    }
    std::vector<RuleCount> out;
    for (auto& entry : by_id) out.push_back(std::move(entry.second));
    std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) {
        if (a.worst != b.worst) return a.worst > b.worst;
        return a.count > b.count;
    });
    return out;
}

std::string suppression_source(const Suppression& s) {
    switch (s.kind) {
    case SuppressionKind::inline_ignore: return "inline ignore at " + location_text(s.written_at);
    case SuppressionKind::config: return "config ignore at " + location_text(s.written_at);
    case SuppressionKind::baseline: {
        std::string out = "baseline " + s.written_at.path;
        if (!s.written_at.node_path.empty()) out += ", " + s.written_at.node_path;
        return out;
    }
    }
    return {};
}

std::string suppression_reason(const Suppression& s) {
    return s.justification.empty() ? std::string("no reason given") : s.justification;
}

std::string project_name(const ScanResult& result, std::string_view given) {
    if (!given.empty()) return std::string(given);
    std::string_view root = trim(result.root, "/");
    std::string_view name = base_name(root);
    if (name.empty() || name == "." || name == "..") return "this project";
    return std::string(name);
}

} // namespace handoff
