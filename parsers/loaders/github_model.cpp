#include "parsers/loaders/github_model.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace handoff {

namespace {

const Node* map_member(const Node* node, std::string_view key) {
    return node != nullptr && node->is_map() ? node->find(key) : nullptr;
}

const Node* map_or_null(const Node* node) { return node != nullptr && node->is_map() ? node : nullptr; }
const Node* scalar_or_null(const Node* node) { return node != nullptr && node->is_scalar() ? node : nullptr; }

std::vector<std::string> types_of(const Node& event) {
    std::vector<std::string> out;
    const Node* types = map_member(&event, "types");
    if (types == nullptr) return out;
    if (types->is_scalar()) out.push_back(types->value);
    if (types->is_seq()) {
        for (const Node& t : types->children) {
            if (t.is_scalar()) out.push_back(t.value);
        }
    }
    return out;
}

void read_triggers(GhWorkflow& wf) {
    const Node* on = wf.root->find("on");
    // YAML 1.1 readers turn a bare `on` key into `true`.
    if (on == nullptr) on = wf.root->find("true");
    wf.on = on;
    if (on == nullptr) return;
    if (on->is_scalar()) {
        wf.triggers.push_back({on->value, on, {}});
    } else if (on->is_seq()) {
        for (const Node& e : on->children) {
            if (e.is_scalar()) wf.triggers.push_back({e.value, &e, {}});
        }
    } else if (on->is_map()) {
        for (const Node& e : on->children) wf.triggers.push_back({e.key, &e, types_of(e)});
    }
    wf.call_secrets = map_or_null(on->get({"workflow_call", "secrets"}));
}

GhStep read_step(const Node& node, std::string path) {
    GhStep step;
    step.node = &node;
    step.path = std::move(path);
    if (!node.is_map()) return step;
    step.id = std::string(node.text("id"));
    step.name = std::string(node.text("name"));
    step.uses = scalar_or_null(node.find("uses"));
    step.run = scalar_or_null(node.find("run"));
    step.with = map_or_null(node.find("with"));
    step.env = map_or_null(node.find("env"));
    step.condition = scalar_or_null(node.find("if"));
    step.shell = std::string(node.text("shell"));
    return step;
}

void read_steps(GhJob& job, const Node* steps, const std::string& steps_path) {
    if (steps == nullptr || !steps->is_seq()) return;
    for (std::size_t i = 0; i < steps->children.size(); ++i) {
        job.steps.push_back(read_step(steps->children[i], index_path(steps_path, i)));
    }
}

GhJob read_job(const Node& node, std::string path) {
    GhJob job;
    job.node = &node;
    job.id = node.key;
    job.path = std::move(path);
    if (!node.is_map()) return job;
    job.permissions = node.find("permissions");
    job.env = map_or_null(node.find("env"));
    job.condition = scalar_or_null(node.find("if"));
    job.uses = scalar_or_null(node.find("uses"));
    job.with = map_or_null(node.find("with"));
    job.secrets = node.find("secrets");
    job.container = node.find("container");
    job.services = map_or_null(node.find("services"));
    job.environment = node.find("environment");
    job.runs_on = node.find("runs-on");
    read_steps(job, node.find("steps"), child_path(job.path, "steps"));
    return job;
}

bool all_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

std::string_view GhStep::uses_text() const { return uses != nullptr ? std::string_view(uses->value) : std::string_view(); }

std::string_view GhStep::input(std::string_view key) const {
    return with != nullptr ? with->text(key) : std::string_view();
}

bool GhWorkflow::has_trigger(std::string_view event) const { return trigger(event) != nullptr; }

const GhTrigger* GhWorkflow::trigger(std::string_view event) const {
    for (const GhTrigger& t : triggers) {
        if (t.event == event) return &t;
    }
    return nullptr;
}

bool GhWorkflow::only_called() const {
    return !triggers.empty() && std::all_of(triggers.begin(), triggers.end(),
                                            [](const GhTrigger& t) { return t.event == "workflow_call"; });
}

GhWorkflow read_github_workflow(const Node& root, bool is_action) {
    GhWorkflow wf;
    wf.root = &root;
    wf.is_action = is_action;
    if (!root.is_map()) return wf;
    if (is_action) {
        const Node* runs = map_or_null(root.find("runs"));
        if (runs != nullptr) {
            GhJob job;
            job.node = runs;
            job.path = "runs";
            read_steps(job, runs->find("steps"), "runs.steps");
            wf.jobs.push_back(std::move(job));
        }
        return wf;
    }
    read_triggers(wf);
    wf.permissions = root.find("permissions");
    wf.env = map_or_null(root.find("env"));
    const Node* jobs = map_or_null(root.find("jobs"));
    if (jobs != nullptr) {
        for (const Node& j : jobs->children) wf.jobs.push_back(read_job(j, child_path("jobs", j.key)));
    }
    return wf;
}

const Node* effective_permissions(const GhWorkflow& wf, const GhJob& job) {
    return job.permissions != nullptr ? job.permissions : wf.permissions;
}

std::vector<GhScope> permission_scopes(const Node* permissions) {
    std::vector<GhScope> out;
    if (permissions == nullptr) return out;
    if (permissions->is_scalar()) {
        std::string v = lower(permissions->value);
        if (v == "write-all") out.push_back({"all", "write", permissions});
        if (v == "read-all") out.push_back({"all", "read", permissions});
        return out;
    }
    if (!permissions->is_map()) return out;
    for (const Node& scope : permissions->children) {
        if (scope.is_scalar()) out.push_back({scope.key, lower(scope.value), &scope});
    }
    return out;
}

bool grants_write(const Node* permissions) {
    auto scopes = permission_scopes(permissions);
    return std::any_of(scopes.begin(), scopes.end(), [](const GhScope& s) { return s.level == "write"; });
}

std::vector<const Node*> env_in_scope(const GhWorkflow& wf, const GhJob& job, const GhStep* step) {
    std::vector<const Node*> out;
    for (const Node* env : {wf.env, job.env, step != nullptr ? step->env : nullptr}) {
        if (env == nullptr) continue;
        for (const Node& var : env->children) out.push_back(&var);
    }
    return out;
}

GhUses parse_uses(std::string_view uses) {
    GhUses out;
    while (!uses.empty() && std::isspace(static_cast<unsigned char>(uses.back())) != 0) uses.remove_suffix(1);
    while (!uses.empty() && std::isspace(static_cast<unsigned char>(uses.front())) != 0) uses.remove_prefix(1);
    if (uses.empty()) return out;
    // ./path and ../path are relative to the checkout; $/path is the self-repository
    // form (the same repository at the same commit).
    if (uses.substr(0, 2) == "./" || uses.substr(0, 3) == "../" || uses.substr(0, 2) == "$/") {
        out.kind = GhUses::Kind::local;
        out.path = std::string(uses.substr(uses.front() == '.' && uses[1] == '/' ? 2 : (uses.front() == '$' ? 2 : 0)));
        return out;
    }
    if (uses.substr(0, 9) == "docker://") {
        out.kind = GhUses::Kind::docker;
        out.image = std::string(uses.substr(9));
        std::size_t at = out.image.find('@');
        std::size_t colon = out.image.rfind(':');
        std::size_t slash = out.image.rfind('/');
        if (at != std::string::npos) {
            out.ref = out.image.substr(at + 1);
        } else if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
            out.ref = out.image.substr(colon + 1);
        }
        return out;
    }
    std::size_t at = uses.find('@');
    std::string_view name = uses.substr(0, at);
    if (at != std::string_view::npos) out.ref = std::string(uses.substr(at + 1));
    std::size_t slash = name.find('/');
    if (slash == std::string_view::npos || slash == 0) return out;
    out.owner = lower(name.substr(0, slash));
    std::string_view rest = name.substr(slash + 1);
    std::size_t slash2 = rest.find('/');
    out.repo = lower(rest.substr(0, slash2));
    if (slash2 != std::string_view::npos) out.path = std::string(rest.substr(slash2 + 1));
    if (out.repo.empty()) return out;
    out.kind = GhUses::Kind::repository;
    return out;
}

bool is_full_sha(std::string_view ref) { return (ref.size() == 40 || ref.size() == 64) && all_hex(ref); }

std::string uses_slug(const GhUses& uses) {
    if (uses.kind != GhUses::Kind::repository) return {};
    return uses.owner + "/" + uses.repo;
}

} // namespace handoff
