#include <streambuf>
#include <istream>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_problem;
using syntax_detail::make_scalar;
using syntax_detail::span_of;

// Lets yaml-cpp read the bytes without copying them.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view text) {
        char* p = const_cast<char*>(text.data());  // read-only: the get area is never written
        setg(p, p, p + text.size());
    }
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

std::size_t count_non_ws(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += is_ws(c) ? 0 : 1;
    return n;
}

// yaml-cpp's own parser guards its recursion at depth 2000, but the flow scanner's
// bookkeeping still grows with depth; refuse absurd flow nesting before parsing.
// Counts brackets outside quotes and comments; returns the offset where the depth
// first exceeds the limit, or npos.
std::size_t flow_depth_exceeded(std::string_view s, std::size_t limit) {
    std::size_t depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '#' && (i == 0 || is_ws(s[i - 1]))) {
            while (i < s.size() && s[i] != '\n') ++i;
        } else if (c == '"' && depth > 0) {
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\') ++i;
            }
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

std::size_t count_nodes(const Node& node) {
    std::size_t n = 1;
    for (const Node& child : node.children) n += count_nodes(child);
    return n;
}

ScalarType resolve_plain(std::string_view v) {
    if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE") {
        return ScalarType::boolean;
    }
    if (v == ".inf" || v == "-.inf" || v == "+.inf" || v == ".nan" || v == ".Inf" || v == ".NaN" || v == ".INF") {
        return ScalarType::number;
    }
    std::string_view d = v;
    if (!d.empty() && (d.front() == '-' || d.front() == '+')) d.remove_prefix(1);
    if (d.empty()) return ScalarType::string;
    if (d.size() > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'o')) {
        bool hex = d[1] == 'x';
        for (char c : d.substr(2)) {
            bool ok = (c >= '0' && c <= '7') || (hex && std::isxdigit(static_cast<unsigned char>(c)) != 0);
            if (!ok) return ScalarType::string;
        }
        return ScalarType::number;
    }
    bool digits = false;
    bool dot = false;
    bool exp = false;
    for (std::size_t i = 0; i < d.size(); ++i) {
        char c = d[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot && !exp) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digits && !exp) {
            exp = true;
            digits = false;
            if (i + 1 < d.size() && (d[i + 1] == '+' || d[i + 1] == '-')) ++i;
        } else {
            return ScalarType::string;
        }
    }
    return digits ? ScalarType::number : ScalarType::string;
}

ScalarType scalar_type(const std::string& tag, std::string_view value) {
    if (tag == "?") return resolve_plain(value);
    constexpr std::string_view core = "tag:yaml.org,2002:";
    if (tag.rfind(core, 0) == 0) {
        std::string_view name = std::string_view(tag).substr(core.size());
        if (name == "int" || name == "float") return ScalarType::number;
        if (name == "bool") return ScalarType::boolean;
        if (name == "null") return ScalarType::null;
    }
    return ScalarType::string;
}

