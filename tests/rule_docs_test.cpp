// Docs cannot drift from the registry: every docs/rules/<id>.md opens with
//   # <id>: <title>
//   Family: <family> · Default severity: <severity>[ (...)] · Confidence: <confidence>[ (...)]
// and those values are the rule's metadata. scripts/new-check.sh writes pages (and
// checks, fixtures, registry entries) in that shape.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <vector>

#include "checks/registry.hpp"
#include "core/rule_docs.hpp"
#include "core/text.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {

struct DocHeader {
    std::string title;
    std::string family;
    std::string severity;
    std::string confidence;
};

// The first word after "<label>: " in a " · "-separated part of the second line.
std::string field(std::string_view part, std::string_view label) {
    std::string prefix = std::string(label) + ": ";
    if (!part.starts_with(prefix)) return {};
    part.remove_prefix(prefix.size());
    return std::string(part.substr(0, part.find(' ')));
}

std::optional<DocHeader> read_header(std::string_view id, std::string_view page) {
    std::size_t first_end = page.find('\n');
    if (first_end == std::string_view::npos) return std::nullopt;
    std::string_view first = page.substr(0, first_end);
    std::string_view second = page.substr(first_end + 1);
    second = second.substr(0, second.find('\n'));
    std::string heading = "# " + std::string(id) + ": ";
    if (!first.starts_with(heading)) return std::nullopt;
    DocHeader h;
    h.title = std::string(first.substr(heading.size()));
    std::vector<std::string_view> parts;
    constexpr std::string_view kSeparator = " · ";
    for (std::size_t at = 0;;) {
        std::size_t next = second.find(kSeparator, at);
        parts.push_back(second.substr(at, next == std::string_view::npos ? next : next - at));
        if (next == std::string_view::npos) break;
        at = next + kSeparator.size();
    }
    if (parts.size() != 3) return std::nullopt;
    h.family = field(parts[0], "Family");
    h.severity = field(parts[1], "Default severity");
    h.confidence = field(parts[2], "Confidence");
    return h;
}

// Every mismatch between a page's header and the rule, as "id: what differs".
std::vector<std::string> header_mismatches(const RuleInfo& rule, std::string_view page) {
    std::string id(rule.id);
    std::optional<DocHeader> h = read_header(rule.id, page);
    if (!h) return {id + ": the page does not open with '# " + id + ": <title>' and 'Family: ... · Default severity: ... · Confidence: ...'"};
    std::vector<std::string> out;
    auto compare = [&](std::string_view what, std::string_view page_value, std::string_view rule_value) {
        if (page_value != rule_value) {
            out.push_back(id + ": " + std::string(what) + " is '" + std::string(page_value) + "' in the page, '" +
                          std::string(rule_value) + "' in the registry");
        }
    };
    compare("title", h->title, rule.title);
    compare("family", h->family, to_string(rule.family));
    compare("default severity", h->severity, to_string(rule.severity));
    compare("confidence", h->confidence, to_string(rule.confidence));
    return out;
}

int run(const std::string& command) { return std::system(command.c_str()); }  // NOLINT(cert-env33-c)

} // namespace

TEST_CASE("every rule's doc page header matches its registry metadata") {
    std::vector<std::string> mismatches;
    for (const RuleInfo& rule : all_rules()) {
        std::string_view page = rule_doc(rule.id);
        if (page.empty()) continue;  // a missing page is registry_test's finding
        for (std::string& m : header_mismatches(rule, page)) mismatches.push_back(std::move(m));
    }
    std::string report;
    for (const std::string& m : mismatches) report += "\n  " + m;
    CHECK_MESSAGE(mismatches.empty(), mismatches.size() << " doc pages drift from the registry:" << report);
}

