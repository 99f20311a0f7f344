#pragma once
// A URL as facts may carry it: without user:password@ and without the query
// string (where keys travel), bounded in length.
#include <string>
#include <string_view>

namespace handoff {

std::string safe_url_text(std::string_view url);

} // namespace handoff
