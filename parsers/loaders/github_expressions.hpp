#pragma once
// GitHub Actions `${{ }}` expressions: where they are in a string and which
// contexts they read (secrets.X, github.event.issue.title, inputs.x, env.X, ...).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// One property chain an expression reads: `secrets.NPM_TOKEN`, `github.event.commits[0].message`.
struct ContextRead {
    // Lower-cased, dot-joined; literal indices become members, numeric and computed
    // indices become `*`: github.event.commits.*.message.
    std::string path;
    // The chain's last literal member as written (secret and variable names keep their case).
    std::string last_name;
    bool computed_index = false;  // secrets[format('{0}', x)]: the name is not known
};

struct Expression {
    std::size_t begin = 0;  // offset of "${{" in the scanned string
    std::size_t end = 0;    // offset just past "}}"
    std::string_view body;  // the text between the braces, trimmed
    std::vector<ContextRead> reads;
    std::vector<std::string> functions;  // called function names, lower-cased
};

// Every `${{ ... }}` in text, in order. An unterminated one runs to the end of text.
std::vector<Expression> find_expressions(std::string_view text);

// The contexts one expression body reads (used for `if:` values, which may omit `${{ }}`).
Expression parse_expression_body(std::string_view body);

// True when path starts with the context prefix at a member boundary:
// context_starts_with("secrets.x", "secrets") is true, ("secretsx", "secrets") is not.
bool context_starts_with(std::string_view path, std::string_view prefix);

// How much an outsider controls the value of a context read.
enum class Taint : unsigned char {
    none,
    caller,    // inputs.*, github.event.inputs.*: chosen by whoever triggers or calls the workflow
    outsider,  // issue/PR/comment titles and bodies, branch names, commit messages
};
Taint context_taint(std::string_view path);

} // namespace handoff
