#pragma once
// The model of a CI job log (a GitHub Actions log as downloaded, a GitLab raw job log, any
// other *.log), built once by its loader: the steps (GitHub's ##[group], GitLab's sections)
// as byte ranges, and when each line was logged, so that a finding names its step and
// time and says how to delete the log. Plain data: it never points into the bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace handoff {

enum class CiLogKind : std::uint8_t { github_actions, gitlab, generic };

struct LogStep {
    Span span;          // from its marker to the next step change
    std::string name;   // "Run ./deploy.sh"; GitLab: the section's name
    std::string job;    // the job, when the log holds several (`gh run view --log`)
    std::int64_t started = -1;  // GitLab: the section_start time (epoch seconds); -1 when unknown
};

// Where the logged time changes: the line starting at begin and the lines after it, up to
// the next change, were logged at seconds (a log holds one entry per second, not per line).
struct LogTime {
    std::uint32_t begin = 0;
    std::int64_t seconds = 0;
};

struct CiLog final : Model {
    CiLogKind kind = CiLogKind::generic;
    std::vector<LogStep> steps;  // sorted by span.begin, spans disjoint
    std::vector<LogTime> times;  // sorted by begin

    [[nodiscard]] bool borrows_tree() const override { return false; }
    [[nodiscard]] std::optional<Place> place_at(std::uint32_t offset) const override;

    [[nodiscard]] const LogStep* step_at(std::uint32_t offset) const;
    // Epoch seconds of the line holding offset, when a line at or above it had a timestamp.
    [[nodiscard]] std::optional<std::int64_t> logged_at(std::uint32_t offset) const;
};

} // namespace handoff
