#include "core/suppress.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace handoff {

namespace {

constexpr std::string_view kMarker = "handoff:";

// What follows "ignore" and its optional "[rules]", or nullopt when rest is no ignore marker.
std::optional<std::string_view> after_ignore(std::string_view rest, std::string_view& list) {
    rest = trim(rest);
    if (rest.rfind("ignore", 0) != 0) return std::nullopt;
    rest.remove_prefix(6);
    list = {};
    if (rest.empty() || rest.front() != '[') return rest;
    std::size_t close = rest.find(']');
    list = rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1);
    return close == std::string_view::npos ? std::string_view{} : rest.substr(close + 1);
}

// rest: what follows "handoff:" on its line.
bool marker_covers(std::string_view rest, std::string_view rule) {
    std::string_view list;
    if (!after_ignore(rest, list)) return false;
    if (list.data() == nullptr) return true;  // bare ignore: every rule
    while (!list.empty()) {
        std::size_t comma = list.find(',');
        if (trim(list.substr(0, comma)) == rule) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

} // namespace

std::string_view to_string(SuppressionKind kind) {
    switch (kind) {
    case SuppressionKind::inline_ignore: return "inline";
    case SuppressionKind::config: return "config";
    case SuppressionKind::baseline: return "baseline";
    }
    return "inline";
}

std::string inline_reason(std::string_view rest) {
    std::string_view list;
    std::optional<std::string_view> reason = after_ignore(rest, list);
    if (!reason) return {};
    std::string_view text = trim(*reason);
    // Comment closers and the quotes of a JSON or YAML string are not part of the reason.
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view closer : {std::string_view("-->"), std::string_view("*/")}) {
            if (text.size() >= closer.size() && text.substr(text.size() - closer.size()) == closer) {
                text.remove_suffix(closer.size());
                cut = true;
            }
        }
        std::string_view trimmed = trim(text, " \t\r\"',;:-");
        cut = cut || trimmed.size() != text.size();
        text = trimmed;
    }
    return std::string(text);
}

InlineIgnores::InlineIgnores(const SourceFile& file) : path_(file.path) {
    std::string_view bytes = file.bytes;
    for (std::size_t at = bytes.find(kMarker); at != std::string_view::npos; at = bytes.find(kMarker, at + 1)) {
        Position p = file.lines.position(static_cast<std::uint32_t>(at));
        if (!markers_.empty() && markers_.back().line == p.line) continue;  // the first marker of a line counts
        std::string_view line = file.lines.line_text(p.line);
        std::size_t in_line = at - file.lines.line_start(p.line);
        markers_.push_back({p.line, p.column, line.substr(std::min(line.size(), in_line + kMarker.size()))});
    }
}

const InlineIgnores::Marker* InlineIgnores::covering(std::uint32_t line, std::string_view rule) const {
    auto it = std::lower_bound(markers_.begin(), markers_.end(), line,
                               [](const Marker& m, std::uint32_t l) { return m.line < l; });
    return it != markers_.end() && it->line == line && marker_covers(it->rest, rule) ? &*it : nullptr;
}

std::optional<Suppression> InlineIgnores::match(const Finding& finding) const {
    std::uint32_t line = finding.location.line;
    if (line == 0 || markers_.empty()) return std::nullopt;
    const Marker* marker = covering(line, finding.rule);
    if (marker == nullptr && line > 1) marker = covering(line - 1, finding.rule);
    if (marker == nullptr) return std::nullopt;
    Suppression s;
    s.kind = SuppressionKind::inline_ignore;
    s.justification = inline_reason(marker->rest);
    s.written_at.path = path_;
    s.written_at.line = marker->line;
    s.written_at.column = marker->column;
    return s;
}

} // namespace handoff
