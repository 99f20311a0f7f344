// tracked-ignored-secret-file: a .env (or key file) that .gitignore lists but git still
// tracks. It was committed before the rule was written, so the ignore rule protects nothing:
// the keys are in the repository and every later change to the file is committed too.
#include "checks/registry.hpp"
#include "core/path_name.hpp"
#include "core/secret_names.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "tracked-ignored-secret-file",
    "Secret file is tracked by git although .gitignore lists it",
    Family::embedded_token,
    Severity::high,
    Confidence::high,
    "A .gitignore rule only keeps untracked files out. A .env or key file committed before the rule "
    "stays tracked: its keys are in the repository, and `git commit -a` keeps recording every new value.",
    "Stop tracking it with `git rm --cached PATH` and commit; keep the file locally. Rotate every key it "
    "ever held: they stay in history (`handoff scan --history` lists the commits).",
};

class TrackedIgnoredSecretFile final : public SingleRuleCheck {
public:
    TrackedIgnoredSecretFile() : SingleRuleCheck(kRule) {}

    void check_project(const Project& project, FindingSink& sink) const override {
        if (!project.tracked_but_ignored) return;
        for (const std::string& path : *project.tracked_but_ignored) {
            if (!is_secret_file_name(path)) continue;
            Finding f;
            f.rule = std::string(kRule.id);
            f.family = kRule.family;
            f.severity = kRule.severity;
            f.confidence = kRule.confidence;
            f.message = std::string(base_name(path)) +
                        " is listed in .gitignore but git still tracks it: it was committed before the rule, so its "
                        "keys are in the repository.";
            f.remediation = std::string(kRule.remediation);
            f.location.path = path;
            f.location.line = 1;  // the file as a whole: its first line, so every report can point at it
            f.location.column = 1;
            f.location.end_line = 1;
            f.location.end_column = 1;
            f.evidence = "tracked: " + path;
            f.fingerprint = fingerprint(kRule.id, path);
            sink.report(std::move(f));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_tracked_ignored_secret_file() { return std::make_unique<TrackedIgnoredSecretFile>(); }

} // namespace handoff
