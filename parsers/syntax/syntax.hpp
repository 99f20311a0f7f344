#pragma once
// Syntax parsers: bytes in, common tree out. They never throw; every problem is a
// ParseProblem with a byte offset, and the caller turns it into a diagnostic.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/format.hpp"
#include "core/tree.hpp"

namespace handoff {

struct ParseLimits {
    std::size_t max_depth = 256;          // nesting of maps and sequences
    std::size_t max_nodes = 2'000'000;    // nodes in one tree, aliases expanded
    std::size_t max_alias_expansion = 10'000;  // nodes copied through YAML aliases
};

struct ParseProblem {
    std::uint32_t offset = 0;  // byte offset into the input
    DiagnosticKind kind = DiagnosticKind::parse_error;
    std::string message;       // must not quote scanned text at length
};

struct ParseResult {
    std::optional<Node> root;  // absent when nothing usable was parsed
    std::vector<ParseProblem> problems;
};

ParseResult parse_yaml(std::string_view bytes, const ParseLimits& limits = {});
// Accepts JSONC too: // and /* */ comments and trailing commas.
ParseResult parse_json(std::string_view bytes, const ParseLimits& limits = {});
ParseResult parse_xml(std::string_view bytes, const ParseLimits& limits = {});
ParseResult parse_toml(std::string_view bytes, const ParseLimits& limits = {});
ParseResult parse_dotenv(std::string_view bytes, const ParseLimits& limits = {});
// JSON Lines: a sequence with one item per line (null for a blank line); a last line the
// file ends inside is a "truncated record" problem.
ParseResult parse_jsonl(std::string_view bytes, const ParseLimits& limits = {});

// Dispatches on syntax; text yields no tree.
ParseResult parse(Syntax syntax, std::string_view bytes, const ParseLimits& limits = {});

} // namespace handoff
