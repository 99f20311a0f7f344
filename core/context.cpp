#include "core/context.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "core/secret_names.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

constexpr std::uint32_t kRadius = 2;
constexpr std::uint32_t kMaxLines = 7;
constexpr std::size_t kMaxWidth = 160;
constexpr std::uint32_t kLineEnd = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMinTokenWord = 20;
constexpr std::string_view kMask = "\u2022\u2022\u2022\u2022";

// A masked byte range within one line.
struct Cut {
    std::size_t begin;
    std::size_t end;
};

// A secret's part of one line in code-point columns (1-based; kLineEnd: to the end).
struct ColumnCut {
    std::uint32_t begin;
    std::uint32_t end;
};

// What is masked on one shown line.
struct LineCuts {
    std::vector<ColumnCut> columns;
    std::vector<Cut> bytes;
};

// Byte offsets of the columns of a line's cuts, in one pass over the line.
void columns_to_bytes(std::string_view line, const std::vector<ColumnCut>& columns, std::vector<Cut>& out) {
    if (columns.empty()) return;
    std::vector<std::uint32_t> wanted;
    for (const ColumnCut& c : columns) {
        wanted.push_back(c.begin);
        wanted.push_back(c.end);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<std::size_t> at(wanted.size(), line.size());
    std::size_t next = 0;
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < line.size() && next < wanted.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0U) == 0x80U) continue;
        while (next < wanted.size() && wanted[next] <= column) {
            if (wanted[next] == column) at[next] = i;
            ++next;
        }
        ++column;
    }
    auto byte_of = [&](std::uint32_t col) {
        return at[static_cast<std::size_t>(std::lower_bound(wanted.begin(), wanted.end(), col) - wanted.begin())];
    };
    for (const ColumnCut& c : columns) out.push_back({byte_of(c.begin), c.end == kLineEnd ? line.size() : byte_of(c.end)});
}

// KEY=value, key: value, "key": "value": the value, when the name is secret-like. A
// quoted value ends at its closing quote; an unquoted one at ; , ) } ] a quote or a " #" comment.
std::optional<Cut> named_value_cut(std::string_view text) {
    std::size_t sep = text.find_first_of("=:");
    if (sep == std::string_view::npos || sep == 0) return std::nullopt;
    std::string_view key = text.substr(0, sep);
    while (!key.empty() && (std::isspace(static_cast<unsigned char>(key.back())) || key.back() == '"' || key.back() == '\'')) {
        key.remove_suffix(1);
    }
    std::size_t start = key.find_last_of(" \t\"'{,[(");
    if (start != std::string_view::npos) key.remove_prefix(start + 1);
    if (!is_secret_name(key)) return std::nullopt;
    std::string_view value = trim(text.substr(sep + 1), " \t");
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        char quote = value.front();
        value.remove_prefix(1);
        value = value.substr(0, value.find(quote));
    } else {
        std::size_t end = std::min(value.find_first_of(";,)}]\"'"), value.find(" #"));
        value = trim(value.substr(0, end), " \t");
    }
    if (value.empty() || is_placeholder_value(value)) return std::nullopt;
    std::size_t at = static_cast<std::size_t>(value.data() - text.data());
    return Cut{at, at + value.size()};
}

bool token_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+';
}

// A word reads as random rather than as a name: its runs (split where lower case meets
// upper case, letters meet digits, and at - _ +) average under three characters.
// "googleSheetsOAuth2Api" and "Loudspeakers-brochure-2024" are names; a key body is not.
bool random_looking(std::string_view word) {
    std::size_t runs = 0;
    std::size_t chars = 0;
    char previous = 0;
    for (char c : word) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) == 0) {
            previous = 0;
            continue;
        }
        ++chars;
        auto p = static_cast<unsigned char>(previous);
        bool split = previous == 0 || (std::islower(p) != 0 && std::isupper(u) != 0) ||
                     ((std::isdigit(p) != 0) != (std::isdigit(u) != 0));
        if (split) ++runs;
        previous = c;
    }
    return runs > 0 && chars < 3 * runs;
}

// Words that look like a credential although no rule reported them (a token whose
// checksum fails, a key of an unknown provider): 20 or more token characters mixing
// upper case, lower case and digits, in runs too short for words. Hex digests, UUIDs
// (one case), identifiers and URL paths ('/' ends a word) stay readable.
void token_shaped_words(std::string_view line, std::vector<Cut>& out) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (!token_char(line[i])) {
            ++i;
            continue;
        }
        std::size_t begin = i;
        bool upper = false;
        bool lower_case = false;
        bool digit = false;
        for (; i < line.size() && token_char(line[i]); ++i) {
            auto c = static_cast<unsigned char>(line[i]);
            upper = upper || std::isupper(c) != 0;
            lower_case = lower_case || std::islower(c) != 0;
            digit = digit || std::isdigit(c) != 0;
        }
        if (i - begin >= kMinTokenWord && upper && lower_case && digit && random_looking(line.substr(begin, i - begin))) {
            out.push_back({begin, i});
        }
    }
}

// The line with every cut masked, cut to kMaxWidth bytes before anything past that is copied.
std::string render(std::string_view raw, std::vector<Cut>& cuts) {
    std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.begin < b.begin; });
    std::string text;
    auto copy = [&](std::size_t from, std::size_t to) {
        std::size_t room = text.size() > kMaxWidth ? 0 : kMaxWidth + 1 - text.size();
        text.append(raw.substr(from, std::min(to - from, room)));
    };
    std::size_t at = 0;
    for (const Cut& c : cuts) {
        if (text.size() > kMaxWidth) break;
        std::size_t end = std::min(c.end, raw.size());
        if (end <= at || end <= c.begin) continue;
        std::size_t begin = std::max(c.begin, at);
        copy(at, begin);
        if (begin > at || text.size() < kMask.size() || text.compare(text.size() - kMask.size(), kMask.size(), kMask) != 0) {
            text += kMask;  // cuts that touch or overlap show one mask
        }
        at = end;
    }
    if (at < raw.size()) copy(at, raw.size());
    if (text.size() > kMaxWidth) {
        std::size_t cut = kMaxWidth;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
        text.resize(cut);
        text += "\u2026";
    }
    return text;
}

