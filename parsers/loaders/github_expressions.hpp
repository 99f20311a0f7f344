#pragma once
// GitHub Actions `${{ }}` expressions: where they are in a string and which
// contexts they read (secrets.X, github.event.issue.title, inputs.x, env.X, ...). The
// loader parses each value once and keeps the result in the model (model/ci.hpp).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/ci.hpp"

namespace handoff {

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

} // namespace handoff
