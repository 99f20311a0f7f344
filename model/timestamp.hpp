#pragma once
// Timestamps as transcripts and logs write them (ISO-8601 with any fraction and offset,
// epoch seconds or milliseconds), shown in one form: ISO-8601 UTC to the second.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace handoff {

// "2026-01-02T03:04:05Z" for seconds since 1970-01-01T00:00:00Z.
std::string iso_utc(std::int64_t epoch_seconds);
// Epoch seconds (ChatGPT's create_time, Codex's history ts: fractions dropped) or
// milliseconds (Claude Code's history timestamp); empty when out of range (before 1970,
// after 9999).
std::string iso_from_epoch_seconds(double seconds);
std::string iso_from_epoch_millis(double millis);
// "2026-01-02T03:04:05[.fraction](Z|+hh:mm|-hh:mm)" (a space for the T is accepted) at
// the start of text: seconds since the epoch, UTC. nullopt when text does not start so.
std::optional<std::int64_t> parse_iso(std::string_view text);
// parse_iso and back: the UTC form of an ISO-8601 timestamp, or empty.
std::string normalize_iso(std::string_view text);

} // namespace handoff
