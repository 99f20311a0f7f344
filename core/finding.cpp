#include "core/finding.hpp"

#include <array>
#include <tuple>

namespace handoff {

namespace {
constexpr std::array<std::string_view, 5> kSeverities{"info", "low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 3> kConfidences{"low", "medium", "high"};
constexpr std::array<std::string_view, 4> kFamilies{"embedded-token", "open-webhook", "unsafe-permission",
                                                    "missing-secret-ref"};
constexpr std::array<std::string_view, 4> kFamilyTitles{"Embedded tokens", "Open webhooks",
                                                        "Unsafe outbound permissions", "Missing secret references"};

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}
} // namespace

std::string_view to_string(Severity severity) { return kSeverities.at(static_cast<std::size_t>(severity)); }
std::string_view to_string(Confidence confidence) { return kConfidences.at(static_cast<std::size_t>(confidence)); }
std::string_view to_string(Family family) { return kFamilies.at(static_cast<std::size_t>(family)); }
std::string_view family_title(Family family) { return kFamilyTitles.at(static_cast<std::size_t>(family)); }

std::optional<Severity> severity_from_string(std::string_view text) { return lookup<Severity>(kSeverities, text); }
std::optional<Confidence> confidence_from_string(std::string_view text) {
    return lookup<Confidence>(kConfidences, text);
}
std::optional<Family> family_from_string(std::string_view text) { return lookup<Family>(kFamilies, text); }

const std::vector<Family>& all_families() {
    static const std::vector<Family> families{Family::embedded_token, Family::open_webhook,
                                              Family::unsafe_permission, Family::missing_secret_ref};
    return families;
}

bool finding_order(const Finding& a, const Finding& b) {
    return std::tie(a.location.path, a.location.line, a.location.column, a.rule, a.fingerprint) <
           std::tie(b.location.path, b.location.line, b.location.column, b.rule, b.fingerprint);
}

} // namespace handoff
