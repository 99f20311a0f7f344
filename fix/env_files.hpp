#pragma once
// The project files `handoff fix` moves keys into: .env (the values, never committed),
// .env.example (the names, committed, each with where to create the key) and .gitignore
// (which must list .env). Existing content is kept byte for byte; new lines are appended
// in the file's own line ending.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix.hpp"

namespace handoff {

class EnvFiles {
public:
    explicit EnvFiles(std::string root_dir);

    // The name under which `value` will be stored: `wanted` when .env does not hold it yet
    // or holds the same value, else wanted_2, wanted_3... (the clash is noted). `where` says
    // where the client creates the key, for the comment in .env.example.
    std::string place(const std::string& wanted, const std::string& value, const std::string& where,
                      std::vector<std::string>& notes);

    // Whether .env holds (or will hold) a different value under `name`.
    [[nodiscard]] bool holds_other(const std::string& name, const std::string& value) const;

    // Replaces what .env.example says about a name placed in this run (once its final
    // name is known, e.g. for the n8n credential named after it).
    void redocument(const std::string& name, const std::string& where);

    // Everything placed since the last mark is forgotten by rollback(): a file whose edits
    // fail verification leaves no trace in .env.
    void mark();
    void rollback();

    // The changes to .env, .env.example and .gitignore, if any value was placed.
    void finish(std::vector<FileChange>& changes, std::vector<std::string>& notes) const;

private:
    struct File {
        std::string path;  // relative to the root
        std::string bytes;
        bool exists = false;
        [[nodiscard]] std::string_view eol() const;
    };
    static File read(const std::string& root_dir, const std::string& relative);
    static std::map<std::string, std::string> entries(const File& file);
    static std::string append_lines(const File& file, const std::vector<std::string>& lines);

    std::string root_;
    File env_;
    File example_;
    File gitignore_;
    std::map<std::string, std::string> values_;         // .env as it is, then as it will be
    std::map<std::string, std::string> example_names_;  // names .env.example already lists
    std::vector<std::pair<std::string, std::string>> added_;  // (name, value) in order
    std::vector<std::pair<std::string, std::string>> documented_;  // (name, where) for .env.example
    std::map<std::string, std::string> by_value_;  // value -> the name it is stored under
    std::map<std::string, int> next_suffix_;       // wanted name -> next _N to try
    struct Saved {
        std::map<std::string, std::string> values, example_names, by_value;
        std::size_t added = 0, documented = 0;
    } saved_;
};

// A dotenv value as written: bare when it is a plain word, else double-quoted.
std::string dotenv_value(std::string_view value);

} // namespace handoff
