#include "core/secret_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/path_name.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

std::string normalised(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
        else out += '_';
    }
    return out;
}

bool has_word(const std::string& name, std::string_view word) {
    std::size_t at = name.find(word);
    while (at != std::string::npos) {
        bool start = at == 0 || name[at - 1] == '_';
        bool end = at + word.size() == name.size() || name[at + word.size()] == '_';
        if (start && end) return true;
        at = name.find(word, at + 1);
    }
    return false;
}

} // namespace

bool is_secret_name(std::string_view raw) {
    std::string name = normalised(raw);
    // Whole-word markers: API_KEY, DB_PASSWORD, SLACK_TOKEN, x-api-key.
    static constexpr std::array<std::string_view, 19> kWords{
        "key", "token", "secret", "password", "passwd", "pwd", "pass", "credential", "credentials",
        "auth", "authorization", "apikey", "api_key", "private_key", "access_key", "bearer", "pat", "dsn",
        "webhook"};
    if (std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return has_word(name, w); })) {
        // Names that contain a marker but are not secrets.
        static constexpr std::array<std::string_view, 6> kNot{"key_id", "public_key", "publishable_key",
                                                              "token_url", "auth_url", "password_length"};
        return std::none_of(kNot.begin(), kNot.end(), [&](std::string_view w) { return name.find(w) != std::string::npos; });
    }
    // Glued forms: APIKEY, SECRETKEY, AUTHTOKEN, MYTOKEN.
    static constexpr std::array<std::string_view, 5> kParts{"apikey", "secret", "token", "password", "passwd"};
    return std::any_of(kParts.begin(), kParts.end(), [&](std::string_view w) { return name.find(w) != std::string::npos; });
}

bool is_secret_file_name(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (name == ".env" || name.starts_with(".env.") || ends(".env")) return !is_template_name(name);
    static constexpr std::array<std::string_view, 12> kNames{
        ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", "credentials.json", "credentials",
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "kubeconfig"};
    if (std::find(kNames.begin(), kNames.end(), name) != kNames.end()) return true;
    static constexpr std::array<std::string_view, 9> kSuffixes{".pem", ".key", ".p12", ".pfx", ".jks", ".keystore",
                                                               ".tfvars", ".ppk", ".asc"};
    if (std::any_of(kSuffixes.begin(), kSuffixes.end(), ends)) return true;
    return name.starts_with("service-account") && ends(".json");
}

bool is_placeholder_value(std::string_view value) {
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
    if (value.empty()) return true;
    if (value.find("${") != std::string_view::npos || value.find("{{") != std::string_view::npos ||
        value.rfind("$", 0) == 0 || value.rfind("op://", 0) == 0 || value.rfind("vault:", 0) == 0 ||
        (value.front() == '%' && value.back() == '%') || (value.front() == '<' && value.back() == '>')) {
        return true;
    }
    std::string lower = normalised(value);
    static constexpr std::array<std::string_view, 14> kMarkers{
        "your_", "_here", "changeme", "change_me", "replace", "example", "placeholder", "dummy",
        "redacted", "todo", "insert", "fill_in", "xxxx", "****"};
    if (std::any_of(kMarkers.begin(), kMarkers.end(), [&](std::string_view m) { return lower.find(m) != std::string::npos; })) {
        return true;
    }
    if (value.find("****") != std::string_view::npos || value.find("...") != std::string_view::npos) return true;
    // Low variety: "aaaaaaaa", "12345678", "xxxxxxxx".
    std::array<bool, 256> seen{};
    std::size_t distinct = 0;
    for (char c : value) {
        auto& s = seen[static_cast<unsigned char>(c)];
        if (!s) {
            s = true;
            ++distinct;
        }
    }
    return value.size() >= 6 && distinct <= 2;
}

} // namespace handoff
