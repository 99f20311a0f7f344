#include "fix/codex_fixes.hpp"

#include <algorithm>
#include <map>

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

std::string names_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "\"" : ", \"") + n + "\"";
    return out;
}

struct ServerWork {
    const CodexEnvEntry* first = nullptr;
    std::vector<const Node*> removed;  // env entries, in file order
};

bool server_edits(std::string_view bytes, const ServerWork& work, std::string_view eol, std::vector<SpanEdit>& out) {
    const Node& server = *work.first->server;
    const Node& env = *work.first->env;
    std::vector<std::string> forward;
    for (const Node* e : work.removed) forward.push_back(e->key);

    const Node* env_vars = server.find("env_vars");
    if (env_vars != nullptr) {
        if (!env_vars->is_seq() || env_vars->span.empty() || bytes[env_vars->span.end - 1] != ']') return false;
        for (const Node& listed : env_vars->children) {
            if (!listed.is_string()) return false;
            std::erase(forward, listed.value);
        }
    }
    bool inline_env = !env.span.empty() && bytes[env.span.begin] == '{';
    bool whole_env = work.removed.size() == env.children.size();
    Span env_member = member_span(env);
    // The env_vars line replaces an inline env it empties; else it follows env's line, or the
    // server's last value above a [mcp_servers.x.env] table.
    std::optional<std::uint32_t> new_line_at;
    std::string indent;
    if (inline_env) {
        if (bytes[env.span.end - 1] != '}' || !alone_on_line(bytes, env_member)) return false;
        std::uint32_t start = line_start_of(bytes, env_member.begin);
        std::uint32_t end = next_line(bytes, env_member.end);
        indent = indent_of(bytes, env_member.begin);
        if (whole_env) {
            std::string line;
            if (env_vars == nullptr && !forward.empty()) {
                line = indent + "env_vars = [" + names_list(forward) + "]";
                if (bytes[end - 1] == '\n') line += eol;  // the last line may have no end of line
                forward.clear();
            }
            out.push_back({start, end, line});
        } else {
            // An inline table is one line: write it again without the moved entries.
            std::string kept;
            for (const Node& e : env.children) {
                if (std::find(work.removed.begin(), work.removed.end(), &e) != work.removed.end()) continue;
                Span text = member_span(e);
                kept += (kept.empty() ? "" : ", ") + std::string(bytes.substr(text.begin, text.size()));
            }
            bool spaced = env.span.size() > 2 && bytes[env.span.begin + 1] == ' ';
            out.push_back({env.span.begin, env.span.end, spaced ? "{ " + kept + " }" : "{" + kept + "}"});
            new_line_at = end;
        }
    } else {
        for (const Node* e : work.removed) {
            Span text = member_span(*e);
            if (e->key_span.empty() || !alone_on_line(bytes, text)) return false;
            out.push_back({line_start_of(bytes, text.begin), next_line(bytes, text.end), ""});
        }
        const Node* last = nullptr;
        std::uint32_t env_begin = env.children.empty() ? env.span.begin : env.children.front().key_span.begin;
        for (const Node& c : server.children) {
            bool value = c.is_scalar() || c.is_seq() || (c.is_map() && !c.span.empty() && bytes[c.span.begin] == '{');
            if (&c == &env || !value || c.span.empty() || c.span.end > env_begin) continue;
            if (last == nullptr || c.span.end > last->span.end) last = &c;
        }
        if (last == nullptr) return false;
        Span text = member_span(*last);
        if (!alone_on_line(bytes, text)) return false;
        new_line_at = next_line(bytes, text.end);
        indent = indent_of(bytes, text.begin);
    }
    if (forward.empty()) return true;
    if (env_vars != nullptr) {
        std::uint32_t at = env_vars->children.empty() ? env_vars->span.end - 1 : env_vars->children.back().span.end;
        out.push_back({at, at, (env_vars->children.empty() ? "" : ", ") + names_list(forward)});
        return true;
    }
    if (!new_line_at) return false;
    std::string line = indent + "env_vars = [" + names_list(forward) + "]" + std::string(eol);
    if (*new_line_at == bytes.size() && !bytes.empty() && bytes.back() != '\n') line = std::string(eol) + line;
    out.push_back({*new_line_at, *new_line_at, line});
    return true;
}

} // namespace

std::optional<CodexEnvEntry> codex_env_entry(const Node& scalar, const std::vector<const Node*>& chain) {
    if (!scalar.is_string() || chain.size() != 4 || !chain[1]->is_map() || chain[1]->key != "mcp_servers" ||
        !chain[2]->is_map() || chain[3]->key != "env" || !chain[3]->is_map() || !variable_name(scalar.key)) {
        return std::nullopt;
    }
    CodexEnvEntry out;
    out.server = chain[2];
    out.env = chain[3];
    out.entry = &scalar;
    out.server_path = child_path(child_path("", "mcp_servers"), chain[2]->key);
    return out;
}

bool codex_forward_edits(std::string_view bytes, const std::vector<CodexEnvEntry>& entries, std::vector<SpanEdit>& edits,
                         std::vector<std::string>& paths) {
    std::string_view eol = bytes.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    std::map<const Node*, ServerWork> servers;
    for (const CodexEnvEntry& e : entries) {
        ServerWork& work = servers[e.server];
        if (work.first == nullptr) work.first = &e;
        if (work.first->env != e.env) return false;
        if (std::find(work.removed.begin(), work.removed.end(), e.entry) == work.removed.end()) work.removed.push_back(e.entry);
    }
    std::vector<SpanEdit> out;
    for (auto& entry : servers) {
        ServerWork& work = entry.second;
        std::sort(work.removed.begin(), work.removed.end(),
                  [](const Node* a, const Node* b) { return a->span.begin < b->span.begin; });
        if (!server_edits(bytes, work, eol, out)) return false;
        paths.push_back(child_path(work.first->server_path, "env"));
        paths.push_back(child_path(work.first->server_path, "env_vars"));
    }
    edits.insert(edits.end(), out.begin(), out.end());
    return true;
}

} // namespace handoff
