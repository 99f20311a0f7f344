// Embedded tokens: provider rules (prefix, shape, checksum, JWT claims) over every file's
// bytes in one pass, and the context-aware generic rule over values under secret-like
// names, taken from the tree where the file has one and from KEY=value lines otherwise.
#include <algorithm>
#include <unordered_map>

#include "checks/registry.hpp"
#include "checks/tokens/catalog.hpp"
#include "checks/tokens/engine.hpp"
#include "core/redact.hpp"
#include "model/dotenv.hpp"

namespace handoff {
namespace {

using tokens::Engine;
using tokens::TokenMatch;

// Where a decoded value's text sits in the file: searched within the node's source span,
// else the whole span (escapes changed the text).
Span locate_in(std::string_view bytes, Span node_span, std::string_view needle) {
    if (node_span.end > bytes.size() || node_span.empty() || needle.empty()) return node_span;
    std::string_view raw = bytes.substr(node_span.begin, node_span.size());
    std::size_t at = raw.find(needle);
    if (at == std::string_view::npos) return node_span;
    return {static_cast<std::uint32_t>(node_span.begin + at), static_cast<std::uint32_t>(node_span.begin + at + needle.size())};
}

bool worth_line_scan(std::string_view value) {
    return value.find_first_of(" \t\n=:") != std::string_view::npos;
}

// XML attributes arrive as "@key": the same member names.
std::string_view member_name(std::string_view key) {
    if (!key.empty() && key.front() == '@') key.remove_prefix(1);
    return key;
}

bool is_pair_member(std::string_view key) {
    key = member_name(key);
    return key == "key" || key == "name" || key == "value" || key == "header" || key == "content" || key == "Key" ||
           key == "Name" || key == "Value";
}

// {name: X, value: Y} pairs (n8n header parameters, Postman, Make, NuGet <add key value>):
// the value's key is X.
std::string_view pair_name(const Node& map) {
    for (std::string_view k : {"name", "key", "header", "@name", "@key"}) {
        if (const Node* n = map.find(k); n != nullptr && n->is_scalar() && !n->value.empty()) return n->value;
    }
    return {};
}

// Schema and example wrappers around a value: the key name that says what it is sits
// above them (properties.api_key.default, properties.token.examples[0]).
bool is_schema_wrapper(std::string_view key) {
    return key == "default" || key == "example" || key == "examples" || key == "const" || key == "enum" ||
           key == "schema" || key == "items" || key == "x-example";
}

// The innermost key on the path that is not a schema wrapper.
std::string_view key_above_wrappers(const NodePath& path) {
    const auto& steps = path.steps();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        const auto* key = std::get_if<std::string_view>(&*it);
        if (key != nullptr && !is_schema_wrapper(*key)) return *key;
    }
    return {};
}

// A command-line flag that names the next argument: --api-key, --token, -p.
std::string_view flag_name(const Node& item) {
    if (!item.is_string() || item.value.size() < 2 || item.value.front() != '-') return {};
    std::string_view flag = item.value;
    if (flag.find('=') != std::string_view::npos || flag.find(' ') != std::string_view::npos) return {};
    while (!flag.empty() && flag.front() == '-') flag.remove_prefix(1);
    return flag;
}

// URL query parameters that carry the key itself (?key=, ?api_key=, ?token=): judged under the
// name a bare "key" stands for in a URL.
void judge_url_query(const Engine& engine, std::string_view value, std::vector<TokenMatch>& out) {
    std::size_t scheme = value.find("://");
    std::size_t q = scheme == std::string_view::npos ? std::string_view::npos : value.find('?', scheme);
    while (q != std::string_view::npos && q + 1 < value.size()) {
        std::size_t from = q + 1;
        std::size_t end = value.find_first_of("&#", from);
        std::string_view param = value.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
        std::size_t eq = param.find('=');
        if (eq != std::string_view::npos && eq + 1 < param.size()) {
            std::string_view name = param.substr(0, eq);
            std::string_view v = param.substr(eq + 1);
            auto begin = static_cast<std::uint32_t>(from + eq + 1);
            engine.judge_keyed(name == "key" ? std::string_view("api_key") : name, value, v,
                               {begin, static_cast<std::uint32_t>(begin + v.size())}, out);
        }
        q = end != std::string_view::npos && value[end] == '&' ? end : std::string_view::npos;
    }
}

// Whether a secret-like word was seen inside [span.begin, span.end) (offsets sorted).
bool has_context_word(const std::vector<std::uint32_t>& offsets, Span span) {
    auto it = std::lower_bound(offsets.begin(), offsets.end(), span.begin);
    return it != offsets.end() && *it < span.end;
}

void scan_tree(const Document& doc, const std::vector<std::uint32_t>& context_offsets, std::vector<TokenMatch>& out) {
    const Engine& engine = Engine::instance();
    std::string_view bytes = doc.bytes();
    std::unordered_map<const Node*, std::string_view> pair_keys;
    walk(*doc.tree, [&](const Node& node, const NodePath& path) {
        if (node.is_map()) {
            std::string_view name = pair_name(node);
            if (!name.empty()) {
                // OpenAPI parameters: {name: api_key, example: ..., schema: {default: ...}}.
                for (std::string_view k : {"value", "content", "@value", "default", "example"}) {
                    if (const Node* v = node.find(k)) pair_keys.emplace(v, name);
                }
                if (const Node* schema = node.find("schema"); schema != nullptr && schema->is_map()) {
                    for (std::string_view k : {"default", "example"}) {
                        if (const Node* v = schema->find(k)) pair_keys.emplace(v, name);
                    }
                }
            }
            return true;
        }
        if (node.is_seq()) {
            // Command lines as argument lists: ["--api-key", "<value>"].
            for (std::size_t i = 1; i < node.children.size(); ++i) {
                std::string_view flag = flag_name(node.children[i - 1]);
                if (!flag.empty() && flag_name(node.children[i]).empty()) pair_keys.emplace(&node.children[i], flag);
            }
            return true;
        }
        if (!node.is_string() || node.value.size() < 8) return true;
        std::string_view key = path.last_key();
        if (is_schema_wrapper(key)) key = key_above_wrappers(path);
        if (auto it = pair_keys.find(&node); it != pair_keys.end()) key = it->second;
        std::string_view value = node.value;
        std::vector<TokenMatch> found;
        // The member names of {key: X, value: Y} pairs are structure, not key names.
        if (!is_pair_member(key)) engine.judge_keyed(key, key, value, {0, static_cast<std::uint32_t>(value.size())}, found);
        // Pairs inside the value (a run: script, code in a node, KEY=value in a list): only
        // where the raw pass saw a secret-like word within the value's bytes.
        if (worth_line_scan(value) && has_context_word(context_offsets, node.span)) engine.scan(value, true, found);
        judge_url_query(engine, value, found);
        for (TokenMatch& m : found) {
            std::string_view text = value.substr(m.span.begin, m.span.size());
            m.span = locate_in(bytes, node.span, text);
            out.push_back(std::move(m));
        }
        return true;
    });
}

std::string message_for(const RuleInfo& rule, const TokenMatch& m) {
    std::string msg(rule.title);
    msg += " (";
    msg += m.kind;
    if (!m.note.empty()) {
        msg += ", ";
        msg += m.note;
    }
    msg += ") is written in plain text";
    if (!m.power.empty()) {
        msg += ": ";
        msg += m.power;
    }
    if (!msg.ends_with('.')) msg += '.';  // a rule's summary, used as the power, ends with one already
    return msg;
}

class EmbeddedToken final : public Check {
public:
    const std::vector<RuleInfo>& rules() const override {
        static const std::vector<RuleInfo> rules(tokens::token_rules().begin(), tokens::token_rules().end());
        return rules;
    }

