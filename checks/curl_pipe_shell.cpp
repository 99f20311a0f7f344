// curl-pipe-shell: a CI script downloads code and runs it at once (curl ... | sh,
// bash <(curl ...), iex (iwr ...)), with no pinned version or checksum.
#include "checks/registry.hpp"
#include "core/shell_text.hpp"
#include "core/vocabulary.hpp"

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

// A GitHub release asset of a named version: .../releases/download/v1.2.3/install.sh, not
// .../releases/latest/download/...
bool versioned_release(std::string_view line) {
    std::size_t at = line.find("/releases/download/");
    return at != std::string_view::npos && line.substr(at + 19, 7) != "latest/";
}

class CurlPipeShell final : public SingleRuleCheck {
public:
    CurlPipeShell() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const Exec& exec : doc.facts.execs) {
            if (!exec_kind::ci_script(exec.kind)) continue;
            for (const ScriptLine& line : script_lines(exec.command)) {
                if (!runs_downloaded_code(line.text)) continue;
                Hit hit;
                hit.span = line_span(doc, exec.site, line);
                hit.node_path = exec.site.node_path;
                hit.message = "the script downloads code and runs it unchecked" +
                              (exec.holder.empty() ? std::string() : " in " + exec.holder);
                if (versioned_release(line.text)) {
                    // A release asset of a named version does not follow a branch; it can still
                    // be replaced by the repository's owner, and nothing checks its bytes.
                    hit.message += "; the URL names a release version, so it is replaced only if the release is";
                    hit.severity = Severity::low;
                }
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace

std::unique_ptr<Check> make_curl_pipe_shell() { return std::make_unique<CurlPipeShell>(); }

} // namespace handoff
