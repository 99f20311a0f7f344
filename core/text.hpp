#pragma once
// The one home for small text helpers every layer uses: ASCII case folding, trimming,
// searching and line iteration. Byte-oriented: non-ASCII bytes pass through unchanged.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// ASCII lower case of the bytes; other bytes unchanged.
std::string lower(std::string_view text);
// True when every ASCII letter compares equal ignoring case.
bool iequals(std::string_view a, std::string_view b);

bool contains(std::string_view haystack, std::string_view needle);
// contains() ignoring ASCII case.
bool icontains(std::string_view haystack, std::string_view needle);

// Strips ASCII white space (space, tab, CR, LF, VT, FF) from both ends.
std::string_view trim(std::string_view text);
// Strips any of the bytes in `chars` from both ends.
std::string_view trim(std::string_view text, std::string_view chars);

// Where the line holding byte pos starts, looking back no further than floor: floor when
// the line starts before it. Bounded, so that a caller on a very long line stays linear.
std::size_t line_start(std::string_view text, std::size_t pos, std::size_t floor = 0);
// Where the line holding byte pos ends (its '\n', or the end of text), looking no further
// than ceiling: ceiling when the line runs past it.
std::size_t line_end(std::string_view text, std::size_t pos, std::size_t ceiling = std::string_view::npos);

// Levenshtein distance (insert, delete, substitute one byte), ASCII case folded.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidates nearest to word by edit_distance, best first (ties in the given order),
// at most `limit`, and none further than a third of the longer word (at least 2 edits):
// what "did you mean" offers. A candidate that starts with word counts as near.
std::vector<std::string_view> nearest_words(std::string_view word, const std::vector<std::string_view>& candidates,
                                            std::size_t limit = 3);

// Calls visit(line, offset) for each line of text, without its "\n" (a "\r" before it
// stays), offset being where the line starts. A final line without "\n" is visited too;
// an empty text has no lines.
template <class Visit>
void for_each_line(std::string_view text, Visit&& visit) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        visit(text.substr(start, end - start), start);
        start = end + 1;
    }
}

} // namespace handoff
