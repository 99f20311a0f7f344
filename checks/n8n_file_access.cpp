// File-system, FTP and git nodes: the n8n audit "filesystem" report, widened.
#include "checks/registry.hpp"
#include "checks/support/n8n.hpp"

namespace handoff {
namespace {

std::string what_it_does(std::string_view type) {
    if (type == "ftp") return "transfers files with an FTP/SFTP server";
    if (type == "git") return "runs git in a directory of the n8n host";
    if (type == "localFileTrigger") return "watches files on the n8n host";
    if (type == "writeBinaryFile") return "writes files on the n8n host";
    if (type == "spreadsheetFile") return "reads or writes spreadsheet files";
    if (type == "readWriteFile") return "reads or writes files on the n8n host";
    return "reads files on the n8n host";
}

constexpr RuleInfo kRule{
    "n8n-file-access", "n8n node reads or writes files", Family::unsafe_permission, Severity::low,
    Confidence::high,
    "File nodes read and write the n8n server's disk (including ~/.n8n, which holds the encryption key) "
    "unless N8N_RESTRICT_FILE_ACCESS_TO limits them; FTP and git nodes move data off the host.",
    "Set N8N_RESTRICT_FILE_ACCESS_TO on the client's instance, keep paths fixed, and never build a path "
    "from trigger data."};

class N8nFileAccess final : public SingleRuleCheck {
public:
    N8nFileAccess() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        for (const N8nWorkflow& wf : n8n_workflows_of(doc)) {
            for (const N8nNode& n : wf.nodes) {
                if (n.info.role != N8nRole::file) continue;
                std::string msg = "Node " + quoted(n.name) + " (" + std::string(n.short_type()) + ") " +
                                  what_it_does(n.short_type());
                Severity severity = Severity::low;
                auto inputs = untrusted_under(doc, n, n.member_path({"parameters"}));
                if (!inputs.empty()) {
                    msg += "; a path or argument comes from " + describe_untrusted(*inputs.front());
                    severity = Severity::medium;
                }
                Hit hit = n8n_type_hit(n, msg);
                hit.severity = severity;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }
};

} // namespace
std::unique_ptr<Check> make_n8n_file_access() { return std::make_unique<N8nFileAccess>(); }
} // namespace handoff
