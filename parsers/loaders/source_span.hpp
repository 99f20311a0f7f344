#pragma once
// Locating text inside a scalar's source bytes: a loader or check that found something
// in a scalar's decoded value points at the exact bytes where it is written.
#include <cstdint>
#include <string_view>

#include "core/location.hpp"

namespace handoff {

// The span of needle inside the source of a scalar written at `scalar`, searching from
// the absolute offset `from` on. When the source does not hold the text verbatim (escapes,
// folding) the scalar's whole span is returned.
Span span_of_text(std::string_view bytes, Span scalar, std::string_view needle, std::uint32_t from = 0);

} // namespace handoff
