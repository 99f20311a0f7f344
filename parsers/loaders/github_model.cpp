#include "parsers/loaders/github_model.hpp"

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

} // namespace

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

} // namespace handoff
