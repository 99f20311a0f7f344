#include "fix/npm_pins.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/scan.hpp"
#include "core/text.hpp"
#include "parsers/loaders/command_line.hpp"

namespace handoff {

namespace {

std::optional<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An exact version: 1.2.3, 1.2.3-beta.1, 1.2.3+build (not a range or a tag).
bool exact(std::string_view v) {
    if (v.empty() || !(v.front() >= '0' && v.front() <= '9')) return false;
    return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '+';
    });
}

std::string from_package_lock(const Node& root, const std::string& name) {
    if (const Node* packages = root.find("packages"); packages != nullptr && packages->is_map()) {
        if (const Node* entry = packages->find("node_modules/" + name); entry != nullptr && entry->is_map()) {
            return std::string(entry->text("version"));
        }
    }
    if (const Node* deps = root.find("dependencies"); deps != nullptr && deps->is_map()) {  // lockfileVersion 1
        if (const Node* entry = deps->find(name); entry != nullptr && entry->is_map()) return std::string(entry->text("version"));
    }
    return {};
}

std::string pnpm_version(const Node& entry) {
    std::string v(entry.is_map() ? entry.text("version") : std::string_view(entry.is_scalar() ? entry.value : ""));
    return v.substr(0, v.find('('));  // 1.2.3(react@18.2.0): the peer suffix
}

std::string from_pnpm_lock(const Node& root, const std::string& name) {
    std::vector<const Node*> scopes;
    if (const Node* importers = root.find("importers"); importers != nullptr && importers->is_map()) {
        if (const Node* here = importers->find("."); here != nullptr) scopes.push_back(here);
    }
    scopes.push_back(&root);  // lockfile v5: dependencies at the top
    for (const Node* scope : scopes) {
        for (std::string_view group : {"dependencies", "devDependencies", "optionalDependencies"}) {
            const Node* deps = scope->find(group);
            const Node* entry = deps != nullptr && deps->is_map() ? deps->find(name) : nullptr;
            if (entry != nullptr) return pnpm_version(*entry);
        }
    }
    return {};
}

// yarn.lock (v1 and berry): the `version` of every block whose header names `name@...`;
// one version only, else the choice is not fix's to make.
std::string from_yarn_lock(std::string_view text, const std::string& name) {
    std::set<std::string> versions;
    bool in_block = false;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        start = nl == std::string_view::npos ? text.size() : nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (line.front() != ' ') {
            in_block = false;
            std::string_view header = line.substr(0, line.rfind(':'));
            for (std::size_t from = 0; from <= header.size();) {
                std::size_t comma = header.find(',', from);
                std::string_view spec = trim(header.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from),
                                             " \"");
                if (spec.starts_with(name + "@")) in_block = true;
                if (comma == std::string_view::npos) break;
                from = comma + 1;
            }
            continue;
        }
        std::string_view body = trim(line, " ");
        if (in_block && body.starts_with("version")) {
            std::string_view v = trim(body.substr(7), " :\"");
            versions.emplace(v);
        }
    }
    return versions.size() == 1 ? *versions.begin() : std::string();
}

// The scalar a node path names, with the maps and sequences above it (outermost first).
bool find_path(const Node& node, const std::string& wanted, NodePath& path, std::vector<const Node*>& chain,
               const Node*& found) {
    if (path.str() == wanted) {
        found = &node;
        return true;
    }
    if (!wanted.starts_with(path.str())) return false;
    chain.push_back(&node);
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        const Node& child = node.children[i];
        if (node.is_map()) {
            path.push(std::string_view(child.key));
        } else {
            path.push(i);
        }
        bool hit = find_path(child, wanted, path, chain, found);
        path.pop();
        if (hit) return true;
    }
    chain.pop_back();
    return false;
}

} // namespace

std::optional<LockedVersion> locked_version(const std::string& root_dir, std::string folder, const std::string& name) {
    for (;;) {
        std::string prefix = folder.empty() ? std::string() : folder + "/";
        for (std::string_view lock : {"package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock"}) {
            std::string relative = prefix + std::string(lock);
            std::optional<std::string> text = read_text_file(root_dir + "/" + relative);
            if (!text) continue;
            std::string version;
            if (lock == "yarn.lock") {
                version = from_yarn_lock(*text, name);
            } else {
                std::unique_ptr<Document> doc = load_document(relative, *text, ParseLimits{});
                if (doc->tree) version = lock == "pnpm-lock.yaml" ? from_pnpm_lock(*doc->tree, name) : from_package_lock(*doc->tree, name);
            }
            if (exact(version)) return LockedVersion{version, relative};
        }
        if (folder.empty()) return std::nullopt;
        std::size_t slash = folder.rfind('/');
        folder = slash == std::string::npos ? std::string() : folder.substr(0, slash);
    }
}

WorkflowFixes npm_pin_fixes(const Document& doc, const std::string& root_dir, const std::vector<const Finding*>& findings) {
    WorkflowFixes out;
    std::string_view bytes = doc.bytes();
    std::string path = doc.path();
    std::string folder = path.rfind('/') == std::string::npos ? std::string() : path.substr(0, path.rfind('/'));
    std::set<const Node*> pinned;
    for (const Finding* f : findings) {
        if (!doc.tree) continue;
        NodePath at;
        std::vector<const Node*> chain;
        const Node* arg = nullptr;
        if (!find_path(*doc.tree, f->location.node_path, at, chain, arg) || arg == nullptr || !arg->is_string() ||
            chain.size() < 2 || !chain.back()->is_seq() || chain.back()->key != "args") {
            continue;  // not an args element: a command string, uvx, docker: not fix's to pin
        }
        const Node& server = *chain[chain.size() - 2];
        const Node* command = server.is_map() ? server.find("command") : nullptr;
        if (command == nullptr || !command->is_string()) continue;
        std::vector<std::string> argv{command->value};
        std::size_t index = 0;
        for (const Node& a : chain.back()->children) {
            if (&a == arg) index = argv.size();
            argv.push_back(a.is_scalar() ? a.value : std::string());
        }
        const CommandRisk* risk = nullptr;
        CommandAnalysis analysis = analyze_command(argv);
        for (const CommandRisk& r : analysis.risks) {
            if (r.source == index && r.capability == "unpinned-package" && r.detail.starts_with("npx ")) risk = &r;
        }
        if (risk == nullptr || contains(risk->detail, "repository")) continue;
        const std::string& name = risk->scope;
        std::string_view spec = arg->value;
        bool quoted = arg->span.size() >= 2 && bytes[arg->span.begin] == '"' && bytes[arg->span.end - 1] == '"';
        if (!quoted || bytes.substr(arg->span.begin + 1, arg->span.size() - 2) != spec || !spec.starts_with(name)) {
            out.manual.emplace_back(f, "pin " + name + " to an exact version by hand (" + name + "@x.y.z)");
            continue;
        }
        std::optional<LockedVersion> locked = locked_version(root_dir, folder, name);
        if (!locked) {
            out.manual.emplace_back(f, "no lockfile beside the config resolves " + name +
                                           ": pin the version you tested by hand (" + name + "@x.y.z)");
            continue;
        }
        if (pinned.insert(arg).second) {
            out.edits.push_back({arg->span.begin + 1, arg->span.end - 1, name + "@" + locked->version});
            out.notes.push_back(path + ": " + name + " pinned to " + locked->version + ", the version " + locked->lockfile +
                                " resolves; update it deliberately");
        }
        out.fixed.push_back(f);
    }
    return out;
}

} // namespace handoff
