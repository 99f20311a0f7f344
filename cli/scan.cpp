#include "cli/scan.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <exception>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "checks/registry.hpp"
#include "cli/git_source.hpp"
#include "cli/history_findings.hpp"
#include "checks/tokens/catalog.hpp"
#include "cli/parallel.hpp"
#include "cli/read_file.hpp"
#include "cli/work_list.hpp"
#include "core/context.hpp"
#include "core/path_name.hpp"
#include "core/suppress.hpp"
#include "core/text.hpp"
#include "core/text_encoding.hpp"
#include "core/version.hpp"
#include "parsers/detect.hpp"
#include "parsers/loaders/loader.hpp"
#include "sources/git.hpp"

namespace handoff {

namespace {

Diagnostic at_offset(const Document& doc, std::uint32_t offset, DiagnosticKind kind, std::string message) {
    Position pos = doc.file->lines.position(offset);
    return {doc.path(), pos.line, pos.column, kind, std::move(message)};
}

// Loaders and checks read hostile input; one that throws must not stop the scan.
template <typename Fn>
void guarded(Document& doc, std::string_view what, Fn&& fn) {
    try {
        fn();
    } catch (const std::exception& e) {
        doc.diagnostics.push_back({doc.path(), 0, 0, DiagnosticKind::internal,
                                   std::string(what) + " failed: " + e.what()});
    } catch (...) {
        doc.diagnostics.push_back({doc.path(), 0, 0, DiagnosticKind::internal, std::string(what) + " failed"});
    }
}

// Text documents without facts are dropped after their own checks so that a large scan
// does not keep every file in memory; these few are kept for cross-file checks.
bool keep_for_project(const Document& doc) {
    switch (doc.format) {
    case Format::yaml:
    case Format::json:
    case Format::xml:
    case Format::toml:
    case Format::text:
    // Transcripts and logs have no facts: their findings are made, their bytes can go.
    case Format::claude_session:
    case Format::claude_history:
    case Format::codex_session:
    case Format::codex_history:
    case Format::chatgpt_export:
    case Format::github_actions_log:
    case Format::gitlab_job_log:
    case Format::log: break;
    default: return true;
    }
    std::string name = lower(base_name(doc.path()));
    // n8n's ~/.n8n/config and compose files can hold N8N_ENCRYPTION_KEY (n8n-credentials-encrypted-key-nearby).
    return name == ".gitignore" || name.rfind("readme", 0) == 0 || name == "config" ||
           name.find("compose") != std::string::npos;
}

// A name that says which parser or loader reads the file (.env, *.json, *.yml, Jenkinsfile).
bool claimed_by_name(std::string_view path) {
    return sniff_syntax(path, {}) != Syntax::text || classify(path, Syntax::text, nullptr, {}) != Format::text;
}

// Cross-file checks read these formats' trees or models (credential exports, reusable
// workflows); every other kept document needs only its bytes and facts, so its tree (and
// the model pointing into it) is released.
bool tree_needed_for_project(Format format) {
    return format == Format::n8n_credentials || format == Format::github_workflow || format == Format::github_action;
}

class Pipeline {
public:
    explicit Pipeline(const ScanOptions& options) : options_(options) {}

