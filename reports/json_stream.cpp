#include "reports/json_stream.hpp"

namespace handoff {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The accepted range of the byte after a lead byte; later continuation bytes are 80..BF.
// These are the ranges of nlohmann's (Hoehrmann's) decoder: no overlongs, no surrogates,
// nothing above U+10FFFF.
struct Lead {
    int continuation = -1;  // bytes that follow; -1: not a lead byte
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
};

Lead lead(unsigned char c) {
    if (c >= 0xC2 && c <= 0xDF) return {1};
    if (c == 0xE0) return {2, 0xA0, 0xBF};
    if (c == 0xED) return {2, 0x80, 0x9F};
    if (c >= 0xE1 && c <= 0xEF) return {2};
    if (c == 0xF0) return {3, 0x90, 0xBF};
    if (c >= 0xF1 && c <= 0xF3) return {3};
    if (c == 0xF4) return {3, 0x80, 0x8F};
    return {};
}

void append_control(std::string& out, unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    switch (c) {
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    default: break;
    }
    out += "\\u00";
    out += kHex[c >> 4U];
    out += kHex[c & 0xFU];
}

} // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        std::size_t run = i;
        while (run < n) {
            auto c = static_cast<unsigned char>(s[run]);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
            ++run;
        }
        out.append(s, i, run - i);
        i = run;
        if (i == n) break;
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c < 0x20) {
            append_control(out, c);
            ++i;
            continue;
        }
        Lead l = lead(c);
        if (l.continuation < 0) {  // a byte that cannot start a sequence: replaced alone
            out += kReplacement;
            ++i;
            continue;
        }
        // The longest valid prefix of the sequence; a bad byte is read again as a new start.
        std::size_t k = 1;
        for (; k <= static_cast<std::size_t>(l.continuation) && i + k < n; ++k) {
            auto b = static_cast<unsigned char>(s[i + k]);
            unsigned char low = k == 1 ? l.low : 0x80;
            unsigned char high = k == 1 ? l.high : 0xBF;
            if (b < low || b > high) break;
        }
        if (k == static_cast<std::size_t>(l.continuation) + 1) {
            out.append(s, i, k);
        } else {
            out += kReplacement;  // cut short by a bad byte or by the end of the string
        }
        i += k;
    }
    out += '"';
}

JsonStream& JsonStream::key(std::string_view name) {
    if (has_items_.back()) buffer_ += ',';
    has_items_.back() = true;
    newline();
    append_json_string(buffer_, name);
    buffer_ += ": ";
    after_key_ = true;
    return *this;
}

JsonStream& JsonStream::value(std::string_view s) {
    before_value();
    append_json_string(buffer_, s);
    return *this;
}

JsonStream& JsonStream::value(bool b) { return raw(b ? "true" : "false"); }

JsonStream& JsonStream::value(const std::vector<std::string>& strings) {
    begin_array();
    for (const std::string& s : strings) value(s);
    return end_array();
}

JsonStream& JsonStream::raw(std::string_view literal) {
    before_value();
    buffer_ += literal;
    return *this;
}

JsonStream& JsonStream::open(char bracket) {
    before_value();
    buffer_ += bracket;
    has_items_.push_back(false);
    return *this;
}

JsonStream& JsonStream::close(char bracket) {
    bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) newline();
    buffer_ += bracket;
    if (buffer_.size() >= (1U << 16U)) flush();
    return *this;
}

void JsonStream::before_value() {
    if (after_key_ || has_items_.empty()) {
        after_key_ = false;
        return;
    }
    if (has_items_.back()) buffer_ += ',';  // an array element
    has_items_.back() = true;
    newline();
}

void JsonStream::newline() {
    buffer_ += '\n';
    buffer_.append(2 * has_items_.size(), ' ');
}

void JsonStream::flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

} // namespace handoff