    void check_file(const Document& doc, FindingSink& sink) const override {
        const Engine& engine = Engine::instance();
        std::vector<TokenMatch> matches;
        bool has_tree = doc.tree.has_value();
        std::vector<std::uint32_t> context_offsets;
        engine.scan(doc.bytes(), !has_tree, matches, has_tree ? &context_offsets : nullptr);
        if (has_tree) scan_tree(doc, context_offsets, matches);
        // A local service's default login is noise in CI service containers and compose
        // files; in a committed .env it is a literal where only a reference belongs.
        const auto* dotenv = doc.model_as<DotenvFile>();
        if (dotenv == nullptr || dotenv->is_template) {
            std::erase_if(matches, [](const TokenMatch& m) { return m.local_default; });
        }
        Engine::resolve_overlaps(matches);
        std::vector<std::string> node_paths;
        if (has_tree) {
            std::vector<std::uint32_t> offsets;
            for (const TokenMatch& m : matches) offsets.push_back(m.span.begin);
            node_paths = paths_at(*doc.tree, offsets);
        }
        for (std::size_t i = 0; i < matches.size(); ++i) {
            const TokenMatch& m = matches[i];
            const RuleInfo* rule = tokens::token_rule(m.rule);
            if (rule == nullptr) continue;
            Hit hit;
            hit.span = m.span;
            if (has_tree) hit.node_path = std::move(node_paths[i]);
            hit.message = message_for(*rule, m);
            hit.evidence = std::string(rule->title) + ", " + std::string(m.kind) + ": " + redact(m.value);
            hit.identity = m.value;
            hit.severity = m.severity;
            hit.confidence = m.confidence;
            sink.report(doc, *rule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_embedded_token() { return std::make_unique<EmbeddedToken>(); }

} // namespace handoff
