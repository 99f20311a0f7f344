#include "core/context.hpp"

#include <algorithm>
#include <cctype>

#include "core/secret_names.hpp"

namespace handoff {

namespace {

constexpr std::uint32_t kRadius = 2;
constexpr std::uint32_t kMaxLines = 7;
constexpr std::size_t kMaxWidth = 160;
constexpr std::string_view kMask = "\u2022\u2022\u2022\u2022";

// Byte offset of a 1-based code-point column within a line.
std::size_t byte_at(std::string_view line, std::uint32_t column) {
    std::uint32_t seen = 1;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) continue;
        if (seen == column) return i;
        ++seen;
    }
    return line.size();
}

struct Cut {
    std::size_t begin;
    std::size_t end;
};

// The part of a secret finding's span that lies on this line.
std::optional<Cut> cut_on_line(const Location& l, std::uint32_t line, std::string_view text) {
    if (line < l.line || line > std::max(l.end_line, l.line)) return std::nullopt;
    std::size_t begin = line == l.line ? byte_at(text, l.column) : 0;
    std::size_t end = line == l.end_line ? byte_at(text, l.end_column) : text.size();
    if (end <= begin) return std::nullopt;
    return Cut{begin, end};
}

// KEY=value, key: value, "key": "value": the value, when the name is secret-like.
std::optional<Cut> named_value_cut(std::string_view text) {
    std::size_t sep = text.find_first_of("=:");
    if (sep == std::string_view::npos || sep == 0) return std::nullopt;
    std::string_view key = text.substr(0, sep);
    while (!key.empty() && (std::isspace(static_cast<unsigned char>(key.back())) || key.back() == '"' || key.back() == '\'')) {
        key.remove_suffix(1);
    }
    std::size_t start = key.find_last_of(" \t\"'{,[");
    if (start != std::string_view::npos) key.remove_prefix(start + 1);
    if (!is_secret_name(key)) return std::nullopt;
    std::string_view value = text.substr(sep + 1);
    auto quote_or_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\''; };
    while (!value.empty() && quote_or_space(value.front())) value.remove_prefix(1);
    while (!value.empty() && (quote_or_space(value.back()) || value.back() == ',')) value.remove_suffix(1);
    if (is_placeholder_value(value)) return std::nullopt;
    std::size_t at = static_cast<std::size_t>(value.data() - text.data());
    return Cut{at, at + value.size()};
}

std::string shown_line(const SourceFile& file, const std::vector<const Location*>& secrets, std::uint32_t line) {
    std::string_view raw = file.lines.line_text(line);
    std::vector<Cut> cuts;
    for (const Location* s : secrets) {
        if (auto cut = cut_on_line(*s, line, raw)) cuts.push_back(*cut);
    }
    if (auto cut = named_value_cut(raw)) cuts.push_back(*cut);
    // Apply from the end so earlier offsets stay valid; overlapping cuts merge.
    std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.begin > b.begin; });
    std::string text(raw);
    std::size_t limit = text.size();
    for (const Cut& c : cuts) {
        std::size_t end = std::min(c.end, limit);
        if (end <= c.begin) continue;
        text.replace(c.begin, end - c.begin, kMask);
        limit = c.begin;
    }
    if (text.size() > kMaxWidth) {
        std::size_t cut = kMaxWidth;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
        text.resize(cut);
        text += "\u2026";
    }
    return text;
}

} // namespace

void attach_context(const SourceFile& file, std::vector<Finding>& findings, std::span<const Location> other_secrets) {
    std::vector<const Location*> secrets;
    for (const Finding& f : findings) {
        if (f.family == Family::embedded_token && f.location.line > 0) secrets.push_back(&f.location);
    }
    for (const Location& l : other_secrets) {
        if (l.line > 0) secrets.push_back(&l);
    }
    std::vector<std::vector<ContextLine>> contexts(findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Location& l = findings[i].location;
        if (l.line == 0) continue;
        std::uint32_t first = l.line > kRadius ? l.line - kRadius : 1;
        std::uint32_t last = std::min(std::max(l.end_line, l.line) + kRadius, file.lines.line_count());
        last = std::min(last, first + kMaxLines - 1);
        for (std::uint32_t line = first; line <= last; ++line) {
            contexts[i].push_back({line, shown_line(file, secrets, line)});
        }
    }
    for (std::size_t i = 0; i < findings.size(); ++i) findings[i].context = std::move(contexts[i]);
}

} // namespace handoff
