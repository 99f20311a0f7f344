// JSON Lines: one JSON value per line (agent transcripts, prompt histories). Each line is
// parsed on its own with the JSON parser and its spans moved to the file's offsets, so the
// cost is linear in the file whatever the lines' lengths. The root is a sequence with one
// item per line (a blank line is a null item), so node paths read [line - 1].
#include <string>

#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_problem;

constexpr std::size_t kBrokenShown = 10;

// Moves a line's tree to file offsets and counts its nodes. The depth is bounded by the
// JSON parser's max_depth.
std::size_t shift(Node& node, std::uint32_t by) {
    node.span.begin += by;
    node.span.end += by;
    if (node.key_span.end != 0) {
        node.key_span.begin += by;
        node.key_span.end += by;
    }
    std::size_t count = 1;
    for (Node& child : node.children) count += shift(child, by);
    return count;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

ParseResult parse_jsonl(std::string_view bytes, const ParseLimits& limits) {
    ParseResult result;
    Node root;
    root.kind = NodeKind::seq;
    root.span = {0, static_cast<std::uint32_t>(bytes.size())};
    std::size_t budget = limits.max_nodes;
    bool limited = false;  // a line used up the node budget and said so
    std::size_t broken = 0;  // lines that did not parse (the last one aside)
    std::size_t pos = 0;
    // A UTF-8 byte-order mark before the first record.
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    while (pos < bytes.size()) {
        std::size_t newline = bytes.find('\n', pos);
        bool last = newline == std::string_view::npos;
        std::size_t end = last ? bytes.size() : newline;
        std::string_view line = bytes.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        auto begin = static_cast<std::uint32_t>(pos);
        Node item;
        item.span = {begin, begin};
        if (!is_blank(line)) {
            ParseLimits line_limits = limits;
            line_limits.max_nodes = budget;
            ParseResult parsed = parse_json(line, line_limits);
            bool truncated = false;
            for (ParseProblem& p : parsed.problems) {
                limited = limited || (p.kind == DiagnosticKind::limit && p.message.rfind("too many nodes", 0) == 0);
                if (p.kind == DiagnosticKind::parse_error && last) {
                    // A live transcript is appended to as it is read: its last record may be cut.
                    if (!truncated) result.problems.push_back(make_problem(begin, DiagnosticKind::parse_error,
                                                           "truncated record: the file ends inside this line; "
                                                           "its text is still scanned"));
                    truncated = true;
                    continue;
                }
                // A file of broken lines says so ten times and then counts, not once per line.
                if (p.kind == DiagnosticKind::parse_error && ++broken > kBrokenShown) continue;
                p.offset += begin;
                result.problems.push_back(std::move(p));
            }
            if (parsed.root) {
                item = std::move(*parsed.root);
                std::size_t used = shift(item, begin);
                budget = used < budget ? budget - used : 0;
            }
        }
        root.children.push_back(std::move(item));
        if (budget == 0) {
            if (!limited) result.problems.push_back(make_problem(pos, DiagnosticKind::limit,
                                                   "too many nodes: later records are scanned as text only"));
            break;
        }
        if (last) break;
        pos = newline + 1;
    }
    if (broken > kBrokenShown) {
        result.problems.push_back(make_problem(0, DiagnosticKind::parse_error,
                                               std::to_string(broken - kBrokenShown) +
                                                   " more broken lines (not shown); their text is still scanned"));
    }
    result.root = std::move(root);
    return result;
}

} // namespace handoff