    ScanResult run() {
        auto started = std::chrono::steady_clock::now();
        result_.tool_version = std::string(kVersion);
        result_.root = options_.paths.empty() ? "." : options_.paths.front() == "-" ? stdin_name() : options_.paths.front();
        result_.rules = all_rules();
        result_.providers = tokens::providers();  // the key checklist's advice, so reports need no checks/
        open_git();
        scan_files();
        // A version held back for a work tree file that holds it: the file's keys are in
        // history from that version's commit.
        if (git_) {
            for (Finding& f : git_->covered_findings()) history_findings_.push_back(std::move(f));
        }

        // Files in path order, whatever order the walk and the workers took.
        std::vector<Slot*> slots;
        for (Slot& slot : work_.items()) slots.push_back(&slot);
        auto key = [](const Slot* s) { return std::tie(s->entry.relative, s->origin().commit); };
        std::sort(slots.begin(), slots.end(), [&](const Slot* a, const Slot* b) { return key(a) < key(b); });
        slots.erase(std::unique(slots.begin(), slots.end(), [&](const Slot* a, const Slot* b) { return key(a) == key(b); }),
                    slots.end());
        for (Slot* each : slots) {
            Slot& slot = *each;
            for (Diagnostic& d : slot.problems) result_.diagnostics.push_back(std::move(d));
            if (!slot.excluded.empty()) result_.excluded.push_back(std::move(slot.excluded));
            if (!slot.scanned) continue;
            result_.files.push_back(std::move(slot.file));
            result_.bytes += result_.files.back().bytes;
            if (slot.document) {
                kept_[slot.document->path()] = {slot.document.get(), std::move(slot.secrets)};
                project_.documents.push_back(std::move(slot.document));
            }
        }
        project_.root = result_.root;
        if (history_binary_ > 0) {
            result_.diagnostics.push_back({"", 0, 0, DiagnosticKind::skipped,
                                           std::to_string(history_binary_.load()) +
                                               " binary file versions in history not scanned (NUL byte in the first 8 KiB)"});
        }
        run_project_checks();
        // The kept documents are no longer needed: free them while the findings are sorted,
        // or, when the process ends right after the reports, leave them (freeing every tree
        // and libgit2's caches one by one took longer than sorting).
        kept_.clear();
        auto leftovers = std::make_unique<Leftovers>(
            Leftovers{std::move(project_.documents), std::move(work_.items()), std::move(git_)});
        std::thread release;
        if (options_.free_on_return) release = std::thread([all = std::move(leftovers)]() mutable { all.reset(); });
        else park(std::move(leftovers));
        finish();
        if (release.joinable()) release.join();
        result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return std::move(result_);
    }

private:
    struct Slot;
    struct Leftovers {
        std::vector<std::unique_ptr<Document>> documents;
        std::deque<Slot> work;
        std::unique_ptr<GitSource> git;
    };

    // Kept, reachable, until the process exits.
    static void park(std::unique_ptr<Leftovers> leftovers) {
        static auto* parked = new std::vector<std::unique_ptr<Leftovers>>();
        static std::mutex parked_mutex;
        std::lock_guard lock(parked_mutex);
        parked->push_back(std::move(leftovers));
    }

    // Where a slot's bytes come from when not from the walk's file.
    struct Origin {
        std::optional<std::string> bytes;  // an archive member, already read
        std::uint64_t size = 0;            // an archive member over the size limit: its size, bytes unset
        std::string blob;                  // a git blob to read: history or the index
        std::string commit;                // history: only tokens are reported, each with this commit
        std::string commit_date;
        unsigned depth = 0;                // archives this one is inside
        [[nodiscard]] bool history() const { return !commit.empty(); }
    };

    struct Slot {
        explicit Slot(DiscoveredFile found) : entry(std::move(found)) {}
        Slot(DiscoveredFile found, Origin from)
            : entry(std::move(found)), origin_(std::make_unique<Origin>(std::move(from))) {}
        DiscoveredFile entry;
        std::unique_ptr<Origin> origin_;  // null for a file of the walk (most slots: kept small)
        [[nodiscard]] const Origin& origin() const {
            static const Origin kWalked;
            return origin_ ? *origin_ : kWalked;
        }
        bool scanned = false;
        ScannedFile file;
        std::unique_ptr<Document> document;  // kept only when project checks may need it
        std::vector<Location> secrets;        // its embedded tokens, masked in later findings' context
        std::vector<Diagnostic> problems;     // why the file was not scanned
        std::string excluded;                 // or why it was left out
    };

    // A document kept for project checks, and where its embedded tokens are.
    struct Kept {
        const Document* doc = nullptr;
        std::vector<Location> secrets;
    };

    // The name standard input is scanned under: '/' separated, no leading "./".
    [[nodiscard]] std::string stdin_name() const {
        std::string name = options_.stdin_name.empty() ? std::string("stdin") : options_.stdin_name;
        std::replace(name.begin(), name.end(), '\\', '/');
        while (name.starts_with("./")) name.erase(0, 2);
        return name.empty() ? std::string("stdin") : name;
    }

