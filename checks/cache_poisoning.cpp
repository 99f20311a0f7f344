// cache-poisoning: a job that publishes a release (or runs in a workflow triggered by a
// tag or a release) restores a GitHub Actions cache. Runs on tags and release branches
// fall back to the default branch's cache entries, which the runs there can write, so one
// injectable workflow with cache write access is enough to plant code in a release. Also
// the writing end: an outsider-triggered workflow that asks for cache-mode: write.
#include <re2/re2.h>

#include <map>
#include <optional>
#include <set>
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
    "cache-poisoning",
    "Release job restores a cache others can write",
    Family::unsafe_permission,
    Severity::medium,
    Confidence::medium,
    "Runs on tags, releases and release branches restore cache entries saved on the default branch, and the "
    "runs there can save them: a push build that runs a compromised dependency, or a workflow an outsider "
    "triggers that was given cache-mode: write. Code injected into one of those can plant a poisoned "
    "dependency or build cache that the release job then builds into what it publishes.",
    "Do not restore caches in jobs that build or publish releases: turn the action's cache off (cache: '', "
    "cache: false, enable-cache: false, lookup-only: true) or build release artifacts from a clean state; keep "
    "caching for test jobs.",
};

// How an action restores a cache, by its inputs.
enum class Control : unsigned char {
    always,        // restores unless the opt-out input is true
    opt_in,        // restores when the input is true
    opt_in_text,   // restores when the input is a non-empty value (a package manager name)
    default_on,    // restores unless the input is false
};

struct CacheAction {
    std::string_view slug;   // owner/repo, lower-cased
    std::string_view path;   // sub-path for actions living in a folder, else empty
    Control control;
    std::string_view input;  // the input that turns it on or off, empty for always-on actions
    int default_from = -1;   // default_on only from this major version on (-1: all versions)
};

constexpr CacheAction kCacheActions[] = {
    {"actions/cache", "", Control::always, "lookup-only"},
    {"actions/cache", "restore", Control::always, "lookup-only"},
    {"actions/setup-java", "", Control::opt_in_text, "cache"},
    {"actions/setup-go", "", Control::default_on, "cache", 4},
    {"actions/setup-node", "", Control::opt_in_text, "cache"},
    {"actions/setup-python", "", Control::opt_in_text, "cache"},
    {"actions/setup-dotnet", "", Control::opt_in, "cache"},
    {"astral-sh/setup-uv", "", Control::opt_in, "enable-cache"},
    {"swatinem/rust-cache", "", Control::always, "lookup-only"},
    {"ruby/setup-ruby", "", Control::opt_in, "bundler-cache"},
    {"pyo3/maturin-action", "", Control::opt_in, "sccache"},
    {"mlugg/setup-zig", "", Control::default_on, "use-cache"},
    {"oven-sh/setup-bun", "", Control::always, "no-cache"},
    {"determinatesystems/magic-nix-cache-action", "", Control::default_on, "use-gha-cache"},
    {"graalvm/setup-graalvm", "", Control::opt_in_text, "cache"},
    {"gradle/actions", "setup-gradle", Control::always, "cache-disabled"},
    {"gradle/gradle-build-action", "", Control::always, "cache-disabled"},
    {"actions-rust-lang/setup-rust-toolchain", "", Control::default_on, "cache"},
    {"mozilla-actions/sccache-action", "", Control::always, ""},
    {"nix-community/cache-nix-action", "", Control::always, ""},
    {"jdx/mise-action", "", Control::default_on, "cache"},
    {"ramsey/composer-install", "", Control::always, "ignore-cache"},
    {"awalsh128/cache-apt-pkgs-action", "", Control::always, ""},
};

enum class Restores : unsigned char { no, explicitly, by_default, always, maybe };

struct CacheUse {
    Restores how = Restores::no;
    std::string input;  // the input that turns it on, when explicit
};

bool opted_out(std::string_view value) {
    std::string_view v = trim(value);
    return truthy_value(v) || v == "1" || iequals(v, "yes");
}

