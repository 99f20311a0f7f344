// curl-pipe-shell: a CI script downloads code and runs it at once (curl ... | sh,
// bash <(curl ...), iex (iwr ...)), with no pinned version or checksum.
#include <re2/re2.h>

#include "checks/registry.hpp"
#include "checks/support/script_lines.hpp"

namespace handoff {
namespace {

const RuleInfo kRule{
    "curl-pipe-shell",
    "Script downloads and runs code without checking it",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "Whatever the URL serves at run time runs with the job's token and secrets; a compromised or "
    "hijacked download host owns the pipeline, and nothing records what ran.",
    "Download to a file, verify a pinned checksum or signature, then run it; or use a pinned package or "
    "action instead of an install script.",
};

const RE2& pipe_pattern() {
    static const RE2 re(
        R"((?i)(?:\b(?:curl|wget|iwr|irm|invoke-webrequest|invoke-restmethod)\b[^|]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?)"
        R"((?:(?:ba|z|k|da|fi)?sh\b|(?:python[0-9.]*|node|perl|ruby)(?:\s+-(?:\s|$)|\s*$|\s*[;&|])|iex\b|invoke-expression\b)))"
        R"(|(?:\b(?:ba|z|k|da)?sh\s+(?:-\S+\s+)*<\(\s*(?:curl|wget)\b))"
        R"(|(?:\b(?:(?:ba|z|da)?sh\s+-c|eval)\s+["']?\$\(\s*(?:curl|wget)\b))"
        R"(|(?:\biex\b.*(?:downloadstring|\biwr\b|\birm\b|invoke-webrequest|invoke-restmethod)))");
    return re;
}

bool is_script_format(Format format) {
    return format == Format::github_workflow || format == Format::github_action || format == Format::gitlab_ci ||
           format == Format::jenkins_job;
}

class CurlPipeShell final : public SingleRuleCheck {
public:
    CurlPipeShell() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_script_format(doc.format)) return;
        for (const Exec& exec : doc.facts.execs) {
            for (const ScriptLine& line : script_lines(exec.command)) {
                if (!RE2::PartialMatch(line.text, pipe_pattern())) continue;
                Hit hit;
                hit.span = line_span(doc, exec.site, line);
                hit.node_path = exec.site.node_path;
                hit.message = "the script downloads code and runs it unchecked" +
                              (exec.holder.empty() ? std::string() : " in " + exec.holder);
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_curl_pipe_shell() { return std::make_unique<CurlPipeShell>(); }

} // namespace handoff
