// The key checklist's rows: the inventory merged by name and provider, and every leaked value
// the findings show (reports/checklist_rows.hpp).
#include "reports/checklist_rows.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/secret_names.hpp"
#include "core/secret_stores.hpp"
#include "core/text.hpp"
#include "core/vocabulary.hpp"

namespace handoff {

namespace {
constexpr std::string_view kMaskMark = "\u2026";  // masked evidence: "sk-p…Qx (164 chars)"

void add_unique(std::vector<std::string>& list, const std::string& item) {
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// An id as n8n names credential types ("slackApi", "googleSheetsOAuth2Api"): lower case,
// letters and digits only, without the type suffix.
std::string bare_id(std::string_view id) {
    std::string out;
    for (char c : lower(id)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    for (std::string_view suffix : {"oauth2api", "oauth2", "api", "credentials"}) {
        if (out.size() > suffix.size() && out.ends_with(suffix)) {
            out.resize(out.size() - suffix.size());
            break;
        }
    }
    return out;
}

// A provider id the table does not know, as words: "activeCampaignApi" -> "Active Campaign",
// "acme-crm" -> "Acme Crm".
std::string humanize_id(std::string_view id) {
    std::string words;
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool upper = c >= 'A' && c <= 'Z';
        if (c == '-' || c == '_' || c == ' ') {
            if (!words.empty() && words.back() != ' ') words += ' ';
            continue;
        }
        if (upper && i > 0 && !words.empty() && words.back() != ' ' && !(id[i - 1] >= 'A' && id[i - 1] <= 'Z')) words += ' ';
        words += c;
    }
    std::string_view text = trim(words);
    for (std::string_view suffix : {" OAuth2 Api", " OAuth2", " Api"}) {
        if (text.size() > suffix.size() && text.ends_with(suffix)) {
            text.remove_suffix(suffix.size());
            break;
        }
    }
    std::string out(text);
    bool start = true;
    for (char& c : out) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ';
    }
    return out;
}

// The provider an id names, exactly or as a credential type that starts with its id.
const ProviderInfo* provider_of(std::span<const ProviderInfo> providers, std::string_view id) {
    if (id.empty()) return nullptr;
    if (const ProviderInfo* p = find_provider(providers, id)) return p;
    std::string bare = bare_id(id);
    const ProviderInfo* best = nullptr;
    for (const ProviderInfo& p : providers) {
        std::string pid = bare_id(p.id);
        if (pid.size() < 3 || !bare.starts_with(pid)) continue;
        if (best == nullptr || pid.size() > bare_id(best->id).size()) best = &p;
    }
    return best;
}

// The provider of a token rule: the longest provider id the rule id starts with
// ("openai-api-key" -> openai, "azure-openai-key" -> azure).
const ProviderInfo* provider_of_rule(std::span<const ProviderInfo> providers, std::string_view rule) {
    const ProviderInfo* best = nullptr;
    for (const ProviderInfo& p : providers) {
        std::string prefix = std::string(p.id) + "-";
        if (rule.starts_with(prefix) && (best == nullptr || p.id.size() > best->id.size())) best = &p;
    }
    return best;
}

// The key name a leaked value sits under: the last part of its node path when it is a
// secret's name (servers.x.env.ANTHROPIC_API_KEY), else empty (nodes[1]...parameters[0].value).
std::string key_name(std::string_view node_path) {
    std::string_view last = node_path;
    if (std::size_t dot = last.rfind('.'); dot != std::string_view::npos) last = last.substr(dot + 1);
    if (std::size_t bracket = last.find('['); bracket != std::string_view::npos) last = last.substr(0, bracket);
    if (!is_env_variable_name(last) || !is_secret_name(last)) return {};
    return std::string(last);
}

bool is_leaked_value(const Finding& f) {
    return f.family == Family::embedded_token && f.evidence.find(kMaskMark) != std::string::npos;
}

int status_rank(KeyStatus s) { return static_cast<int>(s); }

// Per provider, the narrowest keys it offers: the advice when one key serves several consumers.
struct NarrowKeys {
    std::string_view provider;
    std::string_view options;
};
constexpr std::array kNarrowKeys{
    NarrowKeys{"airtable", "personal access tokens limited to the bases and scopes each one uses"},
    NarrowKeys{"anthropic", "a workspace per consumer, each with its own key and spend limit"},
    NarrowKeys{"aws", "an IAM role or user per consumer with a least-privilege policy"},
    NarrowKeys{"azure", "a managed identity or key per consumer with a least-privilege role"},
    NarrowKeys{"discord", "a bot per consumer, invited with only the permissions it uses"},
    NarrowKeys{"docker", "access tokens per consumer, read-only where it only pulls"},
    NarrowKeys{"github", "fine-grained tokens limited to one repository and the permissions it uses, or a GitHub App"},
    NarrowKeys{"gitlab", "project access tokens with the narrowest scope (read_api, read_repository)"},
    NarrowKeys{"google", "API keys restricted to the APIs each one calls, or a service account per consumer"},
    NarrowKeys{"huggingface", "fine-grained tokens, read-only where it only downloads"},
    NarrowKeys{"mailgun", "a domain sending key per consumer"},
    NarrowKeys{"notion", "an integration per consumer, shared only with the pages it needs"},
    NarrowKeys{"npm", "granular access tokens limited to the packages each one publishes, read-only where it only installs"},
    NarrowKeys{"openai", "project keys with restricted permissions (read-only, or only the endpoints each one calls) and a project budget"},
    NarrowKeys{"pypi", "project-scoped API tokens"},
    NarrowKeys{"sendgrid", "restricted API keys (Mail Send only)"},
    NarrowKeys{"slack", "an app or bot per consumer with only the scopes it uses"},
    NarrowKeys{"stripe", "restricted keys with only the resources each one touches"},
    NarrowKeys{"telegram", "a bot per consumer"},
    NarrowKeys{"twilio", "an API key per consumer instead of the account's auth token"},
};

// "deploy: write:contents; summarise: read:contents", at most four consumers named.
std::string join_power(const ChecklistRow& r) {
    constexpr std::size_t kNamed = 4;
    std::string out;
    std::size_t named = 0;
    std::size_t known = 0;
    for (const std::string& user : r.used_by) {
        auto found = r.power.find(user);
        if (found == r.power.end()) continue;
        if (++known > kNamed) continue;
        if (!out.empty()) out += "; ";
        out += user + ": " + (found->second.empty() ? std::string("nothing granted") : found->second);
        ++named;
    }
    if (known > named) out += "; and " + std::to_string(known - named) + " more";
    return out;
}

// One key for several consumers: the same name used by consumers of different power or in
// several files (nodes of one workflow with the same power are one consumer), or the same value
// written in several files. using_files: the files that reference the row's name.
std::string sharing_advice(const ChecklistRow& r, std::size_t using_files) {
    std::set<std::string> files;
    for (const Location& l : r.leaked_at) files.insert(l.path);
    std::set<std::string> powers;
    for (const std::string& user : r.used_by) {
        auto found = r.power.find(user);
        powers.insert(found == r.power.end() ? std::string() : found->second);
    }
    bool different = powers.size() > 1;
    std::string said;
    if (r.used_by.size() >= 2 && (different || using_files >= 2)) {
        said = "One key serves " + std::to_string(r.used_by.size()) + " consumers";
        if (using_files >= 2) said += " in " + std::to_string(using_files) + " files";
        if (different) said += " with different power (" + join_power(r) + ")";
    } else if (files.size() >= 2) {
        said = "The same value is written in " + std::to_string(files.size()) + " files: one key serves each of them";
    } else {
        return {};
    }
    return said + ". Give each its own key with the narrowest scope the provider offers: " +
           std::string(narrow_key_options(r.console.id)) + "; then revoking one stops nothing else" +
           (different ? ", and a leak from the weaker consumer does not hand over the stronger one's power." : ".");
}

class RowBuilder {
public:
    explicit RowBuilder(const ScanResult& result) : result_(result) {}

