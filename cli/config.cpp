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
                } else if (field.key == "reason") {
                    ignore.reason = field.value;
                } else {
                    return fail(field, "unknown ignore field '" + field.key + "' (rule, paths, reason)");
                }
            }
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
    fs::path dir = fs::weakly_canonical(start, ec);
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

void apply_config(const Config& config, ScanResult& result) {
    auto& findings = result.findings;
    auto drop = std::remove_if(findings.begin(), findings.end(), [&](Finding& f) {
        if (auto it = config.rules.find(f.rule); it != config.rules.end()) {
            if (!it->second.enabled) return true;
            if (it->second.severity) f.severity = *it->second.severity;
        }
        return std::any_of(config.ignores.begin(), config.ignores.end(), [&](const PathIgnore& ignore) {
            if (ignore.rule != "*" && ignore.rule != f.rule) return false;
            return std::any_of(ignore.paths.begin(), ignore.paths.end(),
                               [&](const std::string& glob) { return path_glob_match(glob, f.location.path); });
        });
    });
    auto silenced = static_cast<std::size_t>(std::distance(drop, findings.end()));
    result.suppressed += silenced;
    findings.erase(drop, findings.end());

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
        {config.file.string(), 0, 0, DiagnosticKind::config,
         "config applied: " + std::to_string(config.excludes.size()) + " exclude pattern(s) left out " +
             std::to_string(excluded) + " path(s); " + std::to_string(disabled) + " rule(s) disabled, " +
             std::to_string(config.ignores.size()) + " path ignore(s); " + std::to_string(silenced) +
             " finding(s) silenced"});
}

} // namespace handoff
