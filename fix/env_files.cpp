#include "fix/env_files.hpp"

#include <fstream>
#include <sstream>

#include "cli/scan.hpp"
#include "core/gitignore.hpp"

namespace handoff {

EnvFiles::EnvFiles(std::string root_dir)
    : root_(std::move(root_dir)),
      env_(read(root_, ".env")),
      example_(read(root_, ".env.example")),
      gitignore_(read(root_, ".gitignore")),
      values_(entries(env_)),
      example_names_(entries(example_)) {
    for (const auto& [name, value] : values_) by_value_.emplace(value, name);
}

std::string_view EnvFiles::File::eol() const {
    return bytes.find("\r\n") != std::string::npos ? std::string_view("\r\n") : std::string_view("\n");
}

EnvFiles::File EnvFiles::read(const std::string& root_dir, const std::string& relative) {
    File file;
    file.path = relative;
    std::ifstream in(root_dir + "/" + relative, std::ios::binary);
    if (!in) return file;
    std::ostringstream text;
    text << in.rdbuf();
    file.bytes = text.str();
    file.exists = true;
    return file;
}

// The NAME=value entries of a dotenv file, read by handoff's own dotenv parser.
std::map<std::string, std::string> EnvFiles::entries(const File& file) {
    std::map<std::string, std::string> out;
    if (!file.exists) return out;
    std::unique_ptr<Document> doc = load_document(file.path, file.bytes, ParseLimits{});
    if (!doc->tree || !doc->tree->is_map()) return out;
    for (const Node& entry : doc->tree->children) {
        if (entry.is_scalar()) out.emplace(entry.key, entry.value);
    }
    return out;
}

std::string EnvFiles::append_lines(const File& file, const std::vector<std::string>& lines) {
    std::string out = file.bytes;
    std::string_view eol = file.eol();
    if (!out.empty() && out.back() != '\n') out += eol;
    for (const std::string& line : lines) {
        out += line;
        out += eol;
    }
    return out;
}

std::string EnvFiles::place(const std::string& wanted, const std::string& value, const std::string& where,
                            std::vector<std::string>& notes) {
    std::string name = wanted;
    // by_value_ answers "is this value stored already" at once; next_suffix_ remembers how
    // far the numbering of each name went, so many clashing keys cost no rescans.
    if (auto it = by_value_.find(value); it != by_value_.end() && it->second.starts_with(wanted)) return it->second;
    int& n = next_suffix_.try_emplace(wanted, 2).first->second;
    while (values_.count(name) != 0) {
        if (values_[name] == value) return name;
        name = wanted + "_" + std::to_string(n++);
    }
    if (name != wanted) {
        notes.push_back(".env already holds a different " + wanted + "; this key is stored as " + name);
    }
    values_.emplace(name, value);
    by_value_.emplace(value, name);
    added_.emplace_back(name, value);
    if (example_names_.find(name) == example_names_.end()) {
        example_names_.emplace(name, "");
        documented_.emplace_back(name, where);
    }
    return name;
}

bool EnvFiles::holds_other(const std::string& name, const std::string& value) const {
    auto it = values_.find(name);
    return it != values_.end() && it->second != value;
}

void EnvFiles::redocument(const std::string& name, const std::string& where) {
    for (auto& [documented, text] : documented_) {
        if (documented == name) text = where;
    }
}

void EnvFiles::mark() { saved_ = {values_, example_names_, by_value_, added_.size(), documented_.size()}; }

void EnvFiles::rollback() {
    values_ = saved_.values;
    example_names_ = saved_.example_names;
    by_value_ = saved_.by_value;
    added_.resize(saved_.added);
    documented_.resize(saved_.documented);
}

void EnvFiles::finish(std::vector<FileChange>& changes, std::vector<std::string>& notes) const {
    if (added_.empty()) return;
    std::vector<std::string> env_lines;
    if (!env_.exists) env_lines.push_back("# Keys moved here by handoff fix. Never commit this file.");
    for (const auto& [name, value] : added_) env_lines.push_back(name + "=" + dotenv_value(value));
    changes.push_back({env_.path, env_.bytes, append_lines(env_, env_lines), !env_.exists});

    if (!documented_.empty()) {
        std::vector<std::string> lines;
        if (!example_.exists) {
            lines.push_back("# Every key this project needs. Copy to .env and fill in your own values.");
        }
        for (const auto& [name, where] : documented_) {
            if (!where.empty()) lines.push_back("# " + where);
            lines.push_back(name + "=");
        }
        changes.push_back({example_.path, example_.bytes, append_lines(example_, lines), !example_.exists});
    }

    GitIgnore ignore;
    ignore.add("", gitignore_.bytes);
    if (!ignore.ignored(".env")) {
        changes.push_back({gitignore_.path, gitignore_.bytes, append_lines(gitignore_, {".env"}), !gitignore_.exists});
        notes.push_back(".env added to .gitignore: it holds the keys and must never be committed");
    }
}

std::string dotenv_value(std::string_view value) {
    bool plain = !value.empty();
    for (char c : value) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  c == '.' || c == '/' || c == ':' || c == '@' || c == '+' || c == '=' || c == ',' || c == '~';
        plain = plain && ok;
    }
    if (plain) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

} // namespace handoff
