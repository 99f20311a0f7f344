#include "parsers/loaders/server_roles.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace handoff {

namespace {

struct Cue {
    std::string_view word;
    std::string_view role;
};

// Server names and packages seen in public configs, by the data they bring in.
constexpr std::array kUntrusted{
    Cue{"fetch", "web-page"},       Cue{"browser", "web-page"},    Cue{"puppeteer", "web-page"},
    Cue{"playwright", "web-page"},  Cue{"brave", "web-page"},      Cue{"tavily", "web-page"},
    Cue{"firecrawl", "web-page"},   Cue{"exa", "web-page"},        Cue{"perplexity", "web-page"},
    Cue{"search", "web-page"},      Cue{"scrape", "web-page"},     Cue{"crawl", "web-page"},
    Cue{"web", "web-page"},         Cue{"gmail", "email"},         Cue{"email", "email"},
    Cue{"outlook", "email"},        Cue{"mail", "email"},          Cue{"github", "issue"},
    Cue{"gitlab", "issue"},         Cue{"jira", "issue"},          Cue{"linear", "issue"},
    Cue{"slack", "chat-message"},   Cue{"discord", "chat-message"}, Cue{"telegram", "chat-message"},
    Cue{"reddit", "web-page"},      Cue{"youtube", "web-page"},    Cue{"twitter", "web-page"},
};

constexpr std::array kPrivate{
    Cue{"filesystem", "files"},   Cue{"postgres", "database"}, Cue{"mysql", "database"},
    Cue{"sqlite", "database"},    Cue{"supabase", "database"}, Cue{"mongo", "database"},
    Cue{"redis", "database"},     Cue{"database", "database"}, Cue{"bigquery", "database"},
    Cue{"snowflake", "database"}, Cue{"gdrive", "documents"},  Cue{"google-drive", "documents"},
    Cue{"notion", "documents"},   Cue{"obsidian", "documents"}, Cue{"confluence", "documents"},
    Cue{"salesforce", "crm"},     Cue{"hubspot", "crm"},       Cue{"stripe", "payments"},
    Cue{"gmail", "email"},        Cue{"outlook", "email"},     Cue{"github", "repository"},
    Cue{"gitlab", "repository"},  Cue{"aws", "cloud"},         Cue{"azure", "cloud"},
    Cue{"gcp", "cloud"},          Cue{"kubernetes", "cloud"},  Cue{"memory", "memory"},
};

constexpr std::array kSends{
    Cue{"fetch", "http"},        Cue{"http", "http"},       Cue{"browser", "http"},
    Cue{"puppeteer", "http"},    Cue{"playwright", "http"}, Cue{"slack", "chat"},
    Cue{"discord", "chat"},      Cue{"telegram", "chat"},   Cue{"gmail", "email"},
    Cue{"email", "email"},       Cue{"mail", "email"},      Cue{"twilio", "sms"},
    Cue{"github", "repository"}, Cue{"gitlab", "repository"}, Cue{"webhook", "http"},
    Cue{"n8n", "http"},          Cue{"zapier", "http"},
};

bool has_word(std::string_view text, std::string_view word) {
    std::size_t at = text.find(word);
    while (at != std::string_view::npos) {
        bool left = at == 0 || std::isalnum(static_cast<unsigned char>(text[at - 1])) == 0;
        std::size_t end = at + word.size();
        bool right = end >= text.size() || std::isalnum(static_cast<unsigned char>(text[end])) == 0 ||
                     // "gmail-mcp", "fetcher", "postgresql": allow a suffix on long cue words
                     word.size() >= 5;
        if (left && right) return true;
        at = text.find(word, at + 1);
    }
    return false;
}

template <std::size_t N>
std::string first_role(const std::array<Cue, N>& cues, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
        for (const Cue& cue : cues) {
            if (has_word(w, cue.word)) return std::string(cue.role);
        }
    }
    return {};
}

} // namespace

ServerRoles classify_server(const std::vector<std::string>& words) {
    std::vector<std::string> lowered;
    lowered.reserve(words.size());
    bool read_only = false;
    for (const std::string& w : words) {
        std::string l = w;
        for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // Cline names marketplace servers "github.com/owner/repo": the host says nothing about the server.
        if (l.starts_with("github.com/")) l = l.substr(l.find('/', 11) == std::string::npos ? 11 : l.find('/', 11) + 1);
        read_only = read_only || l.find("readonly") != std::string::npos || l.find("read-only") != std::string::npos;
        lowered.push_back(std::move(l));
    }
    ServerRoles roles{first_role(kUntrusted, lowered), first_role(kPrivate, lowered), first_role(kSends, lowered)};
    if (read_only) roles.sends.clear();
    return roles;
}

} // namespace handoff
