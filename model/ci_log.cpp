#include "model/ci_log.hpp"

#include <algorithm>

#include "model/timestamp.hpp"

namespace handoff {

namespace {

std::string_view advice(CiLogKind kind) {
    switch (kind) {
    case CiLogKind::github_actions:
        return "The run's logs stay downloadable for the repository's retention period (90 days by default): delete "
               "them (`gh run delete <run-id>`, or \"Delete all logs\" on the run's page).";
    case CiLogKind::gitlab:
        return "The job log stays readable as long as the job is kept: erase the job (\"Erase job log and artifacts\" "
               "on the job's page, or POST /projects/:id/jobs/:job_id/erase).";
    case CiLogKind::generic:
        return "A log keeps the value wherever it was shipped or archived: delete or redact this log and its copies.";
    }
    return {};
}

} // namespace

const LogStep* CiLog::step_at(std::uint32_t offset) const {
    auto it = std::upper_bound(steps.begin(), steps.end(), offset,
                               [](std::uint32_t at, const LogStep& s) { return at < s.span.begin; });
    if (it == steps.begin()) return nullptr;
    --it;
    return offset < it->span.end ? &*it : nullptr;
}

std::optional<std::int64_t> CiLog::logged_at(std::uint32_t offset) const {
    auto it = std::upper_bound(times.begin(), times.end(), offset,
                               [](std::uint32_t at, const LogTime& t) { return at < t.begin; });
    if (it == times.begin()) return std::nullopt;
    return std::prev(it)->seconds;
}

std::optional<Place> CiLog::place_at(std::uint32_t offset) const {
    std::string label;
    const LogStep* step = step_at(offset);
    if (step != nullptr && !step->job.empty()) label = "job \"" + step->job + "\", ";
    if (step != nullptr) label += (kind == CiLogKind::gitlab ? "section \"" : "step \"") + step->name + "\"";
    std::optional<std::int64_t> logged = logged_at(offset);
    if (logged) {
        label += (label.empty() ? "logged " : ", logged ") + iso_utc(*logged);
    } else if (step != nullptr && step->started >= 0) {
        label += ", started " + iso_utc(step->started);
    }
    return Place{std::move(label), std::string(advice(kind))};
}

} // namespace handoff