CacheUse cache_use(const Document& doc, const GhStep& step) {
    GhUses uses = parse_uses(step.uses_text());
    std::string slug = uses_slug(uses);
    if (slug.empty()) return {};
    // docker/build-push-action with cache-from: type=gha restores the build cache.
    if (slug == "docker/build-push-action" || slug == "docker/bake-action") {
        if (icontains(step.input("cache-from"), "type=gha") || icontains(step.input("set"), "type=gha")) {
            return {Restores::explicitly, "cache-from"};
        }
        return {};
    }
    // setup-node v5 and later cache on their own when package.json names a packageManager.
    if (slug == "actions/setup-node" && trim(step.input("cache")).empty()) {
        std::string_view auto_cache = trim(step.input("package-manager-cache"));
        if (falsy_value(auto_cache) || uses_major_version(doc, step) < 5) return {};
        if (truthy_value(auto_cache)) return {Restores::explicitly, "package-manager-cache"};
        return {Restores::maybe, "package-manager-cache defaults to true"};
    }
    std::string path = lower(uses.path);
    for (const CacheAction& a : kCacheActions) {
        if (slug != a.slug || path != a.path) continue;
        std::string_view value = a.input.empty() ? std::string_view() : trim(step.input(a.input));
        bool expression = contains(value, "${{");
        switch (a.control) {
        case Control::always:
            if (expression) return {Restores::maybe, std::string(a.input)};
            if (opted_out(value)) return {};
            return {Restores::always, {}};
        case Control::opt_in:
            if (expression) return {Restores::maybe, std::string(a.input)};
            return truthy_value(value) ? CacheUse{Restores::explicitly, std::string(a.input)} : CacheUse{};
        case Control::opt_in_text:
            if (expression) return {Restores::maybe, std::string(a.input)};
            if (value.empty() || falsy_value(value)) return {};
            return {Restores::explicitly, std::string(a.input)};
        case Control::default_on: {
            if (expression) return {Restores::maybe, std::string(a.input)};
            if (falsy_value(value)) return {};
            if (truthy_value(value)) return {Restores::explicitly, std::string(a.input)};
            int major = uses_major_version(doc, step);
            if (a.default_from >= 0 && major >= 0 && major < a.default_from) return {};
            return {Restores::by_default, {}};
        }
        }
    }
    return {};
}

// Actions that publish what the job built.
constexpr std::string_view kPublishActions[] = {
    "pypa/gh-action-pypi-publish",   "rubygems/release-gem",       "jreleaser/release-action",
    "softprops/action-gh-release",   "ncipollo/release-action",    "svenstaro/upload-release-action",
    "actions/upload-release-asset",  "redhat-actions/push-to-registry", "js-devtools/npm-publish",
    "aws-actions/amazon-ecs-deploy-task-definition", "cloudflare/wrangler-action",
    "google-github-actions/deploy-cloudrun", "google-github-actions/deploy-appengine",
    "azure/webapps-deploy",          "azure/functions-action",     "azure/container-apps-deploy-action",
};

const RE2& publish_command() {
    static const RE2 re(
        R"re((?i)\b((?:npm|pnpm|yarn(?: npm)?|bun) publish|twine upload|(?:uv|poetry|flit|hatch|maturin) publish|cargo publish|gem push|docker (?:image )?push|gh release (?:create|upload)|(?:dotnet )?nuget push|(?:vsce|ovsx) publish|lerna publish|changeset publish|semantic-release|goreleaser\b.*\brelease\b|mvn\b.*\bdeploy\b|gradlew?\b.*\bpublish\w*))re");
    return re;
}

