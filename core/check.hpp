#pragma once
// The seam every check plugs into.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/finding.hpp"
#include "core/rule.hpp"

namespace handoff {

// What a check knows about one finding; the sink turns it into a Finding.
struct Hit {
    Span span;                     // where in the document's bytes
    std::string node_path;         // the tree path, when the hit is on a node
    std::string message;           // what is wrong here, specifically
    std::string remediation;       // empty: the rule's default remediation
    std::string evidence;          // already redacted; never a full secret
    // What keeps this finding the same finding when lines move: the secret value for
    // token rules (so one key in five files is one secret), otherwise empty and the
    // sink uses the file path, node path and message. Only ever hashed.
    std::string identity;
    std::optional<Severity> severity;
    std::optional<Confidence> confidence;
};

// A hit placed where a fact was read; the caller fills in the message and the rest.
inline Hit hit_at(const Site& site) {
    Hit hit;
    hit.span = site.span;
    hit.node_path = site.node_path;
    return hit;
}

class FindingSink {
public:
    void report(const Document& doc, const RuleInfo& rule, Hit hit);
    // A finding that concerns the project rather than one file (rare).
    void report(Finding finding);
    [[nodiscard]] std::vector<Finding> take();

private:
    std::mutex mutex_;
    std::vector<Finding> findings_;
};

// The fingerprint handoff gives a finding: stable, hashed, never the secret.
std::string fingerprint(std::string_view rule, std::string_view identity);

class Check {
public:
    Check() = default;
    Check(const Check&) = delete;
    Check& operator=(const Check&) = delete;
    Check(Check&&) = delete;
    Check& operator=(Check&&) = delete;
    virtual ~Check() = default;

    // The rules this check can report; most checks have exactly one.
    [[nodiscard]] virtual const std::vector<RuleInfo>& rules() const = 0;
    // Called once per document, possibly from several threads at once.
    virtual void check_file(const Document& /*doc*/, FindingSink& /*sink*/) const {}
    // Called once per scan after every file was loaded, for checks that look across files.
    virtual void check_project(const Project& /*project*/, FindingSink& /*sink*/) const {}
    // Called once per scan with every other check's findings (inline-ignored ones already
    // removed), for rules about findings taken together: one key written in several files.
    virtual void check_findings(const std::vector<Finding>& /*findings*/, FindingSink& /*sink*/) const {}
};

// The common case: a check that reports exactly one rule.
class SingleRuleCheck : public Check {
public:
    explicit SingleRuleCheck(const RuleInfo& rule) : rules_{rule} {}
    [[nodiscard]] const std::vector<RuleInfo>& rules() const final { return rules_; }

private:
    std::vector<RuleInfo> rules_;
};

} // namespace handoff
