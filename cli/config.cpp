#include "cli/config.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "checks/registry.hpp"
#include "core/glob.hpp"
#include "core/source.hpp"
#include "core/text.hpp"
#include "parsers/syntax/syntax.hpp"

namespace fs = std::filesystem;

namespace handoff {

namespace {

constexpr std::array<std::string_view, 3> kNames{".handoff.yml", "handoff.yml", ".github/handoff.yml"};

class Reader {
public:
    Reader(const SourceFile& file, std::string& error) : file_(file), error_(error) {}

    bool fail(const Node& at, const std::string& message) {
        Position pos = file_.lines.position(at.key_span.empty() ? at.span.begin : at.key_span.begin);
        error_ = file_.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
        return false;
    }

    bool strings(const Node& node, std::vector<std::string>& out) {
        if (node.is_scalar()) {
            out.push_back(node.value);
            return true;
        }
        if (!node.is_seq()) return fail(node, "'" + node.key + "' must be a list of strings");
        for (const Node& item : node.children) {
            if (!item.is_scalar()) return fail(item, "'" + node.key + "' must be a list of strings");
            out.push_back(item.value);
        }
        return true;
    }

    bool rule_id(const Node& at, const std::string& id) {
        if (id == "*" || find_rule(id) != nullptr) return true;
        return fail(at, "unknown rule id '" + id + "' (see `handoff rules`)");
    }

    bool rules(const Node& node, Config& config) {
        if (!node.is_map()) return fail(node, "'rules' must map rule ids to settings");
        for (const Node& rule : node.children) {
            if (!rule_id(rule, rule.key)) return false;
            if (!rule.is_map()) return fail(rule, "settings of '" + rule.key + "' must be a map");
            RuleSetting& setting = config.rules[rule.key];
            for (const Node& field : rule.children) {
                if (field.key == "severity") {
                    setting.severity = severity_from_string(field.value);
                    if (!setting.severity) return fail(field, "severity must be critical, high, medium, low or info");
                } else if (field.key == "enabled") {
                    if (field.value != "true" && field.value != "false") return fail(field, "enabled must be true or false");
                    setting.enabled = field.value == "true";
                } else {
                    return fail(field, "unknown rule setting '" + field.key + "' (severity, enabled)");
                }
            }
        }
        return true;
    }

    bool ignores(const Node& node, Config& config) {
        if (!node.is_seq()) return fail(node, "'ignore' must be a list");
        for (const Node& item : node.children) {
            if (!item.is_map()) return fail(item, "each 'ignore' entry is a map with rule, paths and reason");
            PathIgnore ignore;
            for (const Node& field : item.children) {
                if (field.key == "rule") {
                    if (!rule_id(field, field.value)) return false;
                    ignore.rule = field.value;
                } else if (field.key == "paths") {
                    if (!strings(field, ignore.paths)) return false;
                } else if (field.key == "node") {
                    if (!field.is_scalar() || field.value.empty()) return fail(field, "'node' must be a node path");
                    ignore.node = field.value;
                } else if (field.key == "reason") {
                    ignore.reason = field.value;
                } else {
                    return fail(field, "unknown ignore field '" + field.key + "' (rule, paths, node, reason)");
                }
            }
            Position at = file_.lines.position(item.span.begin);
            ignore.line = at.line;
            ignore.column = at.column;
            if (ignore.rule.empty() || ignore.paths.empty()) return fail(item, "an ignore entry needs a rule and paths");
            config.ignores.push_back(std::move(ignore));
        }
        return true;
    }

