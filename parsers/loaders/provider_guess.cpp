#include "parsers/loaders/provider_guess.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace handoff {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// First match wins, so longer, more specific fragments come first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 43> kFragments{{
    {"OPENAI", "openai"},          {"ANTHROPIC", "anthropic"},   {"CLAUDE", "anthropic"},
    {"GEMINI", "google"},          {"GOOGLE", "google"},         {"GCP", "google-cloud"},
    {"GCLOUD", "google-cloud"},    {"FIREBASE", "firebase"},     {"AWS", "aws"},
    {"AZURE", "azure"},            {"ARM_CLIENT", "azure"},      {"NPM", "npm"},
    {"PYPI", "pypi"},              {"TWINE", "pypi"},            {"CARGO", "crates.io"},
    {"CRATES", "crates.io"},       {"RUBYGEMS", "rubygems"},     {"NUGET", "nuget"},
    {"SONATYPE", "maven-central"}, {"OSSRH", "maven-central"},   {"MAVEN", "maven"},
    {"GPG", "gpg"},                {"DOCKER", "docker"},         {"GHCR", "github"},
    {"QUAY", "quay"},              {"SLACK", "slack"},           {"DISCORD", "discord"},
    {"TELEGRAM", "telegram"},      {"CODECOV", "codecov"},       {"SONAR", "sonarcloud"},
    {"SNYK", "snyk"},              {"SENTRY", "sentry"},         {"VERCEL", "vercel"},
    {"NETLIFY", "netlify"},        {"HEROKU", "heroku"},         {"CLOUDFLARE", "cloudflare"},
    {"DIGITALOCEAN", "digitalocean"}, {"HUGGINGFACE", "huggingface"}, {"HF_", "huggingface"},
    {"GITLAB", "gitlab"},          {"GITHUB", "github"},         {"GH_", "github"},
    {"COVERALLS", "coveralls"},
}};

} // namespace

std::string guess_provider(std::string_view secret_name) {
    std::string name = upper(secret_name);
    for (const auto& [fragment, provider] : kFragments) {
        std::size_t at = name.find(fragment);
        // GH_ and HF_ only count as a prefix, not inside a word (HIGH_, SHF_).
        if (at == std::string::npos) continue;
        if (fragment.back() == '_' && at != 0) continue;
        return std::string(provider);
    }
    return {};
}

} // namespace handoff
