// Code, Function and LangChain Code nodes: custom programs inside the workflow.
#include <algorithm>
#include <string>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/code_reach.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

// Where each code node keeps its program, in the order n8n reads them.
const Node* code_member(const N8nNode& n, std::vector<std::string_view>& chain) {
    static const std::vector<std::vector<std::string_view>> candidates{
        {"parameters", "jsCode"}, {"parameters", "pythonCode"}, {"parameters", "functionCode"},
        {"parameters", "code", "execute", "code"}, {"parameters", "code", "supplyData", "code"},
        {"parameters", "code"}};
    for (const auto& c : candidates) {
        const Node* at = n.node;
        for (std::string_view key : c) at = at != nullptr ? at->find(key) : nullptr;
        if (at != nullptr && at->is_scalar()) {
            chain = c;
            return at;
        }
    }
    return nullptr;
}

// Modules that reach the host: its files, processes, network or the interpreter itself.
constexpr std::string_view kHostModules[] = {
    // JavaScript
    "fs", "fs-extra", "os", "net", "http", "https", "http2", "dgram", "tls", "dns", "vm", "worker_threads",
    "cluster", "child_process", "axios", "node-fetch", "got", "request", "undici", "ssh2", "ftp", "basic-ftp",
    "puppeteer", "playwright",
    // Python
    "subprocess", "shutil", "socket", "requests", "httpx", "urllib", "urllib3", "aiohttp", "pathlib", "ctypes",
    "paramiko", "ftplib", "smtplib", "pty", "importlib"};

bool host_module(std::string_view m) {
    return std::find(std::begin(kHostModules), std::end(kHostModules), m) != std::end(kHostModules);
}

bool mentions(std::string_view code, std::string_view what) { return code.find(what) != std::string_view::npos; }

// The call's only argument is one string literal (`Function("return this")`, the global-object
// idiom of bundled libraries): fixed code, not text built from data.
bool literal_argument(std::string_view code, std::size_t open) {
    std::size_t at = code.find_first_not_of(" \t", open + 1);
    if (at == std::string_view::npos || (code[at] != '"' && code[at] != '\'')) return false;
    std::size_t close = code.find(code[at], at + 1);
    if (close == std::string_view::npos || code.substr(at + 1, close - at - 1).find('\\') != std::string_view::npos) {
        return false;
    }
    std::size_t after = code.find_first_not_of(" \t", close + 1);
    return after != std::string_view::npos && code[after] == ')';
}

// eval(...), new Function(...), Python exec(...): code built from data.
bool evaluates_text(std::string_view code) {
    for (std::string_view w : {"eval(", "exec(", "Function("}) {
        for (std::size_t at = code.find(w); at != std::string_view::npos; at = code.find(w, at + 1)) {
            char before = at == 0 ? ' ' : code[at - 1];
            bool ident = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                         (before >= '0' && before <= '9') || before == '_' || before == '.' || before == '$';
            if (!ident && !literal_argument(code, at + w.size() - 1)) return true;
        }
    }
    return false;
}

struct CodeRisk {
    Severity severity = Severity::info;
    std::vector<std::string> notes;
};

// Severity by what the code reaches, not by the node's existence: plain data shaping is
// info; harmless modules and environment reads low; files, network or other host modules
// medium; processes, and evaluating trigger data as code, high.
CodeRisk assess(std::string_view code, bool python, bool untrusted_input) {
    CodeRisk risk;
    auto raise = [&](Severity s, std::string note) {
        if (risk.severity < s) risk.severity = s;
        risk.notes.push_back(std::move(note));
    };
    std::vector<std::string> modules = loaded_modules(code);
    bool processes = mentions(code, "child_process") || mentions(code, "subprocess") || mentions(code, "os.system") ||
                     mentions(code, "os.popen") || mentions(code, "$execute");
    if (processes) raise(Severity::high, "starts processes");
    std::string host, other;
    for (const std::string& m : modules) {
        if (m == "child_process" || m == "subprocess") continue;
        // Python's os reaches the host only through its file and process calls; os.environ is an environment read.
        if (python && m == "os" && !mentions(code, "os.remove") && !mentions(code, "os.listdir") &&
            !mentions(code, "os.walk") && !mentions(code, "os.open") && !mentions(code, "os.unlink")) {
            continue;
        }
        std::string& list = host_module(m) ? host : other;
        list += (list.empty() ? "" : ", ") + m;
    }
    if (!host.empty()) raise(Severity::medium, "loads host modules (" + host + ")");
    bool network = mentions(code, "fetch(") || mentions(code, "this.helpers.httpRequest") ||
                   mentions(code, "$http") || mentions(code, "XMLHttpRequest");
    if (network) raise(Severity::medium, "makes HTTP requests");
    if (evaluates_text(code)) {
        raise(untrusted_input ? Severity::high : Severity::medium,
              untrusted_input ? "evaluates text as code, with trigger data in reach" : "evaluates text as code");
    }
    if (!other.empty()) raise(Severity::low, "loads modules (" + other + ")");
    if (mentions(code, "process.env") || mentions(code, "$env") || mentions(code, "os.environ") ||
        mentions(code, "os.getenv")) {
        raise(Severity::low, "reads the environment");
    }
    return risk;
}

constexpr RuleInfo kRule{
    "n8n-code-execution", "n8n node runs custom code", Family::unsafe_permission, Severity::info,
    Confidence::high,
    "Code runs inside n8n's sandbox with the workflow's data; with NODE_FUNCTION_ALLOW_BUILTIN/EXTERNAL it "
    "can load modules, read the environment and reach the network. Reviewers must read it.",
    "Read the code before the hand-over; prefer built-in nodes; keep secrets out of it and do not let it "
    "load child_process, fs or network modules."};

class N8nCodeExecution final : public SingleRuleCheck {
public:
    N8nCodeExecution() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::code) continue;
                std::vector<std::string_view> chain;
                const Node* code = code_member(n, chain);
                std::string_view source = code != nullptr ? std::string_view(code->value) : std::string_view();
                bool python = n.param({"language"}).substr(0, 6) == "python" || (!chain.empty() && chain.back() == "pythonCode");
                std::size_t lines = source.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(source.begin(), source.end(), '\n'));
                std::string msg = "Code node " + quoted(n.name) + " (" + std::string(n.short_type()) + ") runs " +
                                  (python ? "Python" : "JavaScript");
                if (lines > 0) msg += " (" + std::to_string(lines) + (lines == 1 ? " line)" : " lines)");
                std::string code_path = n.path;
                for (std::string_view k : chain) code_path = join_path(code_path, {k});
                // A Code Tool's `query` is the argument the AI model passes in.
                bool untrusted_input = (code != nullptr && !untrusted_under(doc, n, code_path).empty()) ||
                                       (n.short_type() == "toolCode" && mentions(source, "query"));
                CodeRisk risk = assess(source, python, untrusted_input);
                for (std::size_t i = 0; i < risk.notes.size(); ++i) msg += (i == 0 ? "; it " : ", ") + risk.notes[i];
                if (risk.notes.empty()) msg += "; plain data handling, nothing reaching the host seen";
                Hit hit = n8n_type_hit(n, msg);
                if (code != nullptr) {
                    hit.span = member_span(*code);
                    hit.node_path = n.path;
                    for (std::string_view k : chain) hit.node_path = join_path(hit.node_path, {k});
                }
                hit.severity = risk.severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_code_execution() { return std::make_unique<N8nCodeExecution>(); }
} // namespace handoff
