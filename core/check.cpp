#include "core/check.hpp"

#include "core/sha256.hpp"

namespace handoff {

std::string fingerprint(std::string_view rule, std::string_view identity) {
    std::string material = "handoff/v1";
    material += '\0';
    material += rule;
    material += '\0';
    material += identity;
    return sha256_hex(material).substr(0, 32);
}

void FindingSink::report(const Document& doc, const RuleInfo& rule, Hit hit) {
    Finding f;
    f.rule = std::string(rule.id);
    f.family = rule.family;
    f.severity = hit.severity.value_or(rule.severity);
    f.confidence = hit.confidence.value_or(rule.confidence);
    f.message = std::move(hit.message);
    f.remediation = hit.remediation.empty() ? std::string(rule.remediation) : std::move(hit.remediation);
    f.location = doc.locate(hit.span, std::move(hit.node_path));
    f.evidence = std::move(hit.evidence);
    if (doc.model) {
        if (std::optional<Place> place = doc.model->place_at(hit.span.begin)) {
            f.location.set_place(std::move(place->label));
            if (!place->advice.empty()) {
                // A key in a conversation or a log is a copy that cannot be replaced by a
                // reference: the rule's "move it to a secret store" does not apply there.
                if (rule.family == Family::embedded_token) {
                    f.remediation = "Rotate the key at its provider: a copy in a transcript or log cannot be taken back. " +
                                    place->advice;
                } else {
                    f.remediation += (f.remediation.empty() ? "" : " ") + place->advice;
                }
            }
        }
    }
    std::string identity = std::move(hit.identity);
    if (identity.empty()) {
        identity = f.location.path + '\0' + f.location.node_path + '\0' + f.message;
    }
    f.fingerprint = fingerprint(rule.id, identity);
    report(std::move(f));
}

void FindingSink::report(Finding finding) {
    std::lock_guard lock(mutex_);
    findings_.push_back(std::move(finding));
}

std::vector<Finding> FindingSink::take() {
    std::lock_guard lock(mutex_);
    return std::move(findings_);
}

} // namespace handoff