    // --jobs, else one per core; more threads than that only wait on each other.
    [[nodiscard]] unsigned jobs() const {
        unsigned cores = std::max(1U, std::thread::hardware_concurrency());
        return options_.jobs != 0 ? std::min(options_.jobs, 4 * cores) : cores;
    }

    // The walk runs on this thread while jobs-1 helpers scan what it has found so far;
    // then this thread scans too.
    void scan_files() {
        auto scan_until_done = [this] {
            while (Slot* slot = work_.take()) {
                scan_guarded(*slot);
                done_.fetch_add(1);
                report_progress();
            }
        };
        std::vector<std::thread> helpers;
        for (unsigned i = 1; i < jobs(); ++i) helpers.emplace_back(scan_until_done);
        // `-` is standard input: one file under the --stdin-filename, never walked.
        std::vector<std::string> roots;
        bool from_stdin = false;
        for (const std::string& path : options_.paths) {
            if (path == "-") from_stdin = true;
            else roots.push_back(path);
        }
        if (from_stdin) work_.add(DiscoveredFile{{}, stdin_name(), true});
        Discovery found;
        try {
            // --staged reads the index instead of the work tree; a bare repository has no work tree.
            if (options_.staged) add_staged();
            else if (!roots.empty() && !(git_ && git_->bare())) {
                found = discover(roots, options_.discover, [this](DiscoveredFile f) { work_.add(std::move(f)); });
            }
            if (options_.history) add_history();
            else if (git_ && git_->bare()) {
                found.diagnostics.push_back({roots.front(), 0, 0, DiagnosticKind::skipped,
                                             "a bare git repository has no work tree: its files are in history; "
                                             "scan it with --history"});
            }
        } catch (const std::exception& e) {  // the helpers must still be released and joined
            found.diagnostics.push_back({"", 0, 0, DiagnosticKind::internal, std::string("walk failed: ") + e.what()});
        }
        work_.close();
        result_.diagnostics = std::move(found.diagnostics);
        result_.excluded = std::move(found.excluded);
        scan_until_done();
        for (std::thread& t : helpers) t.join();
        // History versions the work tree did not turn out to hold are scanned now.
        if (add_uncovered()) {
            helpers.clear();
            for (unsigned i = 1; i < jobs(); ++i) helpers.emplace_back(scan_until_done);
            scan_until_done();
            for (std::thread& t : helpers) t.join();
        }
    }

    // The git repository holding the one folder scanned: for --history and --staged, and for
    // the secret files it tracks although its ignore rules list them (tracked-ignored-secret-file).
    void open_git() {
        if (!options_.read_git && !options_.history && !options_.staged) return;
        std::vector<std::string> roots;
        for (const std::string& path : options_.paths) {
            if (path != "-") roots.push_back(path);
        }
        std::error_code ec;
        if (roots.size() != 1 || !std::filesystem::is_directory(roots.front(), ec)) return;
        std::string why;
        git_ = GitSource::open(roots.front(), options_.history && !options_.staged, why);
        if (!git_) {
            if (options_.history || options_.staged) {
                result_.diagnostics.push_back({"", 0, 0, DiagnosticKind::config, "not a git repository: " + why});
            }
            return;
        }
        if (!git_->bare() && !options_.staged) project_.tracked_but_ignored = git_->tracked_but_ignored();
    }

    void add_staged() {
        if (!git_) return;
        git_->staged([this](std::string path, std::string blob) {
            Origin origin;
            origin.blob = std::move(blob);
            work_.add(DiscoveredFile{{}, std::move(path), false}, std::move(origin));
        });
    }

    void add_version(git::BlobVersion version) {
        Origin origin;
        origin.blob = std::move(version.blob);
        origin.commit = std::move(version.commit);
        origin.commit_date = std::move(version.commit_date);
        work_.add(DiscoveredFile{{}, std::move(version.path), false}, std::move(origin));
    }

