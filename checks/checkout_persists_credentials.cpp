// checkout-persists-credentials: actions/checkout without persist-credentials: false
// writes the job's token (or the PAT it was given) into .git/config, where every later
// step can read it; worse when a later step uploads the checkout, .git included, as an
// artifact anyone with read access can download ("ArtiPACKED").
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/registry.hpp"
#include "checks/support/github.hpp"
#include "core/shell_text.hpp"
#include "core/text.hpp"

namespace handoff {

namespace {

const RuleInfo kRule{
    "checkout-persists-credentials",
    "Checkout leaves the token in .git/config",
    Family::unsafe_permission,
    Severity::low,
    Confidence::medium,
    "actions/checkout stores the token it fetched with in the checkout's git configuration unless told not "
    "to, so every later step (third-party actions, build scripts, dependencies' install hooks) can read and "
    "use it; an artifact that uploads the checkout with its .git folder hands it to anyone who can download "
    "the artifact.",
    "Add persist-credentials: false to actions/checkout unless a later step pushes with git; when one does, "
    "write persist-credentials: true so the choice is visible, and never upload the checkout folder itself "
    "(upload the build output, or set include-hidden-files: false).",
};


// One upload pattern names the checkout itself or its .git folder.
bool exposes_git_folder(std::string_view pattern, std::string_view checkout_path) {
    pattern = trim(pattern, " \t\r\"'");
    if (pattern.empty() || pattern.front() == '!') return false;
    std::string p = lower(pattern);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    if (p == "." || p == ".." || p == "./" || p == "../" || p == "*" || p == "./*" || p == "**" || p == "./**") return true;
    // ${{ github.workspace }}, $GITHUB_WORKSPACE, ${GITHUB_WORKSPACE}, with nothing after them.
    for (std::string_view ws : {"${{ github.workspace }}", "${{github.workspace}}", "$github_workspace", "${github_workspace}"}) {
        if (p == ws || p == std::string(ws) + "/*" || p == std::string(ws) + "/**") return true;
    }
    // A .git path component (not .github, .gitignore).
    for (std::size_t at = p.find(".git"); at != std::string::npos; at = p.find(".git", at + 1)) {
        bool starts = at == 0 || p[at - 1] == '/';
        bool ends = at + 4 == p.size() || p[at + 4] == '/';
        if (starts && ends) return true;
    }
    if (!checkout_path.empty()) {
        std::string c = lower(trim(checkout_path, " \t./"));
        std::string q = std::string(trim(p, "./"));
        if (!c.empty() && (q == c || q == c + "/*" || q == c + "/**")) return true;
    }
    return false;
}

struct Upload {
    const GhStep* step = nullptr;
    enum class Hidden : unsigned char { included, excluded, unknown } hidden = Hidden::unknown;
};

// The upload puts the checkout's .git folder in an artifact, or may.
std::optional<Upload> leaking_upload(const Document& doc, const GhStep& step, std::string_view checkout_path) {
    std::string slug = uses_slug(parse_uses(step.uses_text()));
    if (slug != "actions/upload-artifact") return std::nullopt;
    std::string_view path = step.input("path");
    bool exposes = false;
    for_each_line(path, [&](std::string_view line, std::size_t) { exposes = exposes || exposes_git_folder(line, checkout_path); });
    if (!exposes) return std::nullopt;
    Upload up{&step};
    std::string_view hidden = step.input("include-hidden-files");
    int major = uses_major_version(doc, step);
    GhUses uses = parse_uses(step.uses_text());
    // v4.4.0 and later leave hidden files (.git) out unless include-hidden-files: true.
    bool old_v4 = major == 4 && (uses.ref.starts_with("v4.0") || uses.ref.starts_with("v4.1") || uses.ref.starts_with("v4.2") ||
                                 uses.ref.starts_with("v4.3"));
    if (truthy_value(hidden) || (major >= 0 && major < 4) || old_v4) {
        up.hidden = Upload::Hidden::included;
    } else if (major >= 4 || falsy_value(hidden)) {
        up.hidden = Upload::Hidden::excluded;
    }
    return up;
}

// The token can change what the repository ships: code, releases, packages, pages, caches.
// (id-token: write is not a power of the token itself; security-events, checks and
// statuses only annotate.)
bool token_can_change_code(const Node* permissions) {
    for (const GhScope& s : permission_scopes(permissions)) {
        if (s.level != "write") continue;
        for (std::string_view scope : {"all", "contents", "pull-requests", "actions", "packages", "deployments", "workflows"}) {
            if (s.scope == scope) return true;
        }
    }
    return false;
}

std::string write_scope(const Node* permissions) {
    std::string out;
    for (const GhScope& s : permission_scopes(permissions)) {
        if (s.level == "write" && s.scope != "id-token") out += (out.empty() ? "" : ", ") + s.scope + ": write";
    }
    return out == "all: write" ? "write-all" : out;
}

class CheckoutPersistsCredentials final : public SingleRuleCheck {
public:
    CheckoutPersistsCredentials() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_document(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        for (const GhJob& job : wf.jobs) {
            if (job.uses != nullptr || job.steps.empty()) continue;
            // What the steps after each step do, computed once from the end: a job of many
            // checkouts costs one pass, not one pass per checkout.
            std::vector<After> after(job.steps.size());
            for (std::size_t i = job.steps.size() - 1; i-- > 0;) {
                after[i] = after[i + 1];
                merge(after[i], doc, job.steps[i + 1], "");
            }
            std::size_t path_scans = 0;
            for (std::size_t i = 0; i < job.steps.size(); ++i) {
                const GhStep& step = job.steps[i];
                if (uses_slug(parse_uses(step.uses_text())) != "actions/checkout") continue;
                std::string_view path = step.input("path");
                if (!path.empty() && path_scans < kMaxPathScans) {
                    // A checkout into a folder leaks when that folder is uploaded too.
                    ++path_scans;
                    After own;
                    for (std::size_t j = i + 1; j < job.steps.size(); ++j) merge(own, doc, job.steps[j], path);
                    check_checkout(doc, sink, wf, job, i, own);
                } else {
                    check_checkout(doc, sink, wf, job, i, after[i]);
                }
            }
        }
    }

private:
    static constexpr std::size_t kMaxPathScans = 64;