    std::vector<ChecklistRow> build() {
        for (const InventoryEntry& e : result_.inventory) add_entry(e);
        add_leaked_findings();
        for (std::size_t i = 0; i < rows_.size(); ++i) rows_[i].one_key_each = sharing_advice(rows_[i], using_files_[i].size());
        std::vector<std::pair<std::string, std::size_t>> order;  // (lower-case name, row)
        order.reserve(rows_.size());
        for (std::size_t i = 0; i < rows_.size(); ++i) order.emplace_back(lower(rows_[i].name), i);
        std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
            const ChecklistRow& ra = rows_[a.second];
            const ChecklistRow& rb = rows_[b.second];
            if (ra.status != rb.status) return status_rank(ra.status) < status_rank(rb.status);
            return a.first < b.first;
        });
        std::vector<ChecklistRow> out;
        out.reserve(rows_.size());
        for (const auto& entry : order) out.push_back(std::move(rows_[entry.second]));
        return out;
    }

private:
    using Place = std::tuple<std::string, std::uint32_t, std::uint32_t>;

    // The row for this name and provider, merged with one that has no provider guess yet.
    // Rows are found by name in a map: a scan can hold tens of thousands of leaked values.
    std::size_t row(const std::string& name, const ProviderConsole& console) {
        std::vector<std::size_t>& same_name = by_name_[name];
        for (std::size_t i : same_name) {
            ChecklistRow& r = rows_[i];
            if (r.console.name == console.name || console.name.empty()) return i;
            if (r.console.name.empty()) {
                r.console = console;
                return i;
            }
        }
        ChecklistRow r;
        r.name = name;
        r.console = console;
        rows_.push_back(std::move(r));
        seen_.emplace_back();
        using_files_.emplace_back();
        same_name.push_back(rows_.size() - 1);
        return rows_.size() - 1;
    }

