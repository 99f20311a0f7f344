#pragma once
// JSON Web Tokens: decoded to judge them. The claims say whose token it is (Supabase,
// n8n), what it may do (role) and whether it still works (exp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace handoff::tokens {

struct JwtClaims {
    std::string alg;   // header alg; "none" means unsigned
    std::string iss;
    std::string aud;   // first audience when it is a list
    std::string role;
    std::string sub;
    std::optional<std::int64_t> exp;
};

// Decodes header and payload of header.payload.signature; nullopt unless both are JSON
// objects and the header names an algorithm.
std::optional<JwtClaims> decode_jwt(std::string_view token);

} // namespace handoff::tokens