TEST_CASE("the doc header reader names what differs") {
    RuleInfo rule{"demo-rule", "Demo title", Family::open_webhook, Severity::high, Confidence::low, "s", "r"};
    CHECK(header_mismatches(rule, "# demo-rule: Demo title\n"
                                  "Family: open-webhook · Default severity: high (low when x) · Confidence: low\n")
              .empty());
    std::vector<std::string> m =
        header_mismatches(rule, "# demo-rule: Other\nFamily: open-webhook · Default severity: medium · Confidence: low\n");
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "demo-rule: title is 'Other' in the page, 'Demo title' in the registry");
    CHECK(m[1] == "demo-rule: default severity is 'medium' in the page, 'high' in the registry");
    CHECK(header_mismatches(rule, "# other-rule: Demo title\n").size() == 1);
}

TEST_CASE("scripts/new-check.sh scaffolds a check, its doc page, a fixture pair and its registry entries") {
    testing::TempDir dir;
    const fs::path& root = dir.path();
    fs::create_directories(root / "checks");
    fs::copy_file(testing::source_dir() / "checks" / "registry.hpp", root / "checks" / "registry.hpp");
    fs::copy_file(testing::source_dir() / "checks" / "registry.cpp", root / "checks" / "registry.cpp");
    std::string script = (testing::source_dir() / "scripts" / "new-check.sh").string();
    std::string out = (root / "out.txt").string();

    REQUIRE(run("'" + script + "' --dry-run --root '" + root.string() + "' mcp-zz-demo open-webhook mcp > '" + out + "'") == 0);
    CHECK(testing::read_text(out) ==
          "write checks/mcp_zz_demo.cpp\nwrite docs/rules/mcp-zz-demo.md\nwrite fixtures/mcp/mcp-zz-demo.txt\n"
          "write fixtures/mcp/mcp-zz-demo.txt.expected\nedit checks/registry.hpp: add make_mcp_zz_demo()\n"
          "edit checks/registry.cpp: add make_mcp_zz_demo()\n");
    CHECK_FALSE(fs::exists(root / "checks" / "mcp_zz_demo.cpp"));

    REQUIRE(run("'" + script + "' --root '" + root.string() + "' mcp-zz-demo open-webhook mcp > '" + out + "'") == 0);
    std::string check = testing::read_text(root / "checks" / "mcp_zz_demo.cpp");
    CHECK(contains(check, "\"mcp-zz-demo\""));
    CHECK(contains(check, "Family::open_webhook"));
    CHECK(contains(check, "SingleRuleCheck"));
    CHECK(contains(check, "std::unique_ptr<Check> make_mcp_zz_demo()"));
    RuleInfo scaffolded{"mcp-zz-demo", "TODO plain-language title", Family::open_webhook, Severity::medium,
                        Confidence::medium, "s", "r"};
    CHECK(header_mismatches(scaffolded, testing::read_text(root / "docs" / "rules" / "mcp-zz-demo.md")).empty());
    CHECK(fs::exists(root / "fixtures" / "mcp" / "mcp-zz-demo.txt"));
    CHECK(fs::exists(root / "fixtures" / "mcp" / "mcp-zz-demo.txt.expected"));

    // The factory sits between its neighbours in sorted order, in both registry files.
    std::string hpp = testing::read_text(root / "checks" / "registry.hpp");
    std::size_t at = hpp.find("std::unique_ptr<Check> make_mcp_zz_demo();");
    REQUIRE(at != std::string::npos);
    std::size_t before = hpp.rfind("make_", at - 1);
    std::size_t after = hpp.find("make_", at + 30);
    CHECK(hpp.substr(before, 14) < "make_mcp_zz_demo");
    CHECK(hpp.substr(after, 16) > "make_mcp_zz_demo");
    std::string cpp = testing::read_text(root / "checks" / "registry.cpp");
    at = cpp.find("list.push_back(make_mcp_zz_demo());");
    REQUIRE(at != std::string::npos);
    CHECK(cpp.substr(cpp.rfind("make_", at - 1), 16) < "make_mcp_zz_demo");
    CHECK(cpp.substr(cpp.find("make_", at + 20), 16) > "make_mcp_zz_demo");

    // A second run refuses to overwrite.
    CHECK(run("'" + script + "' --root '" + root.string() + "' mcp-zz-demo open-webhook mcp 2> '" + out + "'") != 0);
}