// 1-based line holding a byte offset, by binary search on the line starts.
std::uint32_t line_of(const LineIndex& lines, std::uint32_t offset) {
    std::uint32_t lo = 1;
    std::uint32_t hi = lines.line_count();
    while (lo < hi) {
        std::uint32_t mid = lo + (hi - lo + 1) / 2;
        if (lines.line_start(mid) <= offset) lo = mid;
        else hi = mid - 1;
    }
    return lo;
}

// A line of a key body: base64 only, maybe indented or quoted.
bool base64_line(std::string_view line) {
    line = trim(line, " \t\"'");
    return !line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
    });
}

// PEM private key blocks, BEGIN marker to END marker: their body lines carry the key.
// Without an END marker, the block runs to the end of the BEGIN line and over the
// base64 lines after it.
std::vector<Span> private_key_blocks(const SourceFile& file) {
    std::vector<Span> out;
    std::string_view bytes = file.bytes;
    constexpr std::string_view kBegin = "-----BEGIN ";
    constexpr std::string_view kEnd = "-----END ";
    std::size_t at = bytes.find(kBegin);
    while (at != std::string_view::npos) {
        std::size_t label_end = bytes.find("-----", at + kBegin.size());
        std::string_view label = bytes.substr(at, label_end == std::string_view::npos ? 0 : label_end - at);
        if (label.size() > 80 || label.find("PRIVATE KEY") == std::string_view::npos) {
            at = bytes.find(kBegin, at + kBegin.size());
            continue;
        }
        std::size_t end = bytes.find(kEnd, label_end);
        std::size_t next_begin = bytes.find(kBegin, label_end);
        if (end != std::string_view::npos && (next_begin == std::string_view::npos || end < next_begin)) {
            std::size_t close = bytes.find("-----", end + kEnd.size());
            end = close == std::string_view::npos ? end + kEnd.size() : close + 5;
        } else {
            std::uint32_t line = line_of(file.lines, static_cast<std::uint32_t>(at));
            end = file.lines.line_start(line) + file.lines.line_text(line).size();
            while (++line <= file.lines.line_count() && base64_line(file.lines.line_text(line))) {
                end = file.lines.line_start(line) + file.lines.line_text(line).size();
            }
        }
        out.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)});
        at = bytes.find(kBegin, std::max(end, label_end));
    }
    return out;
}

} // namespace

void attach_context(const SourceFile& file, std::vector<Finding>& findings, std::span<const Location> other_secrets) {
    // The lines any finding shows, each rendered once.
    std::vector<std::uint32_t> shown;
    auto range_of = [&](const Location& l) {
        std::uint32_t first = l.line > kRadius ? l.line - kRadius : 1;
        std::uint32_t last = std::min(std::max(l.end_line, l.line) + kRadius, file.lines.line_count());
        return std::pair{first, std::min(last, first + kMaxLines - 1)};
    };
    for (const Finding& f : findings) {
        if (f.location.line == 0) continue;
        auto [first, last] = range_of(f.location);
        for (std::uint32_t line = first; line <= last; ++line) shown.push_back(line);
    }
    if (shown.empty()) return;
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    std::vector<LineCuts> cuts(shown.size());
    auto index_of = [&](std::uint32_t line) {
        return static_cast<std::size_t>(std::lower_bound(shown.begin(), shown.end(), line) - shown.begin());
    };

    // Each secret lands on the shown lines it covers: cost per secret, not per line.
    auto add_secret = [&](const Location& l) {
        if (l.line == 0) return;
        std::uint32_t last = std::max(l.end_line, l.line);
        for (std::size_t i = index_of(l.line); i < shown.size() && shown[i] <= last; ++i) {
            cuts[i].columns.push_back({shown[i] == l.line ? l.column : 1, shown[i] == l.end_line ? l.end_column : kLineEnd});
        }
    };
    for (const Finding& f : findings) {
        if (f.family == Family::embedded_token) add_secret(f.location);
    }
    for (const Location& l : other_secrets) add_secret(l);
    for (Span block : private_key_blocks(file)) {
        std::uint32_t last = line_of(file.lines, block.end);
        for (std::size_t i = index_of(line_of(file.lines, block.begin)); i < shown.size() && shown[i] <= last; ++i) {
            std::uint32_t start = file.lines.line_start(shown[i]);
            std::size_t size = file.lines.line_text(shown[i]).size();
            std::size_t begin = block.begin > start ? block.begin - start : 0;
            std::size_t end = std::min<std::size_t>(block.end - start, size);
            if (begin < end) cuts[i].bytes.push_back({begin, end});
        }
    }

    std::vector<std::string> texts(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        std::string_view raw = file.lines.line_text(shown[i]);
        std::vector<Cut>& line_cuts = cuts[i].bytes;
        columns_to_bytes(raw, cuts[i].columns, line_cuts);
        if (auto cut = named_value_cut(raw)) line_cuts.push_back(*cut);
        token_shaped_words(raw, line_cuts);
        texts[i] = render(raw, line_cuts);
    }
    for (Finding& f : findings) {
        f.context.clear();
        if (f.location.line == 0) continue;
        auto [first, last] = range_of(f.location);
        for (std::uint32_t line = first; line <= last; ++line) f.context.push_back({line, texts[index_of(line)]});
    }
}

} // namespace handoff
