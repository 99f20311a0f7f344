// The layers hold: core <- model <- parsers; checks -> model + core; reports -> core;
// fix -> the scan pipeline (cli/scan) and parsers; cli -> everything. Every source file under
// core/, model/, parsers/, checks/, reports/, fix/ and sources/ is read, and each offending line is named as file:line.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {

struct Layer {
    std::string_view dir;
    std::vector<std::string_view> may_include;  // top-level folders of quoted includes
};

const std::array<Layer, 7> kLayers{{
    {"core", {"core"}},
    {"model", {"core", "model"}},
    {"parsers", {"core", "model", "parsers"}},
    {"checks", {"core", "model", "checks"}},
    {"reports", {"core", "reports"}},
    {"fix", {"core", "model", "parsers", "cli", "fix"}},
    {"sources", {"core", "sources"}},
}};

// Small text helpers have one home, core/text.*.
constexpr std::array<std::string_view, 4> kTextHelpers{"lower", "to_lower", "trim", "contains"};

bool is_source(const fs::path& path) {
    std::string ext = path.extension().string();
    return ext == ".cpp" || ext == ".hpp" || ext == ".h" || ext == ".cc";
}

// The folder an `#include "dir/..."` line reaches into, or "" when it is not one.
std::string_view included_dir(std::string_view line) {
    std::string_view text = trim(line);
    constexpr std::string_view kInclude = "#include \"";
    if (!text.starts_with(kInclude)) return {};
    text.remove_prefix(kInclude.size());
    std::size_t slash = text.find('/');
    std::size_t quote = text.find('"');
    if (slash == std::string_view::npos || slash > quote) return {};
    return text.substr(0, slash);
}

bool type_word(std::string_view word) {
    static constexpr std::array<std::string_view, 6> kNotTypes{"return", "else", "co_return", "throw", "case", "do"};
    if (word.empty() || std::find(kNotTypes.begin(), kNotTypes.end(), word) != kNotTypes.end()) return false;
    return std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
               c == '<' || c == '>' || c == '&' || c == '*' || c == '[' || c == ']';
    });
}

// `std::string lower(std::string_view s) {`, or `auto lower = [`: a definition of a
// helper named name on this line (a declaration ends with ';').
bool defines_helper(std::string_view line, std::string_view name) {
    std::string_view text = trim(line);
    std::string lambda = std::string(name) + " = [";
    std::size_t at = text.find(lambda);
    if (at != std::string_view::npos && at > 0 && text[at - 1] == ' ') return contains(text.substr(0, at), "auto");
    std::string call = " " + std::string(name) + "(";
    at = text.find(call);
    if (at == std::string_view::npos || text.ends_with(";")) return false;
    std::string_view before = trim(text.substr(0, at));
    bool all_types = !before.empty();
    while (!before.empty() && all_types) {
        std::size_t space = before.find(' ');
        all_types = type_word(before.substr(0, space));
        before = space == std::string_view::npos ? std::string_view() : trim(before.substr(space));
    }
    return all_types;
}

bool compares_format(std::string_view line) {
    if (contains(line, "Format::")) return true;
    for (std::string_view op : {"format ==", "format !="}) {
        for (std::size_t at = line.find(op); at != std::string_view::npos; at = line.find(op, at + 1)) {
            if (at > 0 && (line[at - 1] == '.' || line[at - 1] == '>')) return true;
        }
    }
    return false;
}

struct Violations {
    std::vector<std::string> found;
};

void check_file(const fs::path& root, const fs::path& file, const Layer& layer, Violations& out) {
    std::string relative = fs::relative(file, root).generic_string();
    bool is_check = layer.dir == "checks";
    bool text_home = relative == "core/text.hpp" || relative == "core/text.cpp";
    std::ifstream in(file);
    std::size_t number = 0;
    for (std::string raw; std::getline(in, raw);) {
        ++number;
        std::string_view line = raw;
        line = line.substr(0, line.find("//"));
        std::vector<std::string> problems;
        std::string_view dir = included_dir(raw);
        if (!dir.empty() && std::find(layer.may_include.begin(), layer.may_include.end(), dir) == layer.may_include.end()) {
            problems.push_back(std::string(layer.dir) + "/ includes " + std::string(dir) + "/");
        }
        if (is_check && compares_format(line)) problems.emplace_back("a check branches on a format id");
        for (std::string_view helper : kTextHelpers) {
            if (!text_home && defines_helper(line, helper)) {
                problems.push_back("defines " + std::string(helper) + "(): use core/text.hpp");
            }
        }
        for (const std::string& problem : problems) {
            out.found.push_back(relative + ":" + std::to_string(number) + ": " + problem + ": " + std::string(trim(raw)));
        }
    }
}

Violations scan_layers() {
    Violations out;
    fs::path root = testing::source_dir();
    for (const Layer& layer : kLayers) {
        fs::path dir = root / layer.dir;
        if (!fs::exists(dir)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && is_source(entry.path())) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) check_file(root, file, layer, out);
    }
    return out;
}

} // namespace

TEST_CASE("layers: no source file reaches up, branches on a format id or copies a text helper") {
    Violations v = scan_layers();
    std::string report;
    for (const std::string& line : v.found) report += "\n  " + line;
    CHECK_MESSAGE(v.found.empty(), v.found.size() << " layer violations:" << report);
}

TEST_CASE("layers: the detector finds what it is meant to") {
    CHECK(included_dir("#include \"parsers/detect.hpp\"") == "parsers");
    CHECK(included_dir("#include <re2/re2.h>").empty());
    CHECK(defines_helper("std::string lower(std::string_view s) {", "lower"));
    CHECK(defines_helper("static inline bool contains(std::string_view a, std::string_view b) { return true; }", "contains"));
    CHECK(defines_helper("    auto trim = [](std::string_view s) {", "trim"));
    CHECK_FALSE(defines_helper("std::string lower(std::string_view text);", "lower"));
    CHECK_FALSE(defines_helper("    return lower(name) == x;", "lower"));
    CHECK_FALSE(defines_helper("    std::string name = lower(base_name(path));", "lower"));
    CHECK_FALSE(defines_helper("    if (contains(a, b)) {", "contains"));
    CHECK(compares_format("if (doc->format != Format::dotenv) {"));
    CHECK(compares_format("return doc.format == f;"));
    CHECK_FALSE(compares_format("options.report_format = x;"));
}
