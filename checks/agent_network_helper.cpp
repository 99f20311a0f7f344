#include <cctype>
#include <set>

#include "checks/registry.hpp"
#include "checks/support/agent.hpp"
#include "core/vocabulary.hpp"

namespace handoff {
namespace {

constexpr RuleInfo kRule{
    "agent-network-helper", "Hook or helper command reaches the network", Family::unsafe_permission,
    Severity::medium, Confidence::medium,
    "Hooks, apiKeyHelper, headersHelper and statusLine commands run on every session or tool call, unseen; one "
    "that calls curl or posts to a URL can ship prompts, file contents or credentials off the machine, and it "
    "runs on the client's machine as soon as the folder is opened.",
    "Keep hooks local (formatters, linters). If a hook must report somewhere, send only what it needs, to a host "
    "the client controls, over https, and document it in the handover notes."};

std::set<std::string> words_of(std::string_view text) {
    std::set<std::string> words;
    std::string current;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.') {
            current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!current.empty()) {
            words.insert(current);
            current.clear();
        }
    }
    if (!current.empty()) words.insert(current);
    return words;
}

// The first non-loopback host named in a URL inside the command, or "".
std::string remote_host(std::string_view cmd) {
    std::size_t at = cmd.find("://");
    while (at != std::string_view::npos) {
        std::size_t start = cmd.rfind(' ', at);
        start = start == std::string_view::npos ? 0 : start + 1;
        std::string host = url_host(cmd.substr(start));
        while (!host.empty() && (host.front() == '"' || host.front() == '\'')) host.erase(host.begin());
        while (!host.empty() && (host.back() == '"' || host.back() == '\'')) host.pop_back();
        if (!host.empty() && !is_loopback_host(host)) return host;
        at = cmd.find("://", at + 3);
    }
    return {};
}

class AgentNetworkHelper final : public SingleRuleCheck {
public:
    AgentNetworkHelper() : SingleRuleCheck(kRule) {}
    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_agent_document(doc)) return;
        for (const Exec& e : doc.facts.execs) {
            if (e.kind != "hook" && e.kind != "credential-helper" && e.kind != "status-line") continue;
            std::set<std::string> w = words_of(e.command);
            std::string program;
            for (const char* p : {"curl", "wget", "nc", "ncat", "netcat", "socat", "invoke-webrequest",
                                  "invoke-restmethod", "iwr", "irm", "ssh", "scp", "sftp", "telnet"}) {
                if (w.count(p) != 0) {
                    program = p;
                    break;
                }
            }
            std::string host = remote_host(e.command);
            bool only_local = host.empty() && e.command.find("://") != std::string::npos;
            if (program.empty() && host.empty()) continue;
            if (only_local && program != "ssh" && program != "scp" && program != "nc") continue;
            if (program.empty()) program = "a command";
            bool sends = w.count("-d") != 0 || w.count("--data") != 0 || w.count("--data-binary") != 0 ||
                         w.count("--data-raw") != 0 || w.count("-f") != 0 || w.count("--form") != 0 ||
                         w.count("-t") != 0 || w.count("--upload-file") != 0 || w.count("post") != 0 ||
                         w.count("put") != 0 || w.count("--post-data") != 0 || w.count("--post-file") != 0 ||
                         program == "nc" || program == "scp";
            std::string where = host.empty() ? std::string() : " to " + host;
            std::string message = holder_label(doc, e.holder) + " runs " + program + where +
                                  (sends ? " and sends data out" : "") + " on the client's machine";
            Hit hit = agent_hit(doc, e.site, std::move(message), program + where);
            if (sends) hit.severity = Severity::high;
            sink.report(doc, kRule, std::move(hit));
        }
        for (const Endpoint& e : doc.facts.endpoints) {
            if (e.kind != endpoint_kind::hook_url) continue;
            std::string host = url_host(e.url);
            if (host.empty() || is_loopback_host(host)) continue;
            sink.report(doc, kRule,
                        agent_hit(doc, e.site, holder_label(doc, e.owner) + " posts every event to " + host, e.url));
        }
    }
};

} // namespace
std::unique_ptr<Check> make_agent_network_helper() { return std::make_unique<AgentNetworkHelper>(); }
} // namespace handoff
