#include "core/location.hpp"

#include <algorithm>

namespace handoff {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') starts_.push_back(i + 1);
    }
}

Position LineIndex::position(std::uint32_t offset) const {
    if (starts_.empty()) return {};
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - starts_.begin());
    std::uint32_t column = 1;
    for (std::uint32_t i = starts_[line - 1]; i < offset; ++i) {
        // Count code points: every byte that is not a UTF-8 continuation byte.
        if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++column;
    }
    return {line, column};
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
    if (starts_.empty() || line == 0) return 0;
    if (line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
    return starts_[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
    if (line == 0 || line > starts_.size()) return {};
    std::uint32_t begin = starts_[line - 1];
    std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
    std::string_view s = text_.substr(begin, end - begin);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

} // namespace handoff
