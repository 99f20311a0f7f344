#include "checks/support/code_reach.hpp"

#include <algorithm>

namespace handoff {

namespace {
bool mentions(std::string_view code, std::string_view what) { return code.find(what) != std::string_view::npos; }
} // namespace

CodeReach code_reach(std::string_view code) {
    CodeReach reach;
    if (mentions(code, "child_process") || mentions(code, "subprocess") || mentions(code, "os.system")) {
        reach.notes.emplace_back("starts processes");
        reach.severity = Severity::high;
    }
    if (mentions(code, "require(") || mentions(code, "import ")) reach.notes.emplace_back("loads modules");
    if (mentions(code, "process.env") || mentions(code, "$env") || mentions(code, "os.environ")) {
        reach.notes.emplace_back("reads the environment");
    }
    if (mentions(code, "fetch(") || mentions(code, "this.helpers.httpRequest") || mentions(code, "axios") ||
        mentions(code, "requests.") || mentions(code, "httpx")) {
        reach.notes.emplace_back("makes HTTP requests");
    }
    if (!reach.notes.empty() && reach.severity < Severity::medium) reach.severity = Severity::medium;
    return reach;
}

namespace {
bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '@' || c == '.' || c == '/' || c == ':';
}

// "fs" for "node:fs/promises", "os" for "os.path"; keeps "@scope/pkg".
std::string top_module(std::string_view name, bool python) {
    if (name.starts_with("node:")) name.remove_prefix(5);
    std::size_t cut = python ? name.find('.') : (name.starts_with("@") ? name.find('/', name.find('/') + 1)
                                                                       : name.find('/'));
    return std::string(name.substr(0, cut));
}

// Only blanks (or a `;`) between the line's start and `at`: a statement begins there.
bool word_start(std::string_view code, std::size_t at) {
    while (at > 0 && (code[at - 1] == ' ' || code[at - 1] == '\t')) --at;
    return at == 0 || code[at - 1] == '\n' || code[at - 1] == ';';
}
} // namespace

std::vector<std::string> loaded_modules(std::string_view code) {
    std::vector<std::string> out;
    auto add = [&](std::string_view name, bool python) {
        std::string m = top_module(name, python);
        if (!m.empty() && std::find(out.begin(), out.end(), m) == out.end()) out.push_back(std::move(m));
    };
    // require('x') / require("x")
    for (std::size_t at = code.find("require("); at != std::string_view::npos; at = code.find("require(", at + 1)) {
        std::size_t q = at + 8;
        while (q < code.size() && code[q] == ' ') ++q;
        if (q >= code.size() || (code[q] != '\'' && code[q] != '"' && code[q] != '`')) continue;
        std::size_t end = code.find(code[q], q + 1);
        if (end != std::string_view::npos) add(code.substr(q + 1, end - q - 1), false);
    }
    // import x[, y] / from x import y (Python); import ... from 'x' (JavaScript)
    for (std::size_t at = code.find("import "); at != std::string_view::npos; at = code.find("import ", at + 1)) {
        if (!word_start(code, at)) continue;
        std::size_t line_stop = code.find('\n', at);
        std::string_view line = code.substr(at, line_stop == std::string_view::npos ? code.size() - at : line_stop - at);
        std::size_t from = line.find(" from ");
        if (from != std::string_view::npos) {  // JavaScript
            std::size_t q = line.find_first_of("'\"", from);
            if (q == std::string_view::npos) continue;
            std::size_t end = line.find(line[q], q + 1);
            if (end != std::string_view::npos) add(line.substr(q + 1, end - q - 1), false);
            continue;
        }
        std::size_t i = 7;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == ',')) ++i;
            std::size_t start = i;
            while (i < line.size() && name_char(line[i])) ++i;
            if (i == start) break;
            add(line.substr(start, i - start), true);
            std::size_t next = line.find(',', i);
            if (next == std::string_view::npos) break;
            i = next;
        }
    }
    for (std::size_t at = code.find("from "); at != std::string_view::npos; at = code.find("from ", at + 1)) {
        if (!word_start(code, at)) continue;
        std::size_t i = at + 5, start = i;
        while (i < code.size() && name_char(code[i])) ++i;
        if (i > start && code.substr(i, 8) == " import ") add(code.substr(start, i - start), true);
    }
    return out;
}

std::string describe_reach(const CodeReach& reach) {
    std::string out;
    for (std::size_t i = 0; i < reach.notes.size(); ++i) out += (i == 0 ? "; it " : ", ") + reach.notes[i];
    return out;
}

} // namespace handoff
