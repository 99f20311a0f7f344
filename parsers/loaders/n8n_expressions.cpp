#include "parsers/loaders/n8n_expressions.hpp"

namespace handoff {

namespace {

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

void skip_spaces(std::string_view text, std::size_t& at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
}

// Reads `.name` or `['name']` / `["name"]` at `at`; returns the name and advances.
std::string read_member(std::string_view text, std::size_t& at) {
    std::size_t p = at;
    skip_spaces(text, p);
    if (p < text.size() && text[p] == '?') ++p;  // optional chaining ?.
    if (p < text.size() && text[p] == '.') {
        ++p;
        skip_spaces(text, p);
        std::size_t begin = p;
        while (p < text.size() && ident_char(text[p])) ++p;
        if (p == begin) return {};
        at = p;
        return std::string(text.substr(begin, p - begin));
    }
    if (p < text.size() && text[p] == '[') {
        ++p;
        skip_spaces(text, p);
        if (p >= text.size() || (text[p] != '\'' && text[p] != '"' && text[p] != '`')) return {};
        char quote = text[p++];
        std::size_t begin = p;
        while (p < text.size() && text[p] != quote && text[p] != '\n') ++p;
        if (p >= text.size() || text[p] != quote) return {};
        std::string name(text.substr(begin, p - begin));
        ++p;
        skip_spaces(text, p);
        if (p >= text.size() || text[p] != ']') return {};
        at = p + 1;
        return name;
    }
    return {};
}

// Reads `( 'text'` at `at`: the first string argument of a call.
std::string read_first_string_arg(std::string_view text, std::size_t& at) {
    std::size_t p = at;
    skip_spaces(text, p);
    if (p >= text.size() || text[p] != '(') return {};
    ++p;
    skip_spaces(text, p);
    if (p >= text.size() || (text[p] != '\'' && text[p] != '"' && text[p] != '`')) return {};
    char quote = text[p++];
    std::size_t begin = p;
    while (p < text.size() && text[p] != quote && text[p] != '\n') ++p;
    if (p >= text.size()) return {};
    at = p + 1;
    return std::string(text.substr(begin, p - begin));
}

bool word_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.substr(at, word.size()) != word) return false;
    if (at > 0 && (ident_char(text[at - 1]) || text[at - 1] == '.')) return false;
    std::size_t end = at + word.size();
    return end >= text.size() || !ident_char(text[end]);
}

} // namespace

std::vector<N8nRef> scan_n8n_refs(std::string_view text) {
    std::vector<N8nRef> refs;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t next = text.find_first_of("$p", at);
        if (next == std::string_view::npos) break;
        at = next;
        std::size_t start = at;
        auto add = [&](N8nRefKind kind, std::string name, std::size_t end) {
            refs.push_back({kind, std::move(name), start, end - start});
            at = end;
        };
        if (text[at] == 'p') {
            if (word_at(text, at, "process")) {
                std::size_t p = at + 7;
                if (read_member(text, p) == "env") {
                    std::string name = read_member(text, p);
                    if (!name.empty()) {
                        add(N8nRefKind::process_env, std::move(name), p);
                        continue;
                    }
                }
            }
            ++at;
            continue;
        }
        if (word_at(text, at, "$env") || word_at(text, at, "$vars")) {
            bool env = text.substr(at, 4) == "$env";
            std::size_t p = at + (env ? 4 : 5);
            std::string name = read_member(text, p);
            if (!name.empty()) {
                add(env ? N8nRefKind::env : N8nRefKind::vars, std::move(name), p);
                continue;
            }
        } else if (word_at(text, at, "$secrets")) {
            std::size_t p = at + 8;
            std::string provider = read_member(text, p);
            std::string name = provider.empty() ? std::string() : read_member(text, p);
            if (!name.empty()) {
                add(N8nRefKind::secrets, provider + "." + name, p);
                continue;
            }
        } else if (word_at(text, at, "$fromAI") || word_at(text, at, "$fromAi")) {
            std::size_t p = at + 7;
            std::string key = read_first_string_arg(text, p);
            add(N8nRefKind::from_ai, std::move(key), p > at + 7 ? p : at + 7);
            continue;
        } else if (word_at(text, at, "$json") || word_at(text, at, "$input") || word_at(text, at, "$binary") ||
                   word_at(text, at, "$item")) {
            std::size_t end = at + 1;
            while (end < text.size() && ident_char(text[end])) ++end;
            add(N8nRefKind::item_data, {}, end);
            continue;
        } else if (word_at(text, at, "$node")) {
            std::size_t p = at + 5;
            std::string name = read_member(text, p);
            if (!name.empty()) {
                add(N8nRefKind::node_data, std::move(name), p);
                continue;
            }
        } else if (text.substr(at, 2) == "$(" && (at == 0 || !ident_char(text[at - 1]))) {
            std::size_t p = at + 1;
            std::string name = read_first_string_arg(text, p);
            if (!name.empty()) {
                add(N8nRefKind::node_data, std::move(name), p);
                continue;
            }
        }
        ++at;
    }
    return refs;
}

bool has_tool_placeholder(std::string_view text) {
    std::size_t open = text.find('{');
    while (open != std::string_view::npos) {
        bool double_brace = open + 1 < text.size() && text[open + 1] == '{';
        if (double_brace) {
            std::size_t close = text.find("}}", open);
            if (close == std::string_view::npos) return false;
            open = text.find('{', close + 2);
            continue;
        }
        std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) return false;
        std::string_view inside = text.substr(open + 1, close - open - 1);
        bool ident = !inside.empty();
        for (char c : inside) ident = ident && (ident_char(c) || c == '-');
        if (ident) return true;
        open = text.find('{', close + 1);
    }
    return false;
}

} // namespace handoff
