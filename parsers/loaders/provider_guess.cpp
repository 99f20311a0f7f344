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

constexpr std::array<std::string_view, 14> kCredentialWords{
    "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "API_KEY", "APIKEY", "ACCESS_KEY",
    "PRIVATE_KEY", "CREDENTIAL", "AUTH", "WEBHOOK", "_PAT", "_PASS",
};

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

bool credential_like_name(std::string_view name) {
    std::string n = upper(name);
    for (std::string_view word : kCredentialWords) {
        std::size_t at = n.find(word);
        if (at == std::string::npos) continue;
        // _PAT and _PASS must end the name or a word (_PATH is not a token).
        if (word == "_PAT" || word == "_PASS") {
            std::size_t after = at + word.size();
            if (after < n.size() && n[after] != '_') continue;
        }
        // AUTH must not be part of AUTHOR.
        if (word == "AUTH" && n.compare(at, 6, "AUTHOR") == 0) continue;
        return true;
    }
    return false;
}

} // namespace handoff
