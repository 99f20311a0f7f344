#include "checks/tokens/jwt.hpp"

#include <nlohmann/json.hpp>

#include "checks/tokens/base64.hpp"

namespace handoff::tokens {

namespace {
std::optional<nlohmann::json> decode_segment(std::string_view segment) {
    auto bytes = base64_decode(segment);
    if (!bytes) return std::nullopt;
    auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) return std::nullopt;
    return json;
}

std::string string_claim(const nlohmann::json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
    return {};
}
} // namespace

std::optional<JwtClaims> decode_jwt(std::string_view token) {
    std::size_t first = token.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    std::size_t second = token.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    auto header = decode_segment(token.substr(0, first));
    auto payload = decode_segment(token.substr(first + 1, second - first - 1));
    if (!header || !payload) return std::nullopt;
    JwtClaims claims;
    claims.alg = string_claim(*header, "alg");
    if (claims.alg.empty()) return std::nullopt;
    claims.iss = string_claim(*payload, "iss");
    claims.aud = string_claim(*payload, "aud");
    claims.role = string_claim(*payload, "role");
    claims.sub = string_claim(*payload, "sub");
    auto exp = payload->find("exp");
    if (exp != payload->end() && exp->is_number()) claims.exp = exp->get<std::int64_t>();
    return claims;
}

} // namespace handoff::tokens
