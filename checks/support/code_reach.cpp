#include "checks/support/code_reach.hpp"

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

std::string describe_reach(const CodeReach& reach) {
    std::string out;
    for (std::size_t i = 0; i < reach.notes.size(); ++i) out += (i == 0 ? "; it " : ", ") + reach.notes[i];
    return out;
}

} // namespace handoff
