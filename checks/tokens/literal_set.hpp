#pragma once
// The literal prefilter: an Aho-Corasick automaton over every rule's keywords, compiled to
// a dense DFA over byte classes, so one pass over a file's bytes finds every place where
// a rule could match. ASCII case is folded; the rules' regexes check case afterwards.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace handoff::tokens {

class LiteralSet {
public:
    explicit LiteralSet(const std::vector<std::string>& keywords);

    struct Hit {
        std::uint32_t offset;   // where the keyword starts
        std::uint32_t keyword;  // index into the keywords given to the constructor
    };
    // Appends every occurrence in text order of their end; overlapping occurrences of
    // different keywords are all reported, those of one keyword only at the first.
    void find_all(std::string_view text, std::vector<Hit>& out) const;

private:
    void emit(std::uint32_t row, std::size_t end, std::vector<Hit>& out) const;  // the keywords ending at end

    std::vector<std::uint8_t> byte_class_;                 // 256 entries
    std::uint32_t classes_ = 1;
    // Transitions hold the next state's row offset (state * classes_), so the scan loop does
    // one add and one load per byte. States are numbered so that every state that ends a
    // keyword comes after first_accepting_: one compare tells whether to look at outputs.
    std::vector<std::uint32_t> next_;
    std::uint32_t first_accepting_ = 0;                    // as a row offset
    std::vector<std::uint32_t> output_begin_;              // per state, into outputs_ (size states+1)
    std::vector<std::uint32_t> outputs_;                   // keyword ids
    std::vector<std::uint32_t> lengths_;                   // per keyword
    std::size_t max_length_ = 0;
};

} // namespace handoff::tokens