    // Every distinct version in history becomes a work item as the walk finds it, so workers
    // scan while the walk goes on.
    void add_history() {
        if (!git_) return;
        result_.history.ran = true;
        result_.history.shallow = git_->shallow();
        result_.history.since = options_.since;
        git::HistoryStats stats = git_->history(
            {options_.since, {}}, [this](git::BlobVersion version) { add_version(std::move(version)); },
            [this](std::size_t done, std::size_t total) {
                commits_done_ = done;
                commits_total_ = total;
                report_progress();
            });
        result_.history.commits = stats.commits;
        result_.history.versions = stats.blobs;  // the work tree stands in for the versions it holds
    }

    // After the walk's files were read, the versions held back for them that no file turned
    // out to hold are added to the (closed, drained) work list. True when there is work again.
    bool add_uncovered() {
        if (!git_) return false;
        std::vector<git::BlobVersion> versions = git_->uncovered();
        for (git::BlobVersion& version : versions) add_version(std::move(version));
        return !versions.empty();
    }

    void report_progress() {
        if (!options_.progress) return;
        ScanProgress now;
        now.files_done = done_.load();
        now.files_total = work_.size();
        now.commits_done = commits_done_.load();
        now.commits_total = commits_total_.load();
        now.bytes_done = bytes_done_.load();
        options_.progress(now);
    }

    // An exception must not escape a worker thread (that would end the process): whatever
    // scan_one did not handle becomes a diagnostic and the file counts as not scanned.
    void scan_guarded(Slot& slot) {
        try {
            scan_one(slot);
            return;
        } catch (const std::exception& e) {
            slot.problems.push_back({slot.entry.relative, 0, 0, DiagnosticKind::internal, std::string("scan failed: ") + e.what()});
        } catch (...) {
            slot.problems.push_back({slot.entry.relative, 0, 0, DiagnosticKind::internal, "scan failed"});
        }
        slot.scanned = false;
        slot.document.reset();
    }

    // The slot's bytes from wherever they are, or nothing with the reason in slot.problems.
    std::optional<std::string> read_bytes(Slot& slot) {
        const DiscoveredFile& entry = slot.entry;
        if (slot.origin_ && slot.origin_->bytes) return std::move(*slot.origin_->bytes);
        const Origin& origin = slot.origin();
        std::string name = shown_name(slot);
        auto too_large = [&](std::uint64_t size) {
            slot.problems.push_back({name, 0, 0, DiagnosticKind::limit,
                                     "file is " + std::to_string(size) + " bytes, over the limit of " +
                                         std::to_string(options_.max_file_bytes) + "; not scanned"});
        };
        if (origin.size > 0) {
            too_large(origin.size);
            return std::nullopt;
        }
        if (!origin.blob.empty()) {
            git::BlobReader::Blob blob = git_->read(origin.blob, options_.max_file_bytes);
            if (blob.status == git::BlobReader::Blob::Status::ok) return std::move(blob.bytes);
            if (blob.status == git::BlobReader::Blob::Status::too_large) too_large(blob.size);
            else slot.problems.push_back({name, 0, 0, DiagnosticKind::unreadable, "git object " + origin.blob + " cannot be read: " + blob.error});
            return std::nullopt;
        }
        FileBytes read = entry.from_stdin ? read_stream(STDIN_FILENO, options_.max_file_bytes)
                                          : read_file(entry.absolute, options_.max_file_bytes);
        if (read.status == FileBytes::Status::unreadable) {
            slot.problems.push_back({name, 0, 0, DiagnosticKind::unreadable, "file cannot be read: " + read.error});
            return std::nullopt;
        }
        if (read.status == FileBytes::Status::too_large) {
            too_large(read.size);
            return std::nullopt;
        }
        return std::move(read.bytes);
    }

    // How a diagnostic names the slot: a version from history names its commit.
    static std::string shown_name(const Slot& slot) {
        if (!slot.origin().history()) return slot.entry.relative;
        return slot.entry.relative + " (in history at " + slot.origin().commit.substr(0, 10) + ")";
    }