// Builds the tree from yaml-cpp's parse events, which (unlike YAML::Node) say where
// each alias is and whether a scalar was quoted. yaml-cpp only gives the start of
// each node; ends are found by scanning the source from there.
// Thrown to stop yaml-cpp when its events outnumber what the input can hold: on some
// malformed input yaml-cpp 0.7 emits events without end (found by fuzzing).
struct RunawayParser {};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, std::size_t shift, const ParseLimits& limits)
        : s_(text), shift_(shift), limits_(limits) {}

    std::vector<Node> documents;
    std::vector<ParseProblem> problems;

    void OnDocumentStart(const YAML::Mark& /*mark*/) override { count_event(); }
    void OnDocumentEnd() override {
        if (doc_root_) documents.push_back(std::move(*doc_root_));
        doc_root_.reset();
    }

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        count_event();
        if (skipping()) return;
        std::size_t p = after_properties(pos(mark));
        std::size_t end = p;
        for (std::string_view word : {"~", "null", "Null", "NULL"}) {
            if (s_.substr(p, word.size()) == word &&
                (p + word.size() >= s_.size() || is_ws(s_[p + word.size()]) || is_flow_indicator(s_[p + word.size()]))) {
                end = p + word.size();
            }
        }
        Node node = make_scalar("", ScalarType::null, span_of(p, end));
        node.kind = NodeKind::scalar;
        complete(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        count_event();
        if (skipping()) return;
        std::size_t p = pos(mark);
        std::size_t end = p + 1;
        while (end < s_.size() && !is_ws(s_[end]) && !is_flow_indicator(s_[end])) ++end;
        Span span = span_of(p, end);

        auto found = anchors_.find(anchor);
        if (found == anchors_.end()) {
            complete(make_scalar("", ScalarType::null, span), 0);
            return;
        }
        std::size_t size = found->second.nodes;
        if (expanded_ + size > limits_.max_alias_expansion || nodes_ + size > limits_.max_nodes) {
            if (!alias_limit_reported_) {
                problems.push_back(make_problem(p, DiagnosticKind::limit, "YAML alias expansion limit reached"));
                alias_limit_reported_ = true;
            }
            complete(make_scalar("", ScalarType::null, span), 0);
            return;
        }
        expanded_ += size;
        nodes_ += size - 1;  // complete() counts the copy's root
        Node copy = found->second.node;
        copy.span = span;
        complete(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        count_event();
        if (skipping()) return;
        std::size_t p = after_properties(pos(mark));
        Span span = span_of(p, scalar_end(p, value));
        complete(make_scalar(value, scalar_type(tag, value), span), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value /*style*/) override {
        open(mark, NodeKind::seq, anchor);
    }
    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value /*style*/) override {
        open(mark, NodeKind::map, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        Node node;
        YAML::anchor_t anchor = 0;
        std::optional<Node> key;  // a map's key waiting for its value
    };
    struct Anchored {
        Node node;
        std::size_t nodes = 0;
    };

    std::size_t pos(const YAML::Mark& mark) const {
        return std::min(s_.size(), static_cast<std::size_t>(std::max(mark.pos, 0)) + shift_);
    }
    bool skipping() const { return skip_depth_ > 0; }

    // Marks of nodes with an anchor or tag point at those; the value comes after.
    std::size_t after_properties(std::size_t p) const {
        while (p < s_.size()) {
            char c = s_[p];
            if (is_ws(c)) {
                ++p;
            } else if (c == '&' || c == '!') {
                while (p < s_.size() && !is_ws(s_[p])) ++p;
            } else if (c == '#' && p > 0 && is_ws(s_[p - 1])) {
                while (p < s_.size() && s_[p] != '\n') ++p;
            } else {
                break;
            }
        }
        return p;
    }

    std::size_t quoted_end(std::size_t p) const {
        char q = s_[p];
        for (std::size_t i = p + 1; i < s_.size(); ++i) {
            if (q == '"' && s_[i] == '\\') {
                ++i;
            } else if (s_[i] == q) {
                if (q == '\'' && i + 1 < s_.size() && s_[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return s_.size();
    }

    // Plain and block scalars have no escapes: their decoded value holds the same
    // non-blank characters as the source, so the end is after the last of them.
    std::size_t scalar_end(std::size_t p, std::string_view value) const {
        if (p >= s_.size()) return p;
        char c = s_[p];
        if (c == '"' || c == '\'') return quoted_end(p);
        std::size_t i = p;
        std::size_t end = p;
        if (c == '|' || c == '>') {
            while (i < s_.size() && s_[i] != '\n') ++i;  // the header and its comment
            end = i;
            while (end > p && is_ws(s_[end - 1])) --end;
            if (std::size_t hash = s_.substr(p, end - p).find(" #"); hash != std::string_view::npos) end = p + hash;
        }
        std::size_t wanted = count_non_ws(value);
        for (std::size_t seen = 0; i < s_.size() && seen < wanted; ++i) {
            if (!is_ws(s_[i])) {
                ++seen;
                end = i + 1;
            }
        }
        return end;
    }

    // Every node, alias and document start takes at least one byte of input.
    void count_event() {
        if (++events_ > s_.size() + 16) {
            problems.push_back(make_problem(s_.size(), DiagnosticKind::limit, "parser produced more nodes than the input holds; stopped"));
            throw RunawayParser{};
        }
    }

    void open(const YAML::Mark& mark, NodeKind kind, YAML::anchor_t anchor) {
        count_event();
        if (skipping() || stack_.size() >= limits_.max_depth) {
            if (skip_depth_++ == 0) {
                problems.push_back(make_problem(pos(mark), DiagnosticKind::limit, "nesting too deep"));
                skip_start_ = pos(mark);
            }
            return;
        }
        Frame frame;
        frame.node.kind = kind;
        std::size_t p = after_properties(pos(mark));
        frame.node.span = span_of(p, p);
        frame.anchor = anchor;
        stack_.push_back(std::move(frame));
    }

    void close() {
        if (skipping()) {
            if (--skip_depth_ == 0) {
                complete(make_scalar("", ScalarType::null, span_of(skip_start_, skip_start_)), 0);
            }
            return;
        }
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        Node& node = frame.node;
        std::size_t end = node.span.end;
        for (const Node& child : node.children) {
            end = std::max<std::size_t>({end, child.span.end, child.key_span.end});
        }
        std::size_t open_at = node.span.begin;
        if (open_at < s_.size() && (s_[open_at] == '[' || s_[open_at] == '{')) {
            // A flow collection: the closing bracket follows the last item.
            std::size_t i = std::max(end, open_at + 1);
            while (i < s_.size() && (is_ws(s_[i]) || s_[i] == ',' || s_[i] == '#')) {
                if (s_[i] == '#') {
                    while (i < s_.size() && s_[i] != '\n') ++i;
                } else {
                    ++i;
                }
            }
            if (i < s_.size() && (s_[i] == ']' || s_[i] == '}')) end = i + 1;
        }
        node.span.end = static_cast<std::uint32_t>(end);
        complete(std::move(node), frame.anchor);
    }

    // A node is finished: remember it under its anchor and hang it in its parent.
    void complete(Node node, YAML::anchor_t anchor) {
        if (nodes_ >= limits_.max_nodes) {
            if (!node_limit_reported_) {
                problems.push_back(make_problem(node.span.begin, DiagnosticKind::limit, "too many nodes"));
                node_limit_reported_ = true;
            }
            node = make_scalar("", ScalarType::null, span_of(node.span.begin, node.span.begin));
        }
        ++nodes_;
        if (anchor != 0) anchors_[anchor] = Anchored{node, count_nodes(node)};
        if (stack_.empty()) {
            doc_root_ = std::move(node);
            return;
        }
        Frame& parent = stack_.back();
        if (!parent.node.is_map()) {
            parent.node.children.push_back(std::move(node));
        } else if (!parent.key) {
            parent.key = std::move(node);
        } else {
            Node& key = *parent.key;
            node.key = key.is_scalar() ? key.value : std::string();
            node.key_span = key.span;
            if (node.span.empty() && node.type == ScalarType::null && node.is_scalar()) {
                // An empty value: place it just after the key's colon.
                std::size_t after = key.span.end;
                while (after < s_.size() && (s_[after] == ' ' || s_[after] == '\t')) ++after;
                if (after < s_.size() && s_[after] == ':') ++after;
                node.span = span_of(after, after);
            }
            parent.key.reset();
            parent.node.children.push_back(std::move(node));
        }
    }

    std::string_view s_;
    std::size_t shift_;
    const ParseLimits& limits_;
    std::vector<Frame> stack_;
    std::optional<Node> doc_root_;
    std::unordered_map<YAML::anchor_t, Anchored> anchors_;
    std::size_t nodes_ = 0;
    std::size_t expanded_ = 0;
    std::size_t skip_depth_ = 0;
    std::size_t skip_start_ = 0;
    bool alias_limit_reported_ = false;
    bool node_limit_reported_ = false;
    std::size_t events_ = 0;
};

} // namespace

ParseResult parse_yaml(std::string_view bytes, const ParseLimits& limits) {
    ParseResult result;
    if (std::size_t at = flow_depth_exceeded(bytes, limits.max_depth); at != std::string_view::npos) {
        result.problems.push_back(make_problem(at, DiagnosticKind::limit, "nesting too deep"));
        return result;
    }
    // yaml-cpp drops a UTF-8 byte order mark and counts positions after it.
    std::size_t shift = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    TreeBuilder builder(bytes, shift, limits);
    ViewBuffer buffer(bytes);
    std::istream in(&buffer);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const RunawayParser&) {
        builder.documents.clear();  // what was built may be garbage
    } catch (const YAML::Exception& e) {
        std::size_t at = std::min(bytes.size(), static_cast<std::size_t>(std::max(e.mark.pos, 0)) + shift);
        builder.problems.push_back(make_problem(at, DiagnosticKind::parse_error, e.msg));
    } catch (const std::exception& e) {
        builder.problems.push_back(make_problem(0, DiagnosticKind::parse_error, e.what()));
    }
    result.problems = std::move(builder.problems);
    if (builder.documents.size() == 1) {
        result.root = std::move(builder.documents.front());
    } else if (builder.documents.size() > 1) {
        Node root;
        root.kind = NodeKind::seq;
        root.span = span_of(0, bytes.size());
        root.children = std::move(builder.documents);
        result.root = std::move(root);
    }
    return result;
}

} // namespace handoff
