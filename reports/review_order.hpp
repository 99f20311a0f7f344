#pragma once
// The order and grouping of the reports a person reads (text, Markdown, HTML): worst first
// (severity, then confidence, then path), findings of one rule under one title and one fix,
// and the suppressed findings with their reasons. JSON and SARIF keep the stable path order.
#include <string>
#include <vector>

#include "core/scan_result.hpp"
#include "reports/report_view.hpp"

namespace handoff {

// Severity (most severe first), then confidence (surest first), then finding_order.
bool worst_first(const Finding& a, const Finding& b);

// The findings at or above min, worst first.
std::vector<const Finding*> findings_worst_first(const ScanResult& result, Severity min = Severity::info);
// How many findings fall below min (hidden from a display that shows min and above).
std::size_t findings_below(const ScanResult& result, Severity min);

// The findings of one rule: one title, one fix, one line per location.
struct RuleGroup {
    RuleText rule;
    std::string fix;                       // the fix most of its findings share
    std::vector<const Finding*> findings;  // worst first
    [[nodiscard]] Severity worst() const { return findings.front()->severity; }
};
// The findings at or above min grouped by rule; groups ordered by their worst finding.
std::vector<RuleGroup> rule_groups(const ScanResult& result, Severity min = Severity::info);
// A finding's own fix when it differs from its group's; empty when the group's fix says it.
std::string own_fix(const ScanResult& result, const RuleGroup& group, const Finding& finding);

// Every rule that fired, with its count and worst severity: worst first, then most findings.
struct RuleCount {
    std::string id;
    std::string title;
    Severity worst = Severity::info;
    std::size_t count = 0;
};
std::vector<RuleCount> counts_per_rule(const ScanResult& result);

// Where a suppression's reason is written, in plain words: "inline ignore at a.yml:4",
// "config ignore at .handoff.yml:7", "baseline base.json, findings[3]".
std::string suppression_source(const Suppression& suppression);
// The reason as written, or "no reason given".
std::string suppression_reason(const Suppression& suppression);

// The project's name for a report title: the option when set, else the last folder of the root.
std::string project_name(const ScanResult& result, std::string_view given);

} // namespace handoff
