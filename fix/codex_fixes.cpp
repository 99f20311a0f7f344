#include "fix/codex_fixes.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace handoff {

namespace {

bool variable_name(std::string_view name) {
    return !name.empty() && !(name.front() >= '0' && name.front() <= '9') &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

// Only spaces, tabs and maybe a comment between `from` and the end of its line.
bool rest_of_line_blank(std::string_view bytes, std::uint32_t from) {
    std::uint32_t end = next_line(bytes, from);
    std::string_view rest = bytes.substr(from, end - from);
    std::size_t text = rest.find_first_not_of(" \t\r\n");
    return text == std::string_view::npos || rest[text] == '#';
}

bool alone_on_line(std::string_view bytes, Span member_text) {
    std::uint32_t start = line_start_of(bytes, member_text.begin);
    return bytes.substr(start, member_text.begin - start).find_first_not_of(" \t") == std::string_view::npos &&
           rest_of_line_blank(bytes, member_text.end);
}

std::string indent_of(std::string_view bytes, std::uint32_t at) {
    std::uint32_t start = line_start_of(bytes, at);
    return std::string(bytes.substr(start, at - start));
}

// A TOML basic string: the names and header names fix writes need no escapes but quotes.
std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string names_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + toml_string(n);
    return out;
}

bool inline_table(std::string_view bytes, const Node& table) {
    return !table.span.empty() && bytes[table.span.begin] == '{' && bytes[table.span.end - 1] == '}';
}

// The edits for the entries of one table of one server.
bool table_edits(std::string_view bytes, const std::vector<const CodexEnvEntry*>& group, std::string_view eol,
                 std::vector<SpanEdit>& out, std::vector<std::string>& paths) {
    const Node& server = *group.front()->server;
    const Node& table = *group.front()->table;
    const std::string& server_path = group.front()->server_path;
    std::vector<const Node*> removed;
    for (const CodexEnvEntry* e : group) {
        if (std::find(removed.begin(), removed.end(), e->entry) == removed.end()) removed.push_back(e->entry);
    }
    std::sort(removed.begin(), removed.end(), [](const Node* a, const Node* b) { return a->span.begin < b->span.begin; });

    // What names the variables: lines to add, or additions to a list or table already there.
    std::vector<std::string> lines;  // without indentation or end of line
    std::vector<std::string> forward, headers;
    std::string bearer;
    for (const CodexEnvEntry* e : group) {
        if (e->kind == CodexEnvEntry::Kind::env) {
            if (std::find(forward.begin(), forward.end(), e->variable) == forward.end()) forward.push_back(e->variable);
        } else if (e->kind == CodexEnvEntry::Kind::bearer) {
            if (!bearer.empty() && bearer != e->variable) return false;
            bearer = e->variable;
        } else {
            std::string entry = toml_string(e->entry->key) + " = " + toml_string(e->variable);
            if (std::find(headers.begin(), headers.end(), entry) == headers.end()) headers.push_back(entry);
        }
    }
    if (!forward.empty()) {
        if (const Node* env_vars = server.find("env_vars"); env_vars != nullptr) {
            if (!env_vars->is_seq() || env_vars->span.empty() || bytes[env_vars->span.end - 1] != ']') return false;
            for (const Node& listed : env_vars->children) {
                if (!listed.is_string()) return false;
                std::erase(forward, listed.value);
            }
            if (!forward.empty()) {
                std::uint32_t at = env_vars->children.empty() ? env_vars->span.end - 1 : env_vars->children.back().span.end;
                out.push_back({at, at, (env_vars->children.empty() ? "" : ", ") + names_list(forward)});
            }
        } else {
            lines.push_back("env_vars = [" + names_list(forward) + "]");
        }
        paths.push_back(child_path(server_path, "env_vars"));
    }
    if (!bearer.empty()) {
        if (server.find("bearer_token_env_var") != nullptr) return false;
        lines.push_back("bearer_token_env_var = " + toml_string(bearer));
        paths.push_back(child_path(server_path, "bearer_token_env_var"));
    }
    if (!headers.empty()) {
        std::string joined;
        for (const std::string& h : headers) joined += (joined.empty() ? "" : ", ") + h;
        if (const Node* env_headers = server.find("env_http_headers"); env_headers != nullptr) {
            if (!env_headers->is_map() || !inline_table(bytes, *env_headers)) return false;
            if (env_headers->children.empty()) {
                out.push_back({env_headers->span.begin + 1, env_headers->span.end - 1, " " + joined + " "});
            } else {
                std::uint32_t at = env_headers->children.back().span.end;
                out.push_back({at, at, ", " + joined});
            }
        } else {
            lines.push_back("env_http_headers = { " + joined + " }");
        }
        paths.push_back(child_path(server_path, "env_http_headers"));
    }
    paths.push_back(child_path(server_path, table.key));

    auto block = [&](const std::string& indent) {
        std::string text;
        for (const std::string& l : lines) text += indent + l + std::string(eol);
        return text;
    };
    bool whole = removed.size() == table.children.size();
    Span member = member_span(table);
    std::optional<std::uint32_t> new_lines_at;
    std::string indent;
    if (inline_table(bytes, table)) {
        // An inline table is one line: it goes when emptied (the new lines take its place),
        // else it is written again without the moved entries.
        if (!alone_on_line(bytes, member)) return false;
        std::uint32_t start = line_start_of(bytes, member.begin);
        std::uint32_t end = next_line(bytes, member.end);
        indent = indent_of(bytes, member.begin);
        if (whole) {
            std::string text = block(indent);
            if (!text.empty() && bytes[end - 1] != '\n') text.resize(text.size() - eol.size());  // the last line had none
            out.push_back({start, end, text});
            return true;
        }
        std::string kept;
        for (const Node& e : table.children) {
            if (std::find(removed.begin(), removed.end(), &e) != removed.end()) continue;
            Span text = member_span(e);
            kept += (kept.empty() ? "" : ", ") + std::string(bytes.substr(text.begin, text.size()));
        }
        bool spaced = table.span.size() > 2 && bytes[table.span.begin + 1] == ' ';
        out.push_back({table.span.begin, table.span.end, spaced ? "{ " + kept + " }" : "{" + kept + "}"});
        new_lines_at = end;
    } else {
        for (const Node* e : removed) {
            Span text = member_span(*e);
            if (e->key_span.empty() || !alone_on_line(bytes, text)) return false;
            out.push_back({line_start_of(bytes, text.begin), next_line(bytes, text.end), ""});
        }
        // The new lines follow the server's last value above its [mcp_servers.x.<table>].
        const Node* last = nullptr;
        std::uint32_t table_begin = table.children.empty() ? table.span.begin : table.children.front().key_span.begin;
        for (const Node& c : server.children) {
            bool value = c.is_scalar() || c.is_seq() || (c.is_map() && inline_table(bytes, c));
            if (&c == &table || !value || c.span.empty() || c.span.end > table_begin) continue;
            if (last == nullptr || c.span.end > last->span.end) last = &c;
        }
        if (lines.empty()) return true;
        if (last == nullptr) return false;
        Span text = member_span(*last);
        if (!alone_on_line(bytes, text)) return false;
        new_lines_at = next_line(bytes, text.end);
        indent = indent_of(bytes, text.begin);
    }
    if (lines.empty()) return true;
    std::string text = block(indent);
    if (*new_lines_at == bytes.size() && !bytes.empty() && bytes.back() != '\n') {
        text = std::string(eol) + text.substr(0, text.size() - eol.size());
    }
    out.push_back({*new_lines_at, *new_lines_at, text});
    return true;
}

} // namespace

