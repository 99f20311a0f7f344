#include "core/gitignore.hpp"

#include "core/glob.hpp"
#include "core/text.hpp"

namespace handoff {

void GitIgnore::add(std::string_view folder, std::string_view content) {
    for_each_line(content, [&](std::string_view line, std::size_t) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty() || line.front() == '#') return;
        Rule rule;
        rule.folder = std::string(folder);
        if (line.front() == '!') {
            rule.negate = true;
            line.remove_prefix(1);
        }
        if (!line.empty() && line.front() == '\\') line.remove_prefix(1);
        if (!line.empty() && line.back() == '/') {
            rule.folder_only = true;
            line.remove_suffix(1);
        }
        rule.anchored = line.find('/') != std::string_view::npos;
        if (!line.empty() && line.front() == '/') line.remove_prefix(1);
        if (line.empty()) return;
        rule.pattern = std::string(line);
        rules_.push_back(std::move(rule));
    });
}

bool GitIgnore::matches(const Rule& rule, std::string_view path) {
    if (!rule.folder.empty()) {
        if (path.size() <= rule.folder.size() || path.substr(0, rule.folder.size()) != rule.folder ||
            path[rule.folder.size()] != '/') {
            return false;
        }
        path.remove_prefix(rule.folder.size() + 1);
    }
    // Candidates: every ancestor folder, then (unless folder-only) the file itself.
    std::size_t slash = path.find('/');
    while (slash != std::string_view::npos) {
        std::string_view prefix = path.substr(0, slash);
        std::string_view last = prefix.substr(prefix.find_last_of('/') == std::string_view::npos
                                                  ? 0
                                                  : prefix.find_last_of('/') + 1);
        if (rule.anchored ? glob_match(rule.pattern, prefix) : glob_match(rule.pattern, last)) return true;
        slash = path.find('/', slash + 1);
    }
    if (rule.folder_only) return false;
    std::string_view base = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
    return rule.anchored ? glob_match(rule.pattern, path) : glob_match(rule.pattern, base);
}

bool GitIgnore::ignored(std::string_view relative_path) const {
    bool result = false;
    for (const Rule& rule : rules_) {
        if (matches(rule, relative_path)) result = !rule.negate;
    }
    return result;
}

} // namespace handoff
