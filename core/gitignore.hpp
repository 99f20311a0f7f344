#pragma once
// Enough of .gitignore semantics to tell whether git would commit a file: patterns
// relative to their file's folder, `!` negation (last match wins), trailing `/` for
// folders, leading or inner `/` anchoring, `*`, `?` and `**`.
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

class GitIgnore {
public:
    // folder: where the .gitignore lives, relative to the root ("" for the root).
    void add(std::string_view folder, std::string_view content);
    [[nodiscard]] bool ignored(std::string_view relative_path) const;
    [[nodiscard]] bool empty() const { return rules_.empty(); }

private:
    struct Rule {
        std::string folder;
        std::string pattern;
        bool negate = false;
        bool folder_only = false;
        bool anchored = false;
    };
    [[nodiscard]] static bool matches(const Rule& rule, std::string_view path);
    std::vector<Rule> rules_;
};

} // namespace handoff
