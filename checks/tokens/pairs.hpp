#pragma once
// Pair reading: the KEY <sep> value pair around a secret-like word in a text (KEY=value,
// "key": "value", {"name": "X", "value": "Y"}, curl -u user:password, and Key=Value;
// Password=... connection strings inside a value). Each value found goes to the engine's
// judge_keyed with its key name.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace handoff::tokens {

class Engine;
struct TokenMatch;

// Words that make a place worth reading for a pair (case-insensitive literals).
std::span<const std::string_view> pair_words();

// Reads the pair whose key name holds the pair word found at `at`; returns where the key
// name ends, so further words inside the same name are skipped.
std::size_t read_pair_at(const Engine& engine, std::string_view text, std::size_t at, std::vector<TokenMatch>& out);

// Strips an HTTP auth scheme ("Bearer ", "token ", "Basic ") from a value; skipped is
// how many bytes went.
std::string_view strip_scheme(std::string_view v, std::size_t& skipped);


bool is_alnum(char c);

} // namespace handoff::tokens
