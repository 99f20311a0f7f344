#include <cstring>
#include <vector>

#include <pugixml.hpp>

#include "parsers/syntax/problem.hpp"
#include "parsers/syntax/syntax.hpp"

namespace handoff {

namespace {

using syntax_detail::make_problem;
using syntax_detail::make_scalar;
using syntax_detail::span_of;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct AttributeSpans {
    Span name;
    Span value;  // quotes included
};

class TreeBuilder {
public:
    TreeBuilder(std::string_view text, const ParseLimits& limits) : s_(text), limits_(limits) {}

    std::vector<ParseProblem> problems;

    // pugixml's offset_debug() is the offset of the element's name; everything
    // else (attribute values, text ends, closing tags) is found by scanning.
    Node element(const pugi::xml_node& el, std::size_t depth) {
        std::size_t name_begin = static_cast<std::size_t>(std::max<std::ptrdiff_t>(el.offset_debug(), 0));
        std::string name = el.name();
        Span key_span = span_of(name_begin, std::min(s_.size(), name_begin + name.size()));
        std::size_t start = name_begin > 0 ? name_begin - 1 : 0;
        ++nodes_;

        std::size_t tag_end = 0;
        std::vector<AttributeSpans> attr_spans = scan_start_tag(key_span.end, tag_end);
        bool self_closing = tag_end >= 2 && s_[tag_end - 2] == '/';

        bool has_children = false;
        for (const pugi::xml_node& child : el.children()) {
            if (child.type() == pugi::node_element) has_children = true;
        }
        bool has_attributes = !el.attributes().empty();

        std::string text;
        Span text_span = span_of(tag_end, tag_end);
        bool has_text = collect_text(el, text, text_span);

        Node node;
        if (!has_children && !has_attributes) {
            node = make_scalar(std::move(text), ScalarType::string, text_span);
        } else {
            node.kind = NodeKind::map;
            std::size_t i = 0;
            for (const pugi::xml_attribute& attr : el.attributes()) {
                Node member = make_scalar(attr.value(), ScalarType::string, {});
                member.key = std::string("@") + attr.name();
                if (i < attr_spans.size()) {
                    member.key_span = attr_spans[i].name;
                    member.span = attr_spans[i].value;
                }
                ++i;
                ++nodes_;
                node.children.push_back(std::move(member));
            }
            std::size_t last_end = tag_end;
            for (const pugi::xml_node& child : el.children()) {
                if (child.type() != pugi::node_element) continue;
                if (depth + 1 >= limits_.max_depth || nodes_ >= limits_.max_nodes) {
                    report_limit(child, depth + 1 >= limits_.max_depth ? "nesting too deep" : "too many nodes");
                    break;
                }
                Node member = element(child, depth + 1);
                last_end = std::max<std::size_t>(last_end, member.span.end);
                node.children.push_back(std::move(member));
            }
            if (has_text && !text.empty()) {
                Node member = make_scalar(std::move(text), ScalarType::string, text_span);
                member.key = "#text";
                member.key_span = text_span;
                last_end = std::max<std::size_t>(last_end, text_span.end);
                node.children.push_back(std::move(member));
            }
            node.span = span_of(start, self_closing ? tag_end : closing_tag_end(name, last_end));
        }
        node.key = std::move(name);
        node.key_span = key_span;
        return node;
    }

private:
    void report_limit(const pugi::xml_node& at, const char* message) {
        if (limit_reported_) return;
        limit_reported_ = true;
        problems.push_back(make_problem(static_cast<std::size_t>(std::max<std::ptrdiff_t>(at.offset_debug(), 0)),
                                        DiagnosticKind::limit, message));
    }

    // Reads name="value" pairs up to the end of the start tag; sets tag_end to the
    // offset after its '>'.
    std::vector<AttributeSpans> scan_start_tag(std::size_t i, std::size_t& tag_end) const {
        std::vector<AttributeSpans> out;
        const std::size_t n = s_.size();
        while (i < n) {
            while (i < n && is_ws(s_[i])) ++i;
            if (i >= n) break;
            if (s_[i] == '>') {
                tag_end = i + 1;
                return out;
            }
            if (s_[i] == '/') {
                ++i;
                continue;
            }
            std::size_t name_begin = i;
            while (i < n && !is_ws(s_[i]) && s_[i] != '=' && s_[i] != '>' && s_[i] != '/') ++i;
            std::size_t name_end = i;
            while (i < n && is_ws(s_[i])) ++i;
            if (i >= n || s_[i] != '=') continue;
            ++i;
            while (i < n && is_ws(s_[i])) ++i;
            if (i >= n || (s_[i] != '"' && s_[i] != '\'')) continue;
            std::size_t close = s_.find(s_[i], i + 1);
            std::size_t value_end = close == std::string_view::npos ? n : close + 1;
            out.push_back({span_of(name_begin, name_end), span_of(i, value_end)});
            i = value_end;
        }
        tag_end = n;
        return out;
    }

    // The element's own text (PCDATA and CDATA children), trimmed, with the span
    // from the first to the last non-blank source byte.
    bool collect_text(const pugi::xml_node& el, std::string& text, Span& span) const {
        bool first = true;
        for (const pugi::xml_node& child : el.children()) {
            if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
            std::size_t begin = static_cast<std::size_t>(std::max<std::ptrdiff_t>(child.offset_debug(), 0));
            std::size_t end = child.type() == pugi::node_cdata ? s_.find("]]>", begin) : s_.find('<', begin);
            if (end == std::string_view::npos) end = s_.size();
            text += child.value();
            if (first) span.begin = static_cast<std::uint32_t>(begin);
            span.end = static_cast<std::uint32_t>(end);
            first = false;
        }
        if (first) return false;
        std::size_t lead = 0;
        while (lead < text.size() && is_ws(text[lead])) ++lead;
        std::size_t trail = text.size();
        while (trail > lead && is_ws(text[trail - 1])) --trail;
        text = text.substr(lead, trail - lead);
        while (span.begin < span.end && is_ws(s_[span.begin])) ++span.begin;
        while (span.end > span.begin && is_ws(s_[span.end - 1])) --span.end;
        return true;
    }

    std::size_t closing_tag_end(const std::string& name, std::size_t from) const {
        std::string closing = "</" + name;
        std::size_t at = s_.find(closing, from);
        if (at == std::string_view::npos) return from;
        std::size_t gt = s_.find('>', at);
        return gt == std::string_view::npos ? s_.size() : gt + 1;
    }

    std::string_view s_;
    const ParseLimits& limits_;
    std::size_t nodes_ = 0;
    bool limit_reported_ = false;
};

} // namespace

ParseResult parse_xml(std::string_view bytes, const ParseLimits& limits) {
    ParseResult result;
    pugi::xml_document doc;
    // parse_default leaves DOCTYPE alone: pugixml never expands DTD entities and
    // never fetches anything.
    pugi::xml_parse_result parsed =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        result.problems.push_back(make_problem(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)),
                                               DiagnosticKind::parse_error, parsed.description()));
    }
    // After an error pugixml keeps what it read: use that too.
    pugi::xml_node top = doc.document_element();
    if (!top) top = doc.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
    if (!top) return result;
    TreeBuilder builder(bytes, limits);
    Node root;
    root.kind = NodeKind::map;
    root.span = span_of(0, bytes.size());
    root.children.push_back(builder.element(top, 1));
    result.root = std::move(root);
    for (ParseProblem& problem : builder.problems) result.problems.push_back(std::move(problem));
    return result;
}

} // namespace handoff