    bool top(const Node& root, Config& config) {
        if (root.kind == NodeKind::null) return true;
        if (!root.is_map()) return fail(root, "the config must be a map");
        for (const Node& member : root.children) {
            if (member.key == "fail-on") {
                if (member.value != "none" && !severity_from_string(member.value)) {
                    return fail(member, "fail-on must be critical, high, medium, low, info or none");
                }
                config.fail_on = member.value;
            } else if (member.key == "exclude") {
                if (!strings(member, config.excludes)) return false;
            } else if (member.key == "rules") {
                if (!rules(member, config)) return false;
            } else if (member.key == "ignore") {
                if (!ignores(member, config)) return false;
            } else {
                return fail(member, "unknown key '" + member.key + "' (fail-on, exclude, rules, ignore)");
            }
        }
        return true;
    }

private:
    const SourceFile& file_;
    std::string& error_;
};

} // namespace

std::optional<fs::path> find_config(const fs::path& start) {
    std::error_code ec;
    // Absolute first: a start that does not exist (`-`, standard input) still has a folder.
    fs::path dir = fs::weakly_canonical(fs::absolute(start, ec), ec);
    if (ec) return std::nullopt;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    while (!dir.empty()) {
        for (std::string_view name : kNames) {
            fs::path candidate = dir / name;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::optional<Config> read_config(const fs::path& file, std::string& error) {
    // A config found in the scanned tree must not pull its settings from outside it.
    std::error_code ec;
    if (fs::is_symlink(file, ec)) {
        fs::path target = fs::canonical(file, ec);
        fs::path folder = fs::canonical(file.parent_path().empty() ? fs::path(".") : file.parent_path(), ec);
        auto [f, t] = std::mismatch(folder.begin(), folder.end(), target.begin(), target.end());
        if (ec || f != folder.end()) {
            error = "config " + file.string() + " is a symbolic link out of its folder; refused (pass the target with --config)";
            return std::nullopt;
        }
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = "cannot read config " + file.string();
        return std::nullopt;
    }
    SourceFile source(file.string(), std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    ParseResult parsed = parse_yaml(source.bytes);
    // A file of comments only (what `handoff init` writes before review) sets nothing.
    if (parsed.problems.empty() && !parsed.root && !trim(source.bytes).empty()) {
        bool only_comments = true;
        for_each_line(source.bytes, [&](std::string_view line, std::size_t) {
            std::string_view t = trim(line);
            if (!t.empty() && t.front() != '#') only_comments = false;
        });
        if (only_comments) {
            Config config;
            config.file = file;
            return config;
        }
    }
    if (!parsed.problems.empty() || !parsed.root) {
        Position pos = source.lines.position(parsed.problems.empty() ? 0 : parsed.problems.front().offset);
        error = file.string() + ":" + std::to_string(pos.line) + ": not valid YAML" +
                (parsed.problems.empty() ? std::string() : ": " + parsed.problems.front().message);
        return std::nullopt;
    }
    Config config;
    config.file = file;
    Reader reader(source, error);
    if (!reader.top(*parsed.root, config)) return std::nullopt;
    return config;
}

namespace {

// A finding at the node or under it: "a.b" covers "a.b", "a.b.c" and "a.b[0]", not "a.bc".
bool node_covers(std::string_view node, std::string_view at) {
    if (node.empty()) return true;
    if (at.size() < node.size() || at.substr(0, node.size()) != node) return false;
    return at.size() == node.size() || at[node.size()] == '.' || at[node.size()] == '[';
}

bool ignore_covers(const PathIgnore& ignore, const Finding& f) {
    if (ignore.rule != "*" && ignore.rule != f.rule) return false;
    if (!node_covers(ignore.node, f.location.node_path)) return false;
    return std::any_of(ignore.paths.begin(), ignore.paths.end(),
                       [&](const std::string& glob) { return path_glob_match(glob, f.location.path); });
}

std::string describe(const PathIgnore& ignore) {
    std::string out = "ignore entry for rule '" + ignore.rule + "' on ";
    for (std::size_t i = 0; i < ignore.paths.size(); ++i) out += (i ? ", " : "") + ignore.paths[i];
    if (!ignore.node.empty()) out += " at node " + ignore.node;
    return out;
}

} // namespace

std::string path_for_reports(const fs::path& file, const std::string& root) {
    std::error_code ec;
    fs::path base = fs::weakly_canonical(root.empty() ? fs::path(".") : fs::path(root), ec);
    if (!ec && !fs::is_directory(base, ec)) base = base.parent_path();
    fs::path target = fs::weakly_canonical(file, ec);
    if (ec) return file.string();
    fs::path inside = target.lexically_relative(base);
    if (inside.empty() || *inside.begin() == "..") return file.string();
    return inside.generic_string();
}

void apply_config(const Config& config, ScanResult& result) {
    const std::string shown = path_for_reports(config.file, result.root);
    std::vector<std::size_t> matched(config.ignores.size(), 0);
    std::size_t disabled_findings = 0;
    std::size_t silenced = 0;
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
        if (auto it = config.rules.find(f.rule); it != config.rules.end()) {
            if (!it->second.enabled) {
                ++disabled_findings;
                continue;
            }
            if (it->second.severity) f.severity = *it->second.severity;
        }
        auto ignore = std::find_if(config.ignores.begin(), config.ignores.end(),
                                   [&](const PathIgnore& i) { return ignore_covers(i, f); });
        if (ignore == config.ignores.end()) {
            kept.push_back(std::move(f));
            continue;
        }
        ++matched[static_cast<std::size_t>(ignore - config.ignores.begin())];
        ++silenced;
        Suppression s{SuppressionKind::config, ignore->reason, {}};
        s.written_at.path = shown;
        s.written_at.line = ignore->line;
        s.written_at.column = ignore->column;
        result.suppressed.push_back({std::move(f), std::move(s)});
    }
    result.findings = std::move(kept);
    std::sort(result.suppressed.begin(), result.suppressed.end(),
              [](const SuppressedFinding& a, const SuppressedFinding& b) { return finding_order(a.finding, b.finding); });

    // Every report says that the scanned tree configured its own review, and how far.
    std::size_t excluded = 0;
    for (const std::string& entry : result.excluded) {
        std::string path = entry.substr(0, entry.find(" ("));
        if (!path.empty() && path.back() == '/') path.pop_back();
        excluded += std::any_of(config.excludes.begin(), config.excludes.end(),
                                [&](const std::string& glob) { return path_glob_match(glob, path); })
                        ? 1
                        : 0;
    }
    std::size_t disabled = static_cast<std::size_t>(std::count_if(
        config.rules.begin(), config.rules.end(), [](const auto& rule) { return !rule.second.enabled; }));
    result.diagnostics.push_back(
        {shown, 0, 0, DiagnosticKind::config,
         "config applied: " + std::to_string(config.excludes.size()) + " exclude pattern(s) left out " +
             std::to_string(excluded) + " path(s); " + std::to_string(disabled) + " rule(s) disabled (" +
             std::to_string(disabled_findings) + " finding(s) dropped), " + std::to_string(config.ignores.size()) +
             " path ignore(s); " + std::to_string(silenced) + " finding(s) silenced"});
    // An ignore that no longer matches hides nothing today but would hide a new finding tomorrow.
    for (std::size_t i = 0; i < config.ignores.size(); ++i) {
        if (matched[i] > 0) continue;
        const PathIgnore& ignore = config.ignores[i];
        result.diagnostics.push_back({shown, ignore.line, ignore.column, DiagnosticKind::config,
                                      "stale " + describe(ignore) + ": it matched nothing in this scan; remove it"});
    }
}

} // namespace handoff
