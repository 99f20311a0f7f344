#include "core/location.hpp"

#include <algorithm>
#include <cstring>

namespace handoff {

const std::vector<std::uint32_t>& LineIndex::starts() const {
    std::call_once(built_, [this] {
        starts_.push_back(0);
        const char* begin = text_.data();
        const char* end = begin + text_.size();
        for (const char* p = begin; p < end;) {
            const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            if (nl == nullptr) break;
            starts_.push_back(static_cast<std::uint32_t>(nl + 1 - begin));
            p = nl + 1;
        }
    });
    return starts_;
}

Position LineIndex::position(std::uint32_t offset) const {
    const std::vector<std::uint32_t>& starts = this->starts();
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    auto line = static_cast<std::uint32_t>(it - starts.begin());
    std::lock_guard lock(last_mutex_);
    bool resume = last_.line == line && last_offset_ <= offset && last_offset_ >= starts[line - 1];
    std::uint32_t column = resume ? last_.column : 1;
    for (std::uint32_t i = resume ? last_offset_ : starts[line - 1]; i < offset; ++i) {
        // Count code points: every byte that is not a UTF-8 continuation byte.
        if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++column;
    }
    last_offset_ = offset;
    last_ = {line, column};
    return last_;
}

std::uint32_t LineIndex::line_start(std::uint32_t line) const {
    const std::vector<std::uint32_t>& starts = this->starts();
    if (line == 0) return 0;
    if (line > starts.size()) return static_cast<std::uint32_t>(text_.size());
    return starts[line - 1];
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
    const std::vector<std::uint32_t>& starts = this->starts();
    if (line == 0 || line > starts.size()) return {};
    std::uint32_t begin = starts[line - 1];
    std::uint32_t end = line < starts.size() ? starts[line] : static_cast<std::uint32_t>(text_.size());
    std::string_view s = text_.substr(begin, end - begin);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

namespace {
const std::string kNone;
} // namespace

const std::string& Location::place() const { return provenance ? provenance->place : kNone; }
const std::string& Location::commit() const { return provenance ? provenance->commit : kNone; }
const std::string& Location::commit_date() const { return provenance ? provenance->commit_date : kNone; }

void Location::set_place(std::string text) {
    Provenance next = provenance ? *provenance : Provenance{};
    next.place = std::move(text);
    provenance = std::make_shared<const Provenance>(std::move(next));
}

void Location::set_commit(std::string sha, std::string date) {
    Provenance next = provenance ? *provenance : Provenance{};
    next.commit = std::move(sha);
    next.commit_date = std::move(date);
    provenance = std::make_shared<const Provenance>(std::move(next));
}

} // namespace handoff
