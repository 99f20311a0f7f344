#pragma once
// How random a value looks, judged against what a random string of the same length and
// alphabet would score: one global threshold both misses short keys and flags hashes.
#include <string_view>

namespace handoff::tokens {

// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s);

// Size of the alphabet the value seems drawn from: 16 for hex, else the sum of the
// classes present (lower 26, upper 26, digits 10, symbols 20).
int alphabet_size(std::string_view s);

// Expected entropy of a uniformly random string of length n over k symbols.
double expected_entropy(std::size_t n, int k);

// True when the value's entropy is within the range random strings of its length and
// alphabet reach (above their 1st percentile or so).
bool looks_random(std::string_view s);

// Number of distinct characters.
int distinct_chars(std::string_view s);

// A run of `run` or more identical characters, or of consecutive ascending/descending
// characters (abcdef, 123456).
bool has_repeated_run(std::string_view s, int run);
bool has_sequential_run(std::string_view s, int run);

} // namespace handoff::tokens