    // Adds a place once per row and list, in constant time per place.
    void add_place(std::size_t row, std::vector<Location>& list, const Location& loc, bool leaked) {
        Place key{loc.path, loc.line, loc.column};
        if (seen_[row][leaked ? 1 : 0].insert(std::move(key)).second) list.push_back(loc);
    }

    void add_entry(const InventoryEntry& e) {
        ProviderConsole console = provider_console(result_.providers, e.provider, e.name);
        std::size_t at = row(e.name, console);
        ChecklistRow& r = rows_[at];
        KeyStatus status = e.kind == "package"                 ? KeyStatus::package
                           : !e.values.empty()                 ? KeyStatus::leaked
                           : e.store == store::config_placeholder ? KeyStatus::to_supply
                                                                  : KeyStatus::needed;
        if (r.put_in.empty() && r.leaked_at.empty()) r.status = status;
        else r.status = status_rank(status) < status_rank(r.status) ? status : r.status;
        if (e.store == store::config_placeholder) {
            add_unique(r.put_in, "a variable the client's tool expands, in place of the placeholder (see the finding's fix)");
        } else {
            add_unique(r.put_in, e.where_to_set.empty() ? std::string(store_destination(e.store)) : e.where_to_set);
        }
        if (r.used_by.empty()) {
            r.used_by = e.used_by;  // already distinct; only rows merged from several stores need the search
        } else {
            for (const std::string& u : e.used_by) add_unique(r.used_by, u);
        }
        for (const auto& [owner, caps] : e.power) r.power.emplace(owner, caps);
        for (const Location& l : e.references) {
            add_place(at, r.references, l, false);
            using_files_[at].insert(l.path);
        }
        for (const Location& l : e.declarations) add_place(at, r.references, l, false);
        for (const Location& l : e.values) add_place(at, r.leaked_at, l, true);
        r.env = r.env || e.store == store::env || (e.store == store::config_placeholder && is_env_variable_name(e.name));
    }

