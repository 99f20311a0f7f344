#pragma once
// Offline checksums some providers build into their tokens.
#include <cstdint>
#include <string_view>

namespace handoff::tokens {

// CRC-32 (IEEE 802.3 polynomial, as zlib computes it).
std::uint32_t crc32(std::string_view data);

// GitHub classic tokens (ghp_ gho_ ghu_ ghs_ ghr_) and npm tokens (npm_): a 4-character
// prefix, 30 random base62 characters, then the CRC-32 of those 30 characters written in
// base62 (0-9A-Za-z), most significant digit first, left-padded with '0' to 6 characters.
bool base62_crc32_valid(std::string_view token);

} // namespace handoff::tokens
