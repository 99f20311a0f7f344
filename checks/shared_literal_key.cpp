// shared-literal-key: one key value written into several files (two agents' configs, a
// workflow and an MCP server): every consumer holds the same power, and a leak of any
// file is a leak of all. Read from the token findings themselves: a token finding's
// fingerprint is its hashed value, so equal fingerprints in different files are one key.
#include <algorithm>
#include <map>
#include <set>

#include "checks/registry.hpp"
#include "core/path_name.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "shared-literal-key",
    "One key written into several files",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::high,
    "The same key value is pasted into several agents, workflows or configs: each of them holds the "
    "key's whole power, rotating it breaks all of them at once, and a leak of any one file is a leak "
    "of every use.",
    "Create one key per consumer, each with the narrowest scope the provider offers (a restricted or "
    "read-only key, a fine-grained token, a spend limit), and reference each from its own secret.",
};

class SharedLiteralKey final : public SingleRuleCheck {
public:
    SharedLiteralKey() : SingleRuleCheck(kRule) {}

    void check_findings(const std::vector<Finding>& findings, FindingSink& sink) const override {
        std::map<std::string, std::vector<const Finding*>> by_value;  // a token's fingerprint is its hashed value
        for (const Finding& f : findings) {
            if (f.family != Family::embedded_token || f.rule == kRule.id) continue;
            // A transcript or log quoting a key, or an archive holding a copy, is no other consumer of it.
            if (!f.location.place().empty() || inside_archive(f.location.path)) continue;
            by_value[f.fingerprint].push_back(&f);
        }
        for (auto& [value, uses] : by_value) {
            std::set<std::string> files;
            for (const Finding* f : uses) files.insert(f->location.path);
            if (files.size() < 2) continue;
            std::sort(uses.begin(), uses.end(), [](const Finding* a, const Finding* b) { return finding_order(*a, *b); });
            const Finding& first = *uses.front();
            std::string list;
            std::size_t shown = 0;
            for (const std::string& path : files) {
                if (shown++ == 4) {
                    list += " and " + std::to_string(files.size() - 4) + " more";
                    break;
                }
                list += (list.empty() ? "" : ", ") + path;
            }
            Finding out;
            out.rule = std::string(kRule.id);
            out.family = kRule.family;
            out.severity = kRule.severity;
            out.confidence = kRule.confidence;
            out.message = "the same " + first.rule + " value is written in " + std::to_string(files.size()) +
                          " files (" + list + "): every consumer shares one key";
            out.remediation = std::string(kRule.remediation);
            out.location = first.location;
            out.evidence = first.evidence;  // already masked
            out.fingerprint = fingerprint(kRule.id, value);  // a hash of the hash: never the key
            out.context = first.context;
            sink.report(std::move(out));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_shared_literal_key() { return std::make_unique<SharedLiteralKey>(); }

} // namespace handoff
