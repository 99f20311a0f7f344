#include "reports/providers.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>

namespace handoff {

namespace {
struct Entry {
    std::string_view id;
    std::string_view name;
    std::string_view where;
    std::string_view url;
};

constexpr std::array<Entry, 20> kConsoles{{
    {"airtable", "Airtable", "Airtable builder hub > Personal access tokens", "https://airtable.com/create/tokens"},
    {"anthropic", "Anthropic", "Anthropic Console > API keys", "https://console.anthropic.com/settings/keys"},
    {"aws", "AWS", "AWS IAM console > Users > Security credentials", "https://console.aws.amazon.com/iam/"},
    {"azure", "Microsoft Azure", "Azure portal (the resource's Keys page, or Entra ID app registrations)",
     "https://portal.azure.com/"},
    {"discord", "Discord", "Discord Developer Portal > Applications > Bot", "https://discord.com/developers/applications"},
    {"docker", "Docker Hub", "Docker Hub > Account settings > Personal access tokens", ""},
    {"github", "GitHub", "GitHub > Settings > Developer settings > Personal access tokens (fine-grained)",
     "https://github.com/settings/tokens"},
    {"gitlab", "GitLab", "GitLab > Preferences > Access tokens", ""},
    {"google", "Google Cloud", "Google Cloud console > APIs & Services > Credentials",
     "https://console.cloud.google.com/apis/credentials"},
    {"huggingface", "Hugging Face", "Hugging Face > Settings > Access Tokens", "https://huggingface.co/settings/tokens"},
    {"mailgun", "Mailgun", "Mailgun dashboard > API keys", ""},
    {"notion", "Notion", "Notion > Settings > Integrations (internal integration secret)",
     "https://www.notion.so/my-integrations"},
    {"npm", "npm", "npmjs.com > Access Tokens", ""},
    {"openai", "OpenAI", "OpenAI platform > API keys", "https://platform.openai.com/api-keys"},
    {"pypi", "PyPI", "PyPI > Account settings > API tokens", ""},
    {"sendgrid", "SendGrid", "SendGrid > Settings > API Keys", "https://app.sendgrid.com/settings/api_keys"},
    {"slack", "Slack", "Slack API > Your apps > OAuth & Permissions (or Incoming Webhooks)", "https://api.slack.com/apps"},
    {"stripe", "Stripe", "Stripe dashboard > Developers > API keys (use a restricted key)",
     "https://dashboard.stripe.com/apikeys"},
    {"telegram", "Telegram", "Telegram @BotFather (/newbot or /token)", ""},
    {"twilio", "Twilio", "Twilio console > Account > API keys & tokens", "https://console.twilio.com/"},
}};

const Entry* find_entry(std::string_view id) {
    for (const Entry& e : kConsoles) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

// Short names that mean a provider in variable names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAliases{{
    {"gh", "github"}, {"hf", "huggingface"}, {"gcp", "google"}, {"sg", "sendgrid"}, {"claude", "anthropic"},
}};

// The first word of the name that names a known provider: OPENAI_API_KEY -> openai.
const Entry* guess_from_name(std::string_view name) {
    std::string word;
    auto match = [&]() -> const Entry* {
        for (const auto& [alias, id] : kAliases) {
            if (word == alias) return find_entry(id);
        }
        return find_entry(word);
    };
    for (std::size_t i = 0; i <= name.size(); ++i) {
        bool alnum = i < name.size() && std::isalnum(static_cast<unsigned char>(name[i])) != 0;
        if (alnum) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
            continue;
        }
        if (const Entry* e = match()) return e;
        word.clear();
    }
    return nullptr;
}
} // namespace

ProviderConsole provider_console(std::string_view provider, std::string_view secret_name) {
    if (const Entry* e = find_entry(lower(provider))) return {std::string(e->name), std::string(e->where), std::string(e->url)};
    if (!provider.empty()) return {std::string(provider), std::string(provider) + "'s console or developer settings", ""};
    if (const Entry* e = guess_from_name(secret_name)) {
        return {std::string(e->name), std::string(e->where) + " (guessed from the name)", std::string(e->url)};
    }
    return {"", "the service's console or developer settings", ""};
}

} // namespace handoff
