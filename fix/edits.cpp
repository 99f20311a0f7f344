#include "fix/edits.hpp"

namespace handoff {

std::uint32_t offset_of(const SourceFile& file, std::uint32_t line, std::uint32_t column) {
    std::uint32_t at = file.lines.line_start(line);
    std::string_view bytes = file.bytes;
    for (std::uint32_t c = 1; c < column && at < bytes.size(); ++c) {
        ++at;
        while (at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xC0U) == 0x80U) ++at;
    }
    return at;
}

std::uint32_t line_start_of(std::string_view bytes, std::uint32_t at) {
    std::size_t nl = bytes.rfind('\n', at == 0 ? 0 : at - 1);
    return nl == std::string_view::npos ? 0 : static_cast<std::uint32_t>(nl + 1);
}

std::uint32_t next_line(std::string_view bytes, std::uint32_t at) {
    std::size_t nl = bytes.find('\n', at);
    return nl == std::string_view::npos ? static_cast<std::uint32_t>(bytes.size()) : static_cast<std::uint32_t>(nl + 1);
}

std::string env_name(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (!out.empty() && out.front() >= '0' && out.front() <= '9') out = "KEY_" + out;
    return out;
}

} // namespace handoff