    // Every value found written into a file, one row per distinct value (a token's fingerprint
    // is its hashed value), joined to the row of the secret it sits under when there is one.
    void add_leaked_findings() {
        std::map<std::string, std::vector<const Finding*>> by_value;
        std::vector<std::string> order;
        for (const Finding& f : result_.findings) {
            if (!is_leaked_value(f)) continue;
            auto [it, added] = by_value.try_emplace(f.rule + '\0' + f.fingerprint);
            if (added) order.push_back(it->first);
            it->second.push_back(&f);
        }
        for (const std::string& key : order) {
            const std::vector<const Finding*>& places = by_value[key];
            const Finding& first = *places.front();
            std::string name;
            for (const Finding* f : places) {
                if (name.empty()) name = key_name(f->location.node_path);
            }
            ProviderConsole console;
            if (const ProviderInfo* p = provider_of_rule(result_.providers, first.rule)) {
                console = {std::string(p->id), std::string(p->name), std::string(p->console), std::string(p->url)};
            } else {
                console = provider_console(result_.providers, "", name);
            }
            bool named = !name.empty();
            if (!named) name = rule_text(result_, first).title;
            std::size_t at = row(name, console);
            ChecklistRow& r = rows_[at];
            r.status = KeyStatus::leaked;
            for (const Finding* f : places) add_place(at, r.leaked_at, f->location, true);
            if (r.put_in.empty()) {
                r.put_in.push_back("a secret store or credential that the file references instead of the value "
                                   "(see the finding's fix)");
            }
            r.env = r.env || (named && is_env_variable_name(name));
        }
    }

    const ScanResult& result_;
    std::vector<ChecklistRow> rows_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;
    std::vector<std::array<std::set<Place>, 2>> seen_;  // per row: references, leaked_at
    std::vector<std::set<std::string>> using_files_;    // per row: the files that reference it
};

} // namespace

bool is_env_variable_name(std::string_view name) {
    if (name.empty() || (name.front() >= '0' && name.front() <= '9')) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string_view status_text(KeyStatus status) {
    switch (status) {
    case KeyStatus::leaked: return "leaked: rotate before handoff";
    case KeyStatus::to_supply: return "to be supplied by the client";
    case KeyStatus::needed: return "to create";
    case KeyStatus::package: return "to install";
    }
    return "to create";
}

std::vector<ChecklistRow> checklist_rows(const ScanResult& result) { return RowBuilder(result).build(); }

std::string_view narrow_key_options(std::string_view provider_id) {
    for (const NarrowKeys& n : kNarrowKeys) {
        if (n.provider == provider_id) return n.options;
    }
    return "a separate key per consumer, read-only or restricted where it can be, with a spend limit where one exists";
}

std::size_t count_rows(const std::vector<ChecklistRow>& rows, KeyStatus status) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const ChecklistRow& r) { return r.status == status; }));
}

ProviderConsole provider_console(std::span<const ProviderInfo> providers, std::string_view provider,
                                 std::string_view secret_name) {
    if (const ProviderInfo* p = provider_of(providers, provider)) {
        return {std::string(p->id), std::string(p->name), std::string(p->console), std::string(p->url)};
    }
    if (const ProviderInfo* p = provider_named_in(providers, secret_name)) {
        return {std::string(p->id), std::string(p->name), std::string(p->console) + " (guessed from the name)",
                std::string(p->url)};
    }
    return {"", humanize_id(provider), "the service's console or developer settings", ""};
}

KeyCounts key_counts(const std::vector<ChecklistRow>& rows) {
    return {rows.size() - count_rows(rows, KeyStatus::package), count_rows(rows, KeyStatus::leaked)};
}

} // namespace handoff
