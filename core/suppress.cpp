#include "core/suppress.hpp"

#include <algorithm>
#include <cctype>

namespace handoff {

namespace {

constexpr std::string_view kMarker = "handoff:";

// rest: what follows "handoff:" on its line.
bool marker_covers(std::string_view rest, std::string_view rule) {
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

InlineIgnores::InlineIgnores(const SourceFile& file) {
    std::string_view bytes = file.bytes;
    for (std::size_t at = bytes.find(kMarker); at != std::string_view::npos; at = bytes.find(kMarker, at + 1)) {
        Position p = file.lines.position(static_cast<std::uint32_t>(at));
        if (!markers_.empty() && markers_.back().line == p.line) continue;  // the first marker of a line counts
        std::string_view line = file.lines.line_text(p.line);
        std::size_t in_line = at - file.lines.line_start(p.line);
        markers_.push_back({p.line, line.substr(std::min(line.size(), in_line + kMarker.size()))});
    }
}

bool InlineIgnores::covers_on(std::uint32_t line, std::string_view rule) const {
    auto it = std::lower_bound(markers_.begin(), markers_.end(), line,
                               [](const Marker& m, std::uint32_t l) { return m.line < l; });
    return it != markers_.end() && it->line == line && marker_covers(it->rest, rule);
}

bool InlineIgnores::covers(const Finding& finding) const {
    std::uint32_t line = finding.location.line;
    if (line == 0 || markers_.empty()) return false;
    return covers_on(line, finding.rule) || (line > 1 && covers_on(line - 1, finding.rule));
}

} // namespace handoff
