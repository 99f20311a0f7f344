#include "core/shell_text.hpp"

#include <re2/re2.h>

#include <cctype>

#include "core/text.hpp"
#include "core/tree.hpp"

namespace handoff {

namespace {

bool comment(std::string_view line) {
    return line.empty() || line.front() == '#' || line.substr(0, 2) == "//" || line.substr(0, 4) == "REM " ||
           line.substr(0, 4) == "rem " || line.substr(0, 2) == "::";
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

const RE2& pipe_pattern() {
    static const RE2 re(
        R"((?i)(?:\b(?:curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?)"
        R"((?:(?:ba|z|k|da|fi)?sh\b|(?:python[0-9.]*|node|perl|ruby)(?:\s+-(?:\s|$)|\s*$|\s*[;&|])|iex\b|invoke-expression\b)))"
        R"(|(?:\b(?:ba|z|k|da)?sh\s+(?:-\S+\s+)*<\(\s*(?:curl|wget)\b))"
        R"(|(?:\b(?:(?:ba|z|da)?sh\s+-c|eval)\s+["']?\$\(\s*(?:curl|wget)\b))"
        R"(|(?:\biex\b.*(?:downloadstring|\biwr\b|\birm\b|invoke-webrequest|invoke-restmethod)))");
    return re;
}
} // namespace

std::vector<ScriptLine> script_lines(std::string_view script) {
    std::vector<ScriptLine> out;
    ScriptLine pending;
    bool continuing = false;
    std::size_t start = 0;
    while (start <= script.size()) {
        std::size_t nl = script.find('\n', start);
        if (nl == std::string_view::npos) nl = script.size();
        std::string_view raw = script.substr(start, nl - start);
        start = nl + 1;
        std::string_view line = trim(raw);
        if (!continuing) {
            if (comment(line)) {
                if (nl == script.size()) break;
                continue;
            }
            pending = ScriptLine{{}, line, static_cast<std::size_t>(raw.data() - script.data()), 0};
        } else {
            pending.text += ' ';
        }
        bool continues = !line.empty() && (line.back() == '\\' || line.back() == '`');
        if (continues) line.remove_suffix(1);
        pending.text += trim(line);
        pending.end = nl;
        continuing = continues;
        if (!continuing) out.push_back(std::move(pending));
        if (nl == script.size()) break;
    }
    if (continuing) out.push_back(std::move(pending));
    return out;
}

Span line_span(const Document& doc, const Site& script, const ScriptLine& line) {
    return span_of_text(doc.bytes(), script.span, line.first);
}

bool mentions_variable(std::string_view text, std::string_view name) {
    if (name.empty()) return false;
    std::size_t at = 0;
    while ((at = text.find(name, at)) != std::string_view::npos) {
        std::size_t end = at + name.size();
        bool ends = end == text.size() || !name_char(text[end]);
        if (ends && at > 0) {
            char before = text[at - 1];
            if (before == '$') return true;
            if (before == '{' && at >= 2 && text[at - 2] == '$') return true;
            if (before == '%' && end < text.size() && text[end] == '%') return true;
            if (before == ':' && at >= 5 && text.substr(at - 5, 5) == "$env:") return true;
        }
        at = end;
    }
    return false;
}

bool runs_downloaded_code(std::string_view line) {
    return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), pipe_pattern());
}

} // namespace handoff