    // An archive's members become slots of their own (`bundle.zip!/flows/a.json`), scanned
    // like files; nothing is extracted to disk. True when the bytes were an archive.
    bool open_archive(Slot& slot, const std::string& bytes) {
        if (!archive_name(slot.entry.relative) || !archive_magic(bytes)) return false;
        std::string name = shown_name(slot);
        if (slot.origin().depth >= options_.archive_depth) {
            slot.problems.push_back({name, 0, 0, DiagnosticKind::limit,
                                     "archive nested more than " + std::to_string(options_.archive_depth) +
                                         " deep; not opened"});
            return true;
        }
        ArchiveLimits limits = options_.archive_limits;
        limits.member_bytes = options_.max_file_bytes;
        ArchiveReport report = read_archive(bytes, limits, [&](ArchiveMember member) {
            Origin origin = slot.origin();
            origin.blob.clear();
            origin.depth = slot.origin().depth + 1;
            if (member.too_large) origin.size = member.size;
            else origin.bytes = std::move(member.bytes);
            work_.add(DiscoveredFile{{}, slot.entry.relative + "!/" + member.name, false}, std::move(origin));
        });
        for (ArchiveProblem& problem : report.problems) {
            DiagnosticKind kind = problem.kind == ArchiveProblem::Kind::limit         ? DiagnosticKind::limit
                                  : problem.kind == ArchiveProblem::Kind::unsafe_name ? DiagnosticKind::skipped
                                                                                      : DiagnosticKind::parse_error;
            slot.problems.push_back({name, 0, 0, kind, "archive: " + std::move(problem.text)});
        }
        if (report.opened && report.members == 0 && !slot.origin().history()) slot.excluded = slot.entry.relative + " (archive with no files)";
        return true;
    }

    void scan_one(Slot& slot) {
        std::optional<std::string> read = read_bytes(slot);
        slot.entry.absolute = std::filesystem::path();  // read: a large scan keeps every slot to its end
        if (!read) return;
        std::string& bytes = *read;
        if (open_archive(slot, bytes)) return;
        const DiscoveredFile& entry = slot.entry;
        bool history = slot.origin().history();
        // A NUL byte cannot hide a file whose name a parser or loader claims: it is read
        // as text (with an encoding diagnostic); any other skip is said out loud.
        if (looks_binary(bytes) && !claimed_by_name(entry.relative)) {
            if (history) {
                ++history_binary_;  // one count for all of history, not a line per version
                return;
            }
            slot.excluded = entry.relative + " (binary)";
            slot.problems.push_back({entry.relative, 0, 0, DiagnosticKind::skipped,
                                     "NUL byte in the first 8 KiB: taken for a binary file, not scanned"});
            return;
        }
        bytes_done_ += bytes.size();
        // With --history, a work tree file that is its index blob stands for that version.
        bool covers_version = options_.history && git_ && slot.origin().blob.empty() && !entry.from_stdin &&
                              git_->covers(entry.relative, bytes);
        std::unique_ptr<Document> doc = load_document(entry.relative, std::move(bytes), options_.limits, history);

        // History is read for keys that left the files, so only token checks run on it.
        FindingSink sink;
        for (const Check* check : history ? token_checks() : every_check()) {
            guarded(*doc, "check " + std::string(check->rules().front().id), [&] { check->check_file(*doc, sink); });
        }
        std::vector<Finding> findings = sink.take();
        if (history) {
            std::erase_if(findings, [](const Finding& f) { return f.family != Family::embedded_token; });
            for (Finding& f : findings) {
                f.location.set_commit(slot.origin().commit, slot.origin().commit_date);
            }
        }
        attach_context(*doc->file, findings);  // before suppression: an ignored token stays masked
        bool keep = !history && keep_for_project(*doc);
        if (keep) {
            for (const Finding& f : findings) {
                if (f.family == Family::embedded_token) slot.secrets.push_back(f.location);
            }
        }
        suppress(*doc, findings);

        if (history) {
            for (const Diagnostic& d : doc->diagnostics) {
                if (d.kind == DiagnosticKind::limit) slot.problems.push_back({shown_name(slot), d.line, d.column, d.kind, d.message});
            }
            std::lock_guard lock(mutex_);
            result_.history.bytes += doc->file->bytes.size();
            for (Finding& f : findings) history_findings_.push_back(std::move(f));
            return;
        }
        slot.scanned = true;
        slot.file = {doc->path(), doc->format, doc->file->bytes.size(), doc->diagnostics};
        if (covers_version) git_->add_covering_findings(findings);
        {
            std::lock_guard lock(mutex_);
            for (Finding& f : findings) result_.findings.push_back(std::move(f));
        }
        if (keep) {
            if (!tree_needed_for_project(doc->format)) {
                if (doc->model && doc->model->borrows_tree()) doc->model.reset();
                doc->tree.reset();
            }
            slot.document = std::move(doc);
        }
    }

