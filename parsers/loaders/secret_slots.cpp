#include "parsers/loaders/secret_slots.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace handoff {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // camelCase and dashes read like SNAKE_CASE words.
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Splits camelCase into words so apiKey reads as API_KEY.
std::string words_of(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (i > 0 && std::isupper(static_cast<unsigned char>(c)) != 0 &&
            std::islower(static_cast<unsigned char>(name[i - 1])) != 0)
            out += '_';
        out += c;
    }
    return upper(out);
}

} // namespace

bool is_secret_name(std::string_view name) {
    std::string n = "_" + words_of(name) + "_";
    static constexpr std::array kNotSecret{
        "_URL_", "_URI_", "_HOST_", "_PORT_", "_PATH_", "_FILE_", "_DIR_", "_MODE_", "_TYPE_", "_ENABLED_",
        "_TIMEOUT_", "_REGION_", "_ENDPOINT_", "_NAME_", "_ID_", "_EXPIRY_", "_EXPIRES_", "_HEADER_NAME_",
        "_LENGTH_", "_LIMIT_", "_TTL_", "_FORMAT_", "_PROVIDER_", "_METHOD_", "_SCOPE_", "_SCOPES_",
    };
    // The name's last word decides: TOKEN_URL is a URL, URL_TOKEN is a token.
    for (std::string_view suffix : kNotSecret) {
        if (n.ends_with(suffix)) return false;
    }
    static constexpr std::array kSecret{
        "KEY", "TOKEN", "SECRET", "PASSW", "_PAT_", "AUTH", "CREDENTIAL", "COOKIE", "_PWD_", "BEARER",
        "PRIVATE", "_SIGNATURE_",
    };
    return std::any_of(kSecret.begin(), kSecret.end(), [&](std::string_view part) { return contains(n, part); });
}

bool is_placeholder_value(std::string_view value) {
    std::string v = lower(value);
    while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) v.erase(v.begin());
    while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'')) v.pop_back();
    for (std::string_view scheme : {"bearer ", "basic ", "token "}) {
        if (v.starts_with(scheme)) v = v.substr(scheme.size());
    }
    if (v.empty()) return true;
    if ((v.front() == '<' && v.back() == '>') || (v.front() == '[' && v.back() == ']') ||
        (v.front() == '{' && v.back() == '}' && !v.starts_with("{{") && !contains(v, ":")))
        return true;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c == 'x' || c == '.' || c == '*' || c == '-' || c == '_'; }))
        return true;
    static constexpr std::array kWords{
        "your_", "your-", "yourkey", "your api", "yourtoken", "yoursecret", "changeme", "change_me", "change-me",
        "replace_me", "replace-me", "replaceme", "replace_with", "replace-with", "placeholder", "insert_", "insert-",
        "enter_your", "enter-your", "put_your", "put-your", "add_your", "add-your", "todo", "fixme", "dummy",
        "example_key", "example-key", "here_", "_here", "-here", "xxxx", "...", "<", "sk-...", "my_api_key",
        "my-api-key", "api_key_here", "paste_", "paste-", "redacted", "not-set", "not_set", "none", "null",
        "undefined", "secret_value", "set_me", "set-me",
    };
    return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return contains(v, w); });
}

std::string provider_from_name(std::string_view name) {
    std::string n = lower(name);
    std::size_t cut = n.find('_');
    std::string first = n.substr(0, cut);
    static constexpr std::array kGeneric{"api", "auth", "access", "secret", "token", "key", "mcp", "server",
                                         "client", "app", "my", "bearer", "private", "x"};
    if (first.empty() || cut == std::string::npos) return {};
    if (std::find(kGeneric.begin(), kGeneric.end(), first) != kGeneric.end()) return {};
    return first;
}

} // namespace handoff
