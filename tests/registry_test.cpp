// The registry keeps its promises: ids are unique and kebab-case, every id has a doc
// page and a fixture that fires it, and every doc page belongs to an id.
#include <doctest/doctest.h>

#include <set>

#include "checks/registry.hpp"
#include "tests/fixtures.hpp"
#include "tests/support.hpp"

namespace fs = std::filesystem;
using namespace handoff;

namespace {
bool kebab_case(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}
} // namespace

TEST_CASE("rule ids are unique and kebab-case, with complete metadata") {
    std::set<std::string_view> seen;
    for (const RuleInfo& rule : all_rules()) {
        CAPTURE(rule.id);
        CHECK(kebab_case(rule.id));
        CHECK(seen.insert(rule.id).second);
        CHECK(!rule.title.empty());
        CHECK(!rule.summary.empty());
        CHECK(!rule.remediation.empty());
    }
    CHECK(!seen.empty());
}

TEST_CASE("every rule has a doc page and every doc page a rule") {
    fs::path docs = testing::source_dir() / "docs" / "rules";
    std::set<std::string> ids;
    for (const RuleInfo& rule : all_rules()) {
        ids.insert(std::string(rule.id));
        CHECK_MESSAGE(fs::exists(docs / (std::string(rule.id) + ".md")), "missing docs/rules/" << rule.id << ".md");
    }
    for (const auto& entry : fs::directory_iterator(docs)) {
        if (entry.path().extension() != ".md") continue;
        CHECK_MESSAGE(ids.count(entry.path().stem().string()) == 1, "doc page without a rule: " << entry.path().filename());
    }
}

TEST_CASE("every rule fires in at least one fixture") {
    std::set<std::string> fired;
    for (const fs::path& expected : testing::fixture_expectations()) {
        for (const std::string& line : testing::read_expected(expected)) {
            std::size_t space = line.find(' ');
            if (space == std::string::npos) continue;
            std::size_t end = line.find(' ', space + 1);
            fired.insert(line.substr(space + 1, end - space - 1));
        }
    }
    for (const RuleInfo& rule : all_rules()) {
        CHECK_MESSAGE(fired.count(std::string(rule.id)) == 1, "no fixture fires " << rule.id);
    }
}