    // Every registered check, and those that report embedded tokens (what history needs).
    static const std::vector<const Check*>& every_check() {
        static const std::vector<const Check*> checks = [] {
            std::vector<const Check*> out;
            for (const auto& check : all_checks()) out.push_back(check.get());
            return out;
        }();
        return checks;
    }
    static const std::vector<const Check*>& token_checks() {
        static const std::vector<const Check*> checks = [] {
            std::vector<const Check*> out;
            for (const Check* check : every_check()) {
                const auto& rules = check->rules();
                if (std::any_of(rules.begin(), rules.end(), [](const RuleInfo& r) { return r.family == Family::embedded_token; })) {
                    out.push_back(check);
                }
            }
            return out;
        }();
        return checks;
    }

    // Moves the findings an inline ignore covers to the suppressed list, with the reason.
    void suppress(const Document& doc, std::vector<Finding>& findings) {
        if (!options_.inline_ignores) return;
        InlineIgnores ignores(*doc.file);
        std::vector<SuppressedFinding> silenced;
        std::vector<Finding> kept;
        for (Finding& f : findings) {
            if (std::optional<Suppression> s = ignores.match(f)) {
                silenced.push_back({std::move(f), std::move(*s)});
            } else {
                kept.push_back(std::move(f));
            }
        }
        findings = std::move(kept);
        if (silenced.empty()) return;
        std::lock_guard lock(suppressed_mutex_);
        for (SuppressedFinding& s : silenced) suppressed_.push_back(std::move(s));
    }

    // Cross-file checks run side by side, each into its own sink, with the inventory as one
    // more task; their findings are merged in registry order so the result does not depend
    // on timing.
    void run_project_checks() {
        const auto& checks = all_checks();
        std::vector<FindingSink> sinks(checks.size());
        std::vector<std::string> failures(checks.size());
        std::string inventory_failure;
        parallel_for(checks.size() + 1, jobs(), [&](std::size_t i) {
            std::string& failure = i == checks.size() ? inventory_failure : failures[i];
            try {
                if (i == checks.size()) {
                    result_.inventory = build_inventory(project_);
                } else {
                    checks[i]->check_project(project_, sinks[i]);
                }
            } catch (const std::exception& e) {
                failure = e.what();
            } catch (...) {
                failure = "unknown exception";
            }
        });
        if (!inventory_failure.empty()) {
            result_.diagnostics.push_back({"", 0, 0, DiagnosticKind::internal, "inventory failed: " + inventory_failure});
        }
        std::map<const Kept*, std::vector<Finding>> by_file;
        for (std::size_t i = 0; i < checks.size(); ++i) {
            if (!failures[i].empty()) {
                result_.diagnostics.push_back({"", 0, 0, DiagnosticKind::internal,
                                               "check " + std::string(checks[i]->rules().front().id) + " failed: " + failures[i]});
            }
            for (Finding& f : sinks[i].take()) {
                auto kept = kept_.find(f.location.path);
                if (kept == kept_.end()) {
                    result_.findings.push_back(std::move(f));
                } else {
                    by_file[&kept->second].push_back(std::move(f));
                }
            }
        }
        for (auto& [kept, findings] : by_file) {
            attach_context(*kept->doc->file, findings, kept->secrets);
            suppress(*kept->doc, findings);
            for (Finding& f : findings) result_.findings.push_back(std::move(f));
        }
    }

