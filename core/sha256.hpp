#pragma once
// SHA-256, for fingerprints that must not reveal the secret they identify.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace handoff {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);

} // namespace handoff
