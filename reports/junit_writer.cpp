// JUnit XML for GitLab and Jenkins: one suite per scanned file, one failing test case
// per rule that fired in it (listing each finding), one passing case per family with
// nothing found, so CI shows what was checked as well as what failed, and an error case
// per diagnostic (a file that did not parse was not fully checked).
#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

#include "reports/escape.hpp"
#include "reports/report_view.hpp"
#include "reports/writer.hpp"

namespace handoff {
namespace {

struct Case {
    std::string classname;
    std::string name;
    std::string file;
    std::uint32_t line = 0;
    std::vector<const Finding*> findings;  // empty: a passing case
    const Diagnostic* diagnostic = nullptr;  // set: the file could not be fully scanned
};

struct Suite {
    std::string name;
    std::vector<Case> cases;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::size_t skipped = 0;
};

bool only_info(const Case& c) {
    return std::all_of(c.findings.begin(), c.findings.end(), [](const Finding* f) { return f->severity == Severity::info; });
}

Suite suite_for(const std::string& path, const std::vector<const Finding*>& findings,
                const std::vector<const Diagnostic*>& diagnostics) {
    Suite suite;
    std::string shown = path.empty() ? std::string("(project)") : path;
    suite.name = "handoff: " + shown;
    std::map<std::string, Case> by_rule;
    for (const Finding* f : findings) {
        Case& c = by_rule[f->rule];
        if (c.findings.empty()) {
            c.classname = "handoff." + std::string(to_string(f->family));
            c.name = f->rule + " " + shown;
            c.file = path;
            c.line = f->location.line;
        }
        c.findings.push_back(f);
    }
    for (Family family : all_families()) {
        bool found = std::any_of(findings.begin(), findings.end(), [&](const Finding* f) { return f->family == family; });
        if (!found) {
            suite.cases.push_back({"handoff." + std::string(to_string(family)),
                                   std::string(family_title(family)) + ": nothing found in " + shown, path, 0, {}});
        }
    }
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic* d = diagnostics[i];
        Case c{"handoff.scan", std::string(to_string(d->kind)) + " " + shown + " #" + std::to_string(i + 1), path,
               d->line, {}, d};
        suite.cases.push_back(std::move(c));
        ++suite.errors;
    }
    for (auto& entry : by_rule) {
        Case& c = entry.second;
        if (only_info(c)) {
            ++suite.skipped;
        } else {
            ++suite.failures;
        }
        suite.cases.push_back(std::move(c));
    }
    return suite;
}

std::string failure_text(const ScanResult& result, const Case& c) {
    std::ostringstream text;
    for (const Finding* f : c.findings) {
        text << location_text(f->location) << " " << to_string(f->severity) << " " << f->rule << "\n";
        text << "  " << f->message << "\n";
        if (!f->location.node_path.empty()) text << "  at: " << f->location.node_path << "\n";
        if (!f->evidence.empty()) text << "  evidence: " << f->evidence << "\n";
        std::string fix = f->remediation.empty() ? rule_text(result, *f).remediation : f->remediation;
        if (!fix.empty()) text << "  fix: " << fix << "\n";
    }
    return text.str();
}

void write_case(const ScanResult& result, const Case& c, std::ostream& out) {
    out << "    <testcase classname=\"" << xml_attribute(c.classname) << "\" name=\"" << xml_attribute(c.name)
        << "\" time=\"0\"";
    if (!c.file.empty()) out << " file=\"" << xml_attribute(c.file) << "\"";
    if (c.line > 0) out << " line=\"" << c.line << "\"";
    if (c.diagnostic != nullptr) {
        Location loc{c.diagnostic->path, c.diagnostic->line, c.diagnostic->column, 0, 0, {}};
        out << ">\n      <error message=\"" << xml_attribute(c.diagnostic->message) << "\" type=\""
            << to_string(c.diagnostic->kind) << "\">" << html_escape(location_text(loc) + ": " + c.diagnostic->message)
            << "</error>\n    </testcase>\n";
        return;
    }
    if (c.findings.empty()) {
        out << "/>\n";
        return;
    }
    out << ">\n";
    Severity top = Severity::info;
    for (const Finding* f : c.findings) top = std::max(top, f->severity);
    std::string message = c.findings.front()->message;
    if (c.findings.size() > 1) message += " (and " + plural(c.findings.size() - 1, "more finding") + ")";
    message += " (" + std::string(to_string(top)) + ")";
    std::string_view element = only_info(c) ? "skipped" : "failure";
    out << "      <" << element << " message=\"" << xml_attribute(message) << "\" type=\"" << to_string(top) << "\">"
        << html_escape(failure_text(result, c)) << "</" << element << ">\n";
    out << "    </testcase>\n";
}

class JunitWriter final : public ReportWriter {
public:
    std::string_view id() const override { return "junit"; }

    void write(const ScanResult& result, const ReportOptions&, std::ostream& out) const override {
        std::map<std::string, std::vector<const Finding*>> by_path;
        std::map<std::string, std::vector<const Diagnostic*>> diagnostics;
        for (const ScannedFile& file : result.files) by_path[file.path];
        for (const FileFindings& group : findings_by_file(result)) by_path[group.path] = group.findings;
        for (const Diagnostic& d : result.diagnostics) {
            by_path[d.path];
            diagnostics[d.path].push_back(&d);
        }

        std::vector<Suite> suites;
        std::size_t tests = 0;
        std::size_t failures = 0;
        std::size_t errors = 0;
        std::size_t skipped = 0;
        for (const auto& [path, findings] : by_path) {
            suites.push_back(suite_for(path, findings, diagnostics[path]));
            tests += suites.back().cases.size();
            failures += suites.back().failures;
            errors += suites.back().errors;
            skipped += suites.back().skipped;
        }
        // xs:decimal: fixed notation, never an exponent or a negative value.
        std::ostringstream seconds;
        seconds << std::fixed << std::setprecision(3) << (result.seconds > 0 ? result.seconds : 0.0);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out << "<testsuites name=\"handoff\" tests=\"" << tests << "\" failures=\"" << failures
            << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"" << seconds.str()
            << "\">\n";
        for (const Suite& suite : suites) {
            out << "  <testsuite name=\"" << xml_attribute(suite.name) << "\" tests=\"" << suite.cases.size()
                << "\" failures=\"" << suite.failures << "\" errors=\"" << suite.errors << "\" skipped=\"" << suite.skipped
                << "\" time=\"0\">\n";
            for (const Case& c : suite.cases) write_case(result, c, out);
            out << "  </testsuite>\n";
        }
        out << "</testsuites>\n";
    }
};

} // namespace

std::unique_ptr<ReportWriter> make_junit_writer() { return std::make_unique<JunitWriter>(); }

} // namespace handoff
