#include "cli/explain_command.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "checks/registry.hpp"
#include "cli/scan.hpp"
#include "cli/terminal.hpp"
#include "core/rule_docs.hpp"
#include "core/text.hpp"
#include "reports/escape.hpp"

namespace handoff {

namespace {

constexpr std::string_view kHeading = "\x1b[1;36m";
constexpr std::string_view kTitle = "\x1b[1m";
constexpr std::string_view kCode = "\x1b[32m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

// The page as Markdown; on a terminal, headings bold and cyan, the header line dim and
// fenced code green. The text is ours (compiled in), so it is written as is.
void print_page(std::string_view page, bool color, std::ostream& out) {
    if (!color) {
        out << page;
        if (!page.empty() && page.back() != '\n') out << '\n';
        return;
    }
    bool in_code = false;
    bool first = true;
    for_each_line(page, [&](std::string_view line, std::size_t) {
        if (line.starts_with("```")) {
            in_code = !in_code;
            out << kDim << line << kReset << '\n';
        } else if (in_code) {
            out << kCode << line << kReset << '\n';
        } else if (line.starts_with("# ")) {
            out << kTitle << kHeading << line.substr(2) << kReset << '\n';
        } else if (line.starts_with("#")) {
            out << kHeading << trim(line, "# ") << kReset << '\n';
        } else if (first || line.starts_with("Family:")) {
            out << kDim << line << kReset << '\n';
        } else {
            out << line << '\n';
        }
        first = false;
    });
}

std::vector<std::string_view> rule_ids() {
    std::vector<std::string_view> ids;
    for (const RuleInfo& rule : all_rules()) ids.push_back(rule.id);
    return ids;
}

std::string quoted_list(const std::vector<std::string_view>& words) {
    std::string list;
    for (std::string_view w : words) list += (list.empty() ? "" : ", ") + std::string(w);
    return list;
}

} // namespace

CLI::App* add_explain_command(CLI::App& app, ExplainArgs& args) {
    CLI::App* explain = app.add_subcommand("explain", "Print a rule's page: what it finds, why it matters, how to fix it");
    explain->add_option("rule", args.rule, "A rule id (see handoff rules)")->required();
    explain->add_option("--color", args.color, "Colour the headings: auto|always|never (NO_COLOR is honoured)")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}));
    explain->footer(
        "\nExit codes: 0 the page was printed, 2 no rule has that id (the nearest ids are named).\n"
        "Examples:\n"
        "  handoff explain unpinned-action\n"
        "  handoff explain openai-api-key --color never | less");
    return explain;
}

int explain_command(const ExplainArgs& args) {
    const RuleInfo* rule = find_rule(args.rule);
    if (rule == nullptr) {
        std::vector<std::string_view> near = nearest_words(args.rule, rule_ids());
        std::cerr << "handoff: unknown rule '" << clean_text(args.rule) << "'";
        if (!near.empty()) std::cerr << "; did you mean " << quoted_list(near) << '?';
        std::cerr << " (handoff rules lists every id)\n";
        return kExitUsage;
    }
    bool color = color_wanted(args.color, STDOUT_FILENO);
    std::string_view page = rule_doc(rule->id);
    if (!page.empty()) {
        print_page(page, color, std::cout);
        return kExitClean;
    }
    // Every rule has a page (a test says so); this is the fallback from the rule table.
    std::string text = "# " + std::string(rule->id) + ": " + std::string(rule->title) + "\nFamily: " +
                       std::string(to_string(rule->family)) + " · Default severity: " +
                       std::string(to_string(rule->severity)) + "\n\n## Why it matters\n" + std::string(rule->summary) +
                       "\n\n## What to do\n" + std::string(rule->remediation) + "\n";
    print_page(text, color, std::cout);
    return kExitClean;
}

bool suggest_subcommand(const CLI::App& app, int argc, const char* const* argv) {
    if (argc < 2) return false;
    std::string_view given = argv[1];
    if (given.empty() || given.front() == '-') return false;
    std::vector<std::string> names;
    auto all = [](const CLI::App*) { return true; };
    for (const CLI::App* sub : app.get_subcommands(std::function<bool(const CLI::App*)>(all))) names.push_back(sub->get_name());
    for (const std::string& name : names) {
        if (name == given) return false;
    }
    std::vector<std::string_view> views(names.begin(), names.end());
    std::vector<std::string_view> near = nearest_words(given, views);
    std::cerr << "handoff: unknown command '" << clean_text(given) << "'";
    if (!near.empty()) std::cerr << "; did you mean " << quoted_list(near) << '?';
    std::cerr << " (commands: " << quoted_list(views) << ")\n";
    return true;
}

} // namespace handoff