std::optional<CodexEnvEntry> codex_env_entry(const Node& scalar, const std::vector<const Node*>& chain, std::string_view key) {
    if (!scalar.is_string() || chain.size() != 4 || !chain[1]->is_map() || chain[1]->key != "mcp_servers" ||
        !chain[2]->is_map() || !chain[3]->is_map()) {
        return std::nullopt;
    }
    CodexEnvEntry out;
    out.server = chain[2];
    out.table = chain[3];
    out.entry = &scalar;
    out.server_path = child_path(child_path("", "mcp_servers"), chain[2]->key);
    if (chain[3]->key == "env") {
        if (scalar.value != key || !variable_name(scalar.key)) return std::nullopt;
        out.kind = CodexEnvEntry::Kind::env;
        out.variable = scalar.key;
        return out;
    }
    if (chain[3]->key != "http_headers" || scalar.key.empty()) return std::nullopt;
    if (scalar.value == key && !iequals(scalar.key, "authorization")) {
        out.kind = CodexEnvEntry::Kind::header;
        return out;
    }
    std::string_view value = scalar.value;
    if (iequals(scalar.key, "authorization") && value.size() == key.size() + 7 && iequals(value.substr(0, 7), "bearer ") &&
        value.substr(7) == key) {
        out.kind = CodexEnvEntry::Kind::bearer;
        return out;
    }
    return std::nullopt;
}

bool codex_forward_edits(std::string_view bytes, const std::vector<CodexEnvEntry>& entries, std::vector<SpanEdit>& edits,
                         std::vector<std::string>& paths) {
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::map<std::pair<const Node*, const Node*>, std::vector<const CodexEnvEntry*>> tables;
    for (const CodexEnvEntry& e : entries) tables[{e.server, e.table}].push_back(&e);
    std::vector<SpanEdit> out;
    std::vector<std::string> out_paths;
    for (const auto& entry : tables) {
        if (!table_edits(bytes, entry.second, eol, out, out_paths)) return false;
    }
    edits.insert(edits.end(), out.begin(), out.end());
    paths.insert(paths.end(), out_paths.begin(), out_paths.end());
    return true;
}

} // namespace handoff
