#pragma once
// Suppressions: why a finding is left out of the results, and where that reason is written.
// Three sources: inline ignores (a comment `handoff: ignore[rule-a,rule-b] reason`, or a bare
// `handoff: ignore`, on the finding's line or the line above; any comment syntax works, since
// the marker is searched in the raw line), the project config's `ignore:` entries, and a
// baseline of accepted fingerprints. Reports list suppressed findings with their reason.
#include "core/finding.hpp"
#include "core/source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

enum class SuppressionKind : std::uint8_t { inline_ignore, config, baseline };
// "inline", "config", "baseline"
std::string_view to_string(SuppressionKind kind);

struct Suppression {
    SuppressionKind kind = SuppressionKind::inline_ignore;
    std::string justification;  // the reason as written; empty when none was given
    Location written_at;        // the comment's line, the config entry, or the baseline file (entry in node_path)
};

struct SuppressedFinding {
    Finding finding;
    Suppression suppression;
};

// The inline ignore markers of one file, found in one pass over its bytes, so that
// judging each finding costs a lookup rather than a search of its line.
class InlineIgnores {
public:
    explicit InlineIgnores(const SourceFile& file);
    // The finding's line or the line above carries a marker naming its rule (or none).
    [[nodiscard]] bool covers(const Finding& finding) const { return match(finding).has_value(); }
    // The suppression that marker makes, with its reason and where it is written.
    [[nodiscard]] std::optional<Suppression> match(const Finding& finding) const;

private:
    struct Marker {
        std::uint32_t line;
        std::uint32_t column;
        std::string_view rest;  // the line after its first "handoff:"
    };
    [[nodiscard]] const Marker* covering(std::uint32_t line, std::string_view rule) const;
    std::string path_;
    std::vector<Marker> markers_;  // by line
};

// The reason written after an inline marker's rule list: "ignore[a,b] test data -->" gives
// "test data". Exposed for tests.
std::string inline_reason(std::string_view rest);

} // namespace handoff
