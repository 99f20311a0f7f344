#include "core/suppress.hpp"

#include <cctype>

namespace handoff {

namespace {

bool marker_covers(std::string_view line, std::string_view rule) {
    constexpr std::string_view kMarker = "handoff:";
    std::size_t at = line.find(kMarker);
    if (at == std::string_view::npos) return false;
    std::string_view rest = line.substr(at + kMarker.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.rfind("ignore", 0) != 0) return false;
    rest.remove_prefix(6);
    if (rest.empty() || rest.front() != '[') return true;  // bare ignore: every rule
    std::size_t close = rest.find(']');
    std::string_view list = rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1);
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
        if (item == rule) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

} // namespace

bool ignored_inline(const SourceFile& file, const Finding& finding) {
    std::uint32_t line = finding.location.line;
    if (line == 0) return false;
    if (marker_covers(file.lines.line_text(line), finding.rule)) return true;
    return line > 1 && marker_covers(file.lines.line_text(line - 1), finding.rule);
}

} // namespace handoff
