#include "model/timestamp.hpp"

#include <cmath>

namespace handoff {

namespace {

constexpr std::int64_t kMaxSeconds = 253402300799;  // 9999-12-31T23:59:59Z

// Howard Hinnant's civil-from-days and days-from-civil (proleptic Gregorian calendar).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void two(std::string& out, unsigned v) {
    out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
}

bool digits(std::string_view text, std::size_t at, std::size_t n, unsigned& value) {
    if (at + n > text.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

} // namespace

std::string iso_utc(std::int64_t epoch_seconds) {
    if (epoch_seconds < 0 || epoch_seconds > kMaxSeconds) return {};
    std::int64_t days = epoch_seconds / 86400;
    auto secs = static_cast<unsigned>(epoch_seconds % 86400);
    days += 719468;
    const std::int64_t era = days / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    std::string out = std::to_string(y);
    out += '-';
    two(out, m);
    out += '-';
    two(out, d);
    out += 'T';
    two(out, secs / 3600);
    out += ':';
    two(out, secs / 60 % 60);
    out += ':';
    two(out, secs % 60);
    out += 'Z';
    return out;
}

std::string iso_from_epoch_seconds(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0 || seconds > static_cast<double>(kMaxSeconds)) return {};
    return iso_utc(static_cast<std::int64_t>(std::floor(seconds)));
}

std::string iso_from_epoch_millis(double millis) {
    if (!std::isfinite(millis)) return {};
    return iso_from_epoch_seconds(std::floor(millis / 1000.0));
}

std::optional<std::int64_t> parse_iso(std::string_view text) {
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || (text[10] != 'T' && text[10] != ' ') ||
        !digits(text, 11, 2, hour) || text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
        !digits(text, 17, 2, second)) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    std::size_t at = 19;
    if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
        ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    }
    std::int64_t offset = 0;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        unsigned oh = 0, om = 0;
        bool colon = at + 3 < text.size() && text[at + 3] == ':';
        if (!digits(text, at + 1, 2, oh) || !digits(text, at + (colon ? 4 : 3), 2, om)) return std::nullopt;
        offset = (static_cast<std::int64_t>(oh) * 60 + om) * 60 * (text[at] == '+' ? 1 : -1);
    }
    // 'Z', or no zone at all: read as UTC, which is what every format here writes.
    std::int64_t seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    if (seconds < 0 || seconds > kMaxSeconds) return std::nullopt;
    return seconds;
}

std::string normalize_iso(std::string_view text) {
    std::optional<std::int64_t> seconds = parse_iso(text);
    return seconds ? iso_utc(*seconds) : std::string();
}

} // namespace handoff