    struct After {
        bool pushes = false;
        std::optional<Upload> upload;  // the most revealing upload of the checkout
    };

    static void merge(After& into, const Document& doc, const GhStep& step, std::string_view checkout_path) {
        into.pushes = into.pushes || step_pushes_with_git(step);
        if (into.upload && into.upload->hidden == Upload::Hidden::included) return;
        std::optional<Upload> up = leaking_upload(doc, step, checkout_path);
        if (up && up->hidden != Upload::Hidden::excluded && (!into.upload || up->hidden == Upload::Hidden::included)) into.upload = up;
    }

    static void check_checkout(const Document& doc, FindingSink& sink, const GhWorkflow& wf, const GhJob& job, std::size_t index,
                               const After& after) {
        const GhStep& checkout = job.steps[index];
        // The last step: nothing runs after it while the credential is there.
        if (index + 1 == job.steps.size()) return;
        std::string_view persist = checkout.input("persist-credentials");
        if (falsy_value(persist)) return;
        bool explicit_true = truthy_value(persist);
        // with: ${{ fromJSON(...) }}: the inputs, persist-credentials included, are computed.
        const Node* raw_with = checkout.node != nullptr && checkout.node->is_map() ? checkout.node->find("with") : nullptr;
        bool computed_inputs = raw_with != nullptr && raw_with->is_scalar() && contains(raw_with->value, "${{");
        if (computed_inputs) persist = raw_with->value;
        bool expression = contains(persist, "${{");
        std::string_view token = checkout.input("token");
        bool pat = contains(token, "secrets.") && !icontains(token, "secrets.github_token");
        bool ssh = !checkout.input("ssh-key").empty();
        int major = uses_major_version(doc, checkout);
        // actions/checkout v6 keeps the credential in a file under $RUNNER_TEMP, outside the workspace.
        bool outside_workspace = major >= 6;

        // (A later checkout into the same folder with persist-credentials: false does not remove it.)
        const Upload* leak = after.upload && !outside_workspace ? &*after.upload : nullptr;
        bool pushes = after.pushes;

        std::string what = ssh ? "the SSH key" : pat ? "the token it was given (" + std::string(trim(token)) + ")" : "the job's GITHUB_TOKEN";
        std::string where = job.id.empty() ? std::string("the action") : "job " + job.id;
        Hit hit;
        hit.span = checkout.uses->span;
        hit.node_path = child_path(checkout.path, "uses");
        if (leak != nullptr) {
            std::string upload_name = leak->step->name.empty() ? "a later actions/upload-artifact step" : "step \"" + leak->step->name + "\"";
            hit.message = "actions/checkout in " + where + " leaves " + what + " in .git/config and " + upload_name +
                          " uploads the checkout with its .git folder as an artifact";
            if (leak->hidden == Upload::Hidden::included) {
                hit.severity = Severity::high;
                hit.confidence = Confidence::high;
            } else {
                hit.message += " (unless its upload-artifact version leaves hidden files out, as v4.4 and later do)";
                hit.severity = Severity::medium;
                hit.confidence = Confidence::medium;
            }
            if (pat || ssh) hit.message += "; that credential does not expire with the job";
            sink.report(doc, kRule, std::move(hit));
            return;
        }
        // Chosen on purpose: only worth a finding when it leaks.
        if (explicit_true) return;

        bool write = !wf.is_action && token_can_change_code(effective_permissions(wf, job));
        hit.message = "actions/checkout in " + where + " leaves " + what +
                      (outside_workspace ? " in a git credentials file" : " in .git/config") + " for every later step";
        hit.severity = Severity::low;
        hit.confidence = Confidence::medium;
        if (expression) {
            hit.message += computed_inputs ? " when its computed with: (" + std::string(trim(persist)) + ") leaves persist-credentials on"
                                           : " when persist-credentials (" + std::string(trim(persist)) + ") is true";
            hit.confidence = Confidence::low;
        } else if (pushes) {
            hit.message += "; a later step pushes with git, so it is probably needed: write persist-credentials: true to say so";
            hit.confidence = Confidence::low;
        } else if (pat || ssh) {
            hit.message += "; that credential outlives the job";
            hit.severity = Severity::medium;
        } else if (write) {
            hit.message += "; the token can write to the repository (" + write_scope(effective_permissions(wf, job)) + ")";
            hit.severity = Severity::medium;
        }
        if (outside_workspace) {
            // Still readable by every later step, but no upload of the workspace carries it.
            hit.message += " (checkout v6 and later keep it outside the workspace, so an upload cannot carry it)";
            if (hit.severity == Severity::low) hit.confidence = Confidence::low;
        }
        sink.report(doc, kRule, std::move(hit));
    }
};

} // namespace

std::unique_ptr<Check> make_checkout_persists_credentials() { return std::make_unique<CheckoutPersistsCredentials>(); }

} // namespace handoff
