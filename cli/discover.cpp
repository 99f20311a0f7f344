#include "cli/discover.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "core/glob.hpp"
#include "parsers/detect_path.hpp"
#include "sources/archive.hpp"

namespace fs = std::filesystem;

namespace handoff {

namespace {

constexpr std::array<std::string_view, 14> kSkippedDirs{
    ".git", ".hg", ".svn", "node_modules", "bower_components", "vendor", "third_party",
    ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".gradle"};

constexpr std::array<std::string_view, 40> kBinaryExtensions{
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "psd", "pdf", "zip",
    "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "jar", "war", "class", "so", "dylib", "dll",
    "exe", "o", "a", "lib", "bin", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov",
    "wasm", "pyc"};

bool skipped_dir(std::string_view name) {
    return std::find(kSkippedDirs.begin(), kSkippedDirs.end(), name) != kSkippedDirs.end();
}

bool binary_extension(std::string_view path) {
    if (archive_name(path)) return false;  // opened in memory by the scan (sources/archive)
    std::string ext = effective_extension(path);
    return std::find(kBinaryExtensions.begin(), kBinaryExtensions.end(), ext) != kBinaryExtensions.end();
}

bool excluded_by(const DiscoverOptions& options, std::string_view relative) {
    return std::any_of(options.excludes.begin(), options.excludes.end(),
                       [&](const std::string& glob) { return path_glob_match(glob, relative); });
}

std::string join(std::string_view prefix, std::string_view relative) {
    if (prefix.empty()) return std::string(relative);
    std::string out(prefix);
    if (out.back() != '/') out += '/';
    out += relative;
    return out;
}

bool inside(const fs::path& root, const fs::path& target) {
    auto r = root.begin();
    auto t = target.begin();
    for (; r != root.end(); ++r, ++t) {
        if (t == target.end() || *r != *t) return false;
    }
    return true;
}

// The type the directory listing gave (d_type) when it is known, so that walking a large
// tree costs no stat per entry; status() stats only when the listing did not say.
fs::file_type cached_type(const fs::directory_entry& entry, std::error_code& ec) {
    if (entry.is_directory(ec)) return fs::file_type::directory;
    if (entry.is_regular_file(ec)) return fs::file_type::regular;
    return entry.status(ec).type();
}

class Walker {
public:
    Walker(const DiscoverOptions& options, Discovery& out, const std::function<void(DiscoveredFile)>& on_file)
        : options_(options), out_(out), on_file_(on_file) {}

    void walk_root(const std::string& given, bool prefix_with_root) {
        std::error_code ec;
        fs::path root(given);
        fs::file_status status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            out_.diagnostics.push_back({given, 0, 0, DiagnosticKind::unreadable, "path does not exist or cannot be read"});
            return;
        }
        canonical_root_ = fs::weakly_canonical(root, ec);
        prefix_ = prefix_with_root ? fs::path(given).lexically_normal().generic_string() : std::string();
        if (fs::is_regular_file(status)) {
            std::string name = root.filename().generic_string();
            canonical_root_ = canonical_root_.parent_path();
            add_file(root, prefix_with_root ? prefix_ : name);
            return;
        }
        if (!fs::is_directory(status)) {  // a FIFO, socket or device named on the command line
            out_.diagnostics.push_back({given, 0, 0, DiagnosticKind::skipped, "not a regular file or a directory; not scanned"});
            return;
        }
        walk_dir(root, "");
    }

private:
    void walk_dir(const fs::path& dir, const std::string& relative_dir) {
        std::error_code ec;
        // A folder the user cannot read is a diagnostic, never a silent skip.
        fs::directory_iterator it(dir, ec);
        if (ec) {
            out_.diagnostics.push_back({shown(relative_dir), 0, 0, DiagnosticKind::unreadable,
                                        "directory cannot be read: " + ec.message()});
            return;
        }
        std::vector<fs::directory_entry> entries;
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) {
                out_.diagnostics.push_back({shown(relative_dir), 0, 0, DiagnosticKind::unreadable,
                                            "directory listing stopped early: " + ec.message()});
                break;
            }
            entries.push_back(*it);
        }
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
        for (const fs::directory_entry& entry : entries) visit(entry, relative_dir);
    }

    void visit(const fs::directory_entry& entry, const std::string& relative_dir) {
        std::string name = entry.path().filename().generic_string();
        std::string relative = relative_dir.empty() ? name : relative_dir + "/" + name;
        std::error_code ec;
        bool is_link = entry.is_symlink(ec);
        fs::file_status status = is_link ? entry.status(ec) : fs::file_status(cached_type(entry, ec));
        if (ec) {
            out_.diagnostics.push_back({shown(relative), 0, 0, DiagnosticKind::skipped,
                                        is_link ? "broken or looping symbolic link" : "cannot stat: " + ec.message()});
            return;
        }
        if (excluded_by(options_, relative)) {
            out_.excluded.push_back(shown(relative) + (fs::is_directory(status) ? "/ (--exclude)" : " (--exclude)"));
            return;
        }
        if (fs::is_directory(status)) {
            if (is_link) {
                out_.excluded.push_back(shown(relative) + "/ (symbolic link to a directory, not followed)");
                return;
            }
            if (skipped_dir(name)) {
                out_.excluded.push_back(shown(relative) + "/ (" + (name == ".git" ? "version control" : "dependencies") + ")");
                return;
            }
            walk_dir(entry.path(), relative);
            return;
        }
        if (!fs::is_regular_file(status)) {
            out_.excluded.push_back(shown(relative) + " (not a regular file)");
            return;
        }
        if (is_link) {
            fs::path target = fs::canonical(entry.path(), ec);
            if (ec || !inside(canonical_root_, target)) {
                out_.diagnostics.push_back({shown(relative), 0, 0, DiagnosticKind::skipped,
                                            "symbolic link points outside the scanned root; not followed"});
                return;
            }
        }
        add_file(entry.path(), shown(relative));
    }

    void add_file(const fs::path& path, std::string relative) {
        if (binary_extension(relative)) {
            out_.excluded.push_back(relative + " (binary)");
            return;
        }
        // No stat here: the reader checks the size limit with the fstat it needs anyway.
        on_file_({path, std::move(relative)});
    }

    [[nodiscard]] std::string shown(const std::string& relative) const { return join(prefix_, relative); }

    const DiscoverOptions& options_;
    Discovery& out_;
    const std::function<void(DiscoveredFile)>& on_file_;
    fs::path canonical_root_;
    std::string prefix_;
};

} // namespace

Discovery discover(const std::vector<std::string>& roots, const DiscoverOptions& options,
                   const std::function<void(DiscoveredFile)>& on_file) {
    Discovery out;
    Walker walker(options, out, on_file);
    for (const std::string& root : roots) walker.walk_root(root, roots.size() > 1);
    return out;
}

} // namespace handoff