// What in the job publishes, or empty.
std::string publisher(const GhStep& step) {
    GhUses uses = parse_uses(step.uses_text());
    std::string slug = uses_slug(uses);
    for (std::string_view a : kPublishActions) {
        if (slug == a) return std::string(a);
    }
    if (slug == "docker/build-push-action" && (truthy_value(step.input("push")) || contains(step.input("push"), "${{"))) {
        return "docker/build-push-action with push";
    }
    if (slug == "goreleaser/goreleaser-action" && contains(step.input("args"), "release") && !contains(step.input("args"), "--snapshot")) {
        return "goreleaser release";
    }
    if (slug == "changesets/action" && !step.input("publish").empty()) return "changesets/action publish";
    if (step.run != nullptr) {
        for (const ScriptLine& line : script_lines(step.run->value)) {
            if (contains(line.text, "--dry-run") || contains(line.text, "--snapshot")) continue;
            std::string cmd;
            if (RE2::PartialMatch(line.text, publish_command(), &cmd)) {
                if (cmd.size() > 40) cmd = cmd.substr(0, 40);
                return cmd;
            }
        }
    }
    return {};
}

std::vector<std::string> needs_of(const GhJob& job) {
    std::vector<std::string> out;
    const Node* needs = job.node != nullptr && job.node->is_map() ? job.node->find("needs") : nullptr;
    if (needs == nullptr) return out;
    if (needs->is_scalar()) out.push_back(needs->value);
    for (const Node& n : needs->children) {
        if (n.is_scalar()) out.push_back(n.value);
    }
    return out;
}

// The workflow's triggers that publishing workflows use: a tag push, a release, a push to a
// release branch; empty when none.
std::string release_trigger(const GhWorkflow& wf) {
    if (wf.has_trigger("release")) return "release";
    const GhTrigger* push = wf.trigger("push");
    if (push == nullptr || push->node == nullptr || !push->node->is_map()) return {};
    if (push->node->find("tags") != nullptr) return "a tag push";
    const Node* branches = push->node->find("branches");
    if (branches != nullptr) {
        for (const Node& b : branches->children) {
            if (icontains(b.value, "release")) return "a push to a release branch";
        }
        if (branches->is_scalar() && icontains(branches->value, "release")) return "a push to a release branch";
    }
    return {};
}

// The job's cache-mode: (its own, else the workflow's), lower-cased, or nullptr.
const Node* cache_mode(const GhWorkflow& wf, const GhJob& job) {
    const Node* mode = job.node != nullptr && job.node->is_map() ? job.node->find("cache-mode") : nullptr;
    if (mode == nullptr && wf.root != nullptr && wf.root->is_map()) mode = wf.root->find("cache-mode");
    return mode != nullptr && mode->is_scalar() ? mode : nullptr;
}

bool restores_nothing(const Node* mode) {
    return mode != nullptr && (iequals(trim(mode->value), "none") || iequals(trim(mode->value), "write-only"));
}

class CachePoisoning final : public SingleRuleCheck {
public:
    CachePoisoning() : SingleRuleCheck(kRule) {}