    // A fallback rule's finding on a span another rule also reported says nothing new.
    // A fallback rule's finding (the generic secret rule) yields to any other rule's finding
    // that overlaps it on the same line. Sorted once, each finding is judged against its
    // line's neighbours: n log n, however many findings share one line.
    static void drop_shadowed_fallbacks(std::vector<Finding>& findings) {
        std::vector<std::size_t> order(findings.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto key = [&](std::size_t i) {
            const Location& l = findings[i].location;
            return std::tie(l.path, l.commit(), l.line, l.column);
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        std::vector<bool> drop(findings.size(), false);
        for (std::size_t first = 0; first < order.size();) {
            const Location& head = findings[order[first]].location;
            std::size_t last = first;
            while (last < order.size() && findings[order[last]].location.line == head.line &&
                   findings[order[last]].location.path == head.path &&
                   findings[order[last]].location.commit() == head.commit()) {
                ++last;
            }
            judge_line(findings, std::span(order).subspan(first, last - first), drop);
            first = last;
        }
        std::size_t index = 0;
        findings.erase(std::remove_if(findings.begin(), findings.end(), [&](const Finding&) { return drop[index++]; }),
                       findings.end());
    }

    // One line's findings, by start column. Before a finding: the two largest ends of
    // distinct rules so far; after it: the first finding of another rule (the earliest start).
    static void judge_line(const std::vector<Finding>& findings, std::span<const std::size_t> line,
                           std::vector<bool>& drop) {
        std::vector<std::size_t> next_other(line.size(), line.size());
        for (std::size_t k = line.size(); k-- > 1;) {
            next_other[k - 1] = findings[line[k]].rule != findings[line[k - 1]].rule ? k : next_other[k];
        }
        struct End {
            std::uint32_t column = 0;
            const std::string* rule = nullptr;
        };
        End best;
        End second;  // the largest end of a rule other than best's
        for (std::size_t k = 0; k < line.size(); ++k) {
            const Finding& f = findings[line[k]];
            const RuleInfo* rule = find_rule(f.rule);
            if (rule != nullptr && rule->fallback) {
                const End& before = best.rule != nullptr && *best.rule != f.rule ? best : second;
                bool covered_before = before.rule != nullptr && before.column > f.location.column;
                bool covered_after = next_other[k] < line.size() &&
                                     findings[line[next_other[k]]].location.column < f.location.end_column;
                drop[line[k]] = covered_before || covered_after;
            }
            End here{f.location.end_column, &f.rule};
            if (best.rule == nullptr || here.column > best.column) {
                if (best.rule != nullptr && *best.rule != f.rule) second = best;
                best = here;
            } else if (f.rule != *best.rule && (second.rule == nullptr || here.column > second.column)) {
                second = here;
            }
        }
    }

    void finish() {
        auto& findings = result_.findings;
        drop_shadowed_fallbacks(findings);
        drop_shadowed_fallbacks(history_findings_);
        FindingSink across;
        for (const auto& check : all_checks()) check->check_findings(findings, across);
        for (Finding& f : across.take()) findings.push_back(std::move(f));
        merge_history_findings(findings, std::move(history_findings_));
        std::sort(findings.begin(), findings.end(), finding_order);
        findings.erase(std::unique(findings.begin(), findings.end(),
                                   [](const Finding& a, const Finding& b) {
                                       return a.rule == b.rule && a.fingerprint == b.fingerprint &&
                                              a.location.path == b.location.path &&
                                              a.location.line == b.location.line &&
                                              a.location.column == b.location.column;
                                   }),
                       findings.end());
        std::sort(suppressed_.begin(), suppressed_.end(),
                  [](const SuppressedFinding& a, const SuppressedFinding& b) { return finding_order(a.finding, b.finding); });
        result_.suppressed = std::move(suppressed_);
        for (const ScannedFile& f : result_.files) {
            result_.diagnostics.insert(result_.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
        }
        std::sort(result_.excluded.begin(), result_.excluded.end());
    }

    const ScanOptions& options_;
    ScanResult result_;
    Project project_;
    WorkList<Slot> work_;
    std::unordered_map<std::string_view, Kept> kept_;  // by path
    std::unique_ptr<GitSource> git_;
    std::vector<Finding> history_findings_;  // token findings read from git history, merged in finish()
    std::atomic<std::size_t> history_binary_{0};
    std::atomic<std::size_t> done_{0};
    std::atomic<std::size_t> commits_done_{0};
    std::atomic<std::size_t> commits_total_{0};
    std::atomic<std::uint64_t> bytes_done_{0};
    std::mutex mutex_;
    std::mutex suppressed_mutex_;
    std::vector<SuppressedFinding> suppressed_;
};

} // namespace

std::unique_ptr<Document> load_document(std::string relative_path, std::string bytes, const ParseLimits& limits,
                                        bool tokens_only) {
    bool was_utf16 = false;
    if (std::optional<std::string> utf8 = transcode_utf16(bytes)) {
        bytes = std::move(*utf8);
        was_utf16 = true;
    }
    auto doc = std::make_unique<Document>(std::make_unique<SourceFile>(std::move(relative_path), std::move(bytes)));
    if (was_utf16) {
        doc->diagnostics.push_back({doc->path(), 0, 0, DiagnosticKind::encoding,
                                    "UTF-16 file transcoded to UTF-8; columns count characters"});
    }
    if (std::optional<std::uint32_t> bad = first_invalid_utf8(doc->bytes())) {
        doc->diagnostics.push_back(at_offset(*doc, *bad, DiagnosticKind::encoding,
                                             "not valid UTF-8 from here on; scanned as raw bytes"));
    }
    if (doc->bytes().find('\0') != std::string_view::npos) {
        doc->diagnostics.push_back(at_offset(*doc, static_cast<std::uint32_t>(doc->bytes().find('\0')),
                                             DiagnosticKind::encoding, "NUL byte in a text file"));
    }
    doc->syntax = sniff_syntax(doc->path(), doc->bytes());
    if (tokens_only && (doc->syntax == Syntax::yaml || doc->syntax == Syntax::xml || doc->syntax == Syntax::toml)) {
        doc->syntax = Syntax::text;
    }
    guarded(*doc, "parser", [&] {
        ParseResult parsed = parse(doc->syntax, doc->bytes(), limits);
        for (const ParseProblem& problem : parsed.problems) {
            doc->diagnostics.push_back(at_offset(*doc, problem.offset, problem.kind,
                                                 std::string(syntax_id(doc->syntax)) + ": " + problem.message));
        }
        doc->tree = std::move(parsed.root);
    });
    doc->format = classify(doc->path(), doc->syntax, doc->tree ? &*doc->tree : nullptr, doc->bytes());
    guarded(*doc, "loader", [&] { load_facts(*doc); });
    return doc;
}

ScanResult run_scan(const ScanOptions& options) { return Pipeline(options).run(); }

std::string git_usage_error(const ScanOptions& options) {
    if (!options.history && !options.staged) {
        return options.since.empty() ? std::string() : std::string("--since needs --history");
    }
    std::string flag = options.history ? "--history" : "--staged";
    if (options.history && options.staged) return "--history and --staged cannot be used together";
    if (options.paths.size() != 1 || options.paths.front() == "-") return flag + " takes one folder of a git repository";
    std::error_code ec;
    if (!std::filesystem::is_directory(options.paths.front(), ec)) return flag + " takes a folder, not a file";
    std::string error;
    std::unique_ptr<git::Repository> repo = git::Repository::open(options.paths.front(), error);
    if (!repo) return flag + ": " + options.paths.front() + " is not in a git repository (" + error + ")";
    if (options.staged && repo->bare()) return "--staged needs a work tree; " + options.paths.front() + " is a bare repository";
    return {};
}

bool scan_incomplete(const ScanResult& result) {
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& d) {
        switch (d.kind) {
        case DiagnosticKind::parse_error:
        case DiagnosticKind::limit:
        case DiagnosticKind::unreadable:
        case DiagnosticKind::internal: return true;
        case DiagnosticKind::encoding:
        case DiagnosticKind::skipped:
        case DiagnosticKind::config: break;
        }
        return false;
    });
}

int scan_exit_code(const ScanResult& result, std::string_view fail_on) {
    if (fail_on == "none" || fail_on == "never") return kExitClean;
    Severity threshold = severity_from_string(fail_on).value_or(Severity::high);
    for (const Finding& f : result.findings) {
        if (f.severity >= threshold) return kExitFindings;
    }
    return scan_incomplete(result) ? kExitIncomplete : kExitClean;
}

} // namespace handoff
