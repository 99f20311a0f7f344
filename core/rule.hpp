#pragma once
// What a rule is: the stable id and defaults every finding of it starts from.
#include <string_view>

#include "core/finding.hpp"

namespace handoff {

struct RuleInfo {
    std::string_view id;           // kebab-case, stable forever
    std::string_view title;        // plain-language, for reports ("OpenAI API key")
    Family family = Family::embedded_token;
    Severity severity = Severity::medium;
    Confidence confidence = Confidence::medium;
    std::string_view summary;      // why it matters, one or two sentences
    std::string_view remediation;  // what to do
    // A catch-all rule (the generic secret rule) that yields to any other rule's
    // finding on an overlapping span, so one value is not reported twice.
    bool fallback = false;
};

} // namespace handoff