    void check_file(const Document& doc, FindingSink& sink) const override {
        if (!is_github_workflow(doc)) return;
        const GhWorkflow& wf = github_view(doc);
        check_cache_writes(doc, sink, wf);
        std::string trigger = release_trigger(wf);
        std::map<std::string, std::string> publishes;  // job id -> what publishes
        for (const GhJob& job : wf.jobs) {
            for (const GhStep& step : job.steps) {
                std::string p = publisher(step);
                if (!p.empty()) { publishes[job.id] = p; break; }
            }
        }
        if (trigger.empty() && publishes.empty()) return;
        // Jobs whose results a publishing job uses (needs:, transitively).
        std::set<std::string> feeds;
        std::vector<std::string> work;
        for (const auto& [id, p] : publishes) work.push_back(id);
        std::map<std::string, const GhJob*> by_id;
        for (const GhJob& job : wf.jobs) by_id.emplace(job.id, &job);
        while (!work.empty()) {
            std::string id = work.back();
            work.pop_back();
            auto it = by_id.find(id);
            if (it == by_id.end()) continue;
            for (const std::string& n : needs_of(*it->second)) {
                if (feeds.insert(n).second) work.push_back(n);
            }
        }
        for (const GhJob& job : wf.jobs) {
            auto pub = publishes.find(job.id);
            bool feeds_publisher = feeds.count(job.id) != 0;
            // In a workflow without a publishing job in sight, only a tag or release trigger
            // says the job may build a release (release branches also run plain CI).
            bool release_only = publishes.empty() && (trigger == "release" || trigger == "a tag push");
            if (pub == publishes.end() && !feeds_publisher && !release_only) continue;
            // cache-mode: none or write-only: the cache service refuses every restore.
            if (restores_nothing(cache_mode(wf, job))) continue;
            for (const GhStep& step : job.steps) {
                CacheUse use = cache_use(doc, step);
                if (use.how == Restores::no) continue;
                Hit hit;
                hit.span = step.uses->span;
                hit.node_path = child_path(step.path, "uses");
                std::string action = uses_slug(parse_uses(step.uses_text()));
                bool auto_node = use.how == Restores::maybe && contains(use.input, "defaults");
                std::string how = use.how == Restores::explicitly ? " restores a cache (" + use.input + ")"
                                  : use.how == Restores::by_default ? " restores a cache by default"
                                  : use.how == Restores::always     ? " restores a cache"
                                  : auto_node ? " may restore a cache (" + use.input + ": when package.json names a packageManager)"
                                              : " may restore a cache (" + use.input + " is an expression)";
                hit.message = action + how + " in job " + job.id;
                if (pub != publishes.end()) {
                    hit.message += ", which publishes (" + pub->second + ")";
                    hit.severity = Severity::medium;
                    hit.confidence = Confidence::medium;
                } else if (feeds_publisher) {
                    hit.message += ", whose results a publishing job uses";
                    hit.severity = Severity::low;
                    hit.confidence = Confidence::medium;
                } else {
                    hit.message += " of a workflow triggered by " + trigger;
                    hit.severity = Severity::low;
                    hit.confidence = Confidence::low;
                }
                if (!trigger.empty() && pub != publishes.end()) hit.message += " on " + trigger;
                hit.message += ": cache entries saved by any run on the default branch can end up in the release";
                if (use.how == Restores::maybe) hit.confidence = Confidence::low;
                sink.report(doc, kRule, std::move(hit));
            }
        }
    }

private:
    // The other end of the chain: a workflow an outsider triggers that declares cache-mode:
    // write or write-only, so its runs can save entries the default branch's runs restore
    // (GitHub makes such events read-only unless the workflow says otherwise).
    static void check_cache_writes(const Document& doc, FindingSink& sink, const GhWorkflow& wf) {
        std::string event;
        for (const GhTrigger& t : wf.triggers) {
            if (outsider_trigger(t.event)) { event = t.event; break; }
        }
        if (event.empty()) return;
        // One finding per cache-mode: node, naming the job that makes it worst.
        std::vector<std::pair<const Node*, const GhJob*>> modes;
        std::map<const Node*, std::size_t> index;
        for (const GhJob& job : wf.jobs) {
            const Node* mode = cache_mode(wf, job);
            if (mode == nullptr) continue;
            std::string m = lower(trim(mode->value));
            if (m != "write" && m != "write-only") continue;
            auto [it, added] = index.emplace(mode, modes.size());
            if (added) modes.push_back({mode, &job});
            else if (untrusted_head_checkout(*modes[it->second].second) == nullptr && untrusted_head_checkout(job) != nullptr) modes[it->second].second = &job;
        }
        for (const auto& [mode, job_ptr] : modes) {
            const GhJob& job = *job_ptr;
            std::string m = lower(trim(mode->value));
            const GhStep* head = untrusted_head_checkout(job);
            Hit hit;
            hit.span = mode->span;
            hit.node_path = mode == wf.root->find("cache-mode") ? std::string("cache-mode") : child_path(job.path, "cache-mode");
            hit.message = "cache-mode: " + m + " lets runs of job " + job.id + " on " + event +
                          ", which an outsider triggers, save cache entries that runs on the default branch restore";
            hit.severity = Severity::medium;
            hit.confidence = Confidence::high;
            if (head != nullptr) {
                hit.message += "; the job checks out the untrusted head, so its code can write them";
                hit.severity = Severity::high;
            }
            sink.report(doc, kRule, std::move(hit));
        }
    }
};

} // namespace

std::unique_ptr<Check> make_cache_poisoning() { return std::make_unique<CachePoisoning>(); }

} // namespace handoff
