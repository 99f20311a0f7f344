#pragma once
// The finding model every check emits and every report writer reads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.hpp"

namespace handoff {

// Ordered: a higher value is more severe.
enum class Severity : std::uint8_t { info, low, medium, high, critical };
enum class Confidence : std::uint8_t { low, medium, high };
enum class Family : std::uint8_t { embedded_token, open_webhook, unsafe_permission, missing_secret_ref };

std::string_view to_string(Severity severity);
std::string_view to_string(Confidence confidence);
std::string_view to_string(Family family);
std::optional<Severity> severity_from_string(std::string_view text);
std::optional<Confidence> confidence_from_string(std::string_view text);
std::optional<Family> family_from_string(std::string_view text);
// A human title for a family ("Embedded tokens").
std::string_view family_title(Family family);
const std::vector<Family>& all_families();

// One source line shown around a finding, with every secret on it masked.
struct ContextLine {
    std::uint32_t line = 0;
    std::string text;
};

struct Finding {
    std::string rule;          // stable kebab-case id
    Family family = Family::embedded_token;
    Severity severity = Severity::medium;
    Confidence confidence = Confidence::medium;
    std::string message;       // what is wrong, in one sentence
    std::string remediation;   // what to do
    Location location;
    std::string evidence;      // redacted: never a full secret
    std::string fingerprint;   // stable across line moves; a hash, never the secret
    std::vector<ContextLine> context{};  // a few source lines around it, secrets masked
};

// Sorts by path, line, column, rule: the order reports and fixtures use.
bool finding_order(const Finding& a, const Finding& b);

} // namespace handoff
