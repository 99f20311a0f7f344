#pragma once
// Inline ignores: a comment `handoff: ignore[rule-a,rule-b] reason` (or a bare
// `handoff: ignore`) on the finding's line or the line above silences it. Any comment
// syntax works, since the marker is searched in the raw line.
#include "core/finding.hpp"
#include "core/source.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace handoff {

// The inline ignore markers of one file, found in one pass over its bytes, so that
// judging each finding costs a lookup rather than a search of its line.
class InlineIgnores {
public:
    explicit InlineIgnores(const SourceFile& file);
    // The finding's line or the line above carries a marker naming its rule (or none).
    [[nodiscard]] bool covers(const Finding& finding) const;

private:
    struct Marker {
        std::uint32_t line;
        std::string_view rest;  // the line after its first "handoff:"
    };
    [[nodiscard]] bool covers_on(std::uint32_t line, std::string_view rule) const;
    std::vector<Marker> markers_;  // by line
};

} // namespace handoff
