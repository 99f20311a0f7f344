#include "cli/scan.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "checks/registry.hpp"
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
    case Format::text: break;
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
        scan_files();

        // Files in path order, whatever order the walk and the workers took.
        std::vector<Slot*> slots;
        for (Slot& slot : work_.items()) slots.push_back(&slot);
        std::sort(slots.begin(), slots.end(), [](const Slot* a, const Slot* b) { return a->entry.relative < b->entry.relative; });
        slots.erase(std::unique(slots.begin(), slots.end(),
                                [](const Slot* a, const Slot* b) { return a->entry.relative == b->entry.relative; }),
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
        run_project_checks();
        // The kept documents are no longer needed: free them while the findings are sorted.
        kept_.clear();
        std::thread release([documents = std::move(project_.documents), work = std::move(work_.items())]() mutable {
            documents.clear();
            work.clear();
        });
        finish();
        release.join();
        result_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return std::move(result_);
    }

private:
    struct Slot {
        explicit Slot(DiscoveredFile found) : entry(std::move(found)) {}
        DiscoveredFile entry;
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
                std::size_t done = done_.fetch_add(1) + 1;
                if (options_.progress) options_.progress(done, work_.size());
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
            if (!roots.empty()) found = discover(roots, options_.discover, [this](DiscoveredFile f) { work_.add(std::move(f)); });
        } catch (const std::exception& e) {  // the helpers must still be released and joined
            found.diagnostics.push_back({"", 0, 0, DiagnosticKind::internal, std::string("walk failed: ") + e.what()});
        }
        work_.close();
        result_.diagnostics = std::move(found.diagnostics);
        result_.excluded = std::move(found.excluded);
        scan_until_done();
        for (std::thread& t : helpers) t.join();
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

    void scan_one(Slot& slot) {
        const DiscoveredFile& entry = slot.entry;
        FileBytes read = entry.from_stdin ? read_stream(STDIN_FILENO, options_.max_file_bytes)
                                          : read_file(entry.absolute, options_.max_file_bytes);
        if (read.status == FileBytes::Status::unreadable) {
            slot.problems.push_back({entry.relative, 0, 0, DiagnosticKind::unreadable, "file cannot be read: " + read.error});
            return;
        }
        if (read.status == FileBytes::Status::too_large) {
            slot.problems.push_back({entry.relative, 0, 0, DiagnosticKind::limit,
                                     "file is " + std::to_string(read.size) + " bytes, over the limit of " +
                                         std::to_string(options_.max_file_bytes) + "; not scanned"});
            return;
        }
        std::string& bytes = read.bytes;
        // A NUL byte cannot hide a file whose name a parser or loader claims: it is read
        // as text (with an encoding diagnostic); any other skip is said out loud.
        if (looks_binary(bytes) && !claimed_by_name(entry.relative)) {
            slot.excluded = entry.relative + " (binary)";
            slot.problems.push_back({entry.relative, 0, 0, DiagnosticKind::skipped,
                                     "NUL byte in the first 8 KiB: taken for a binary file, not scanned"});
            return;
        }
        std::unique_ptr<Document> doc = load_document(entry.relative, std::move(bytes), options_.limits);

        FindingSink sink;
        for (const auto& check : all_checks()) {
            guarded(*doc, "check " + std::string(check->rules().front().id), [&] { check->check_file(*doc, sink); });
        }
        std::vector<Finding> findings = sink.take();
        attach_context(*doc->file, findings);  // before suppression: an ignored token stays masked
        bool keep = keep_for_project(*doc);
        if (keep) {
            for (const Finding& f : findings) {
                if (f.family == Family::embedded_token) slot.secrets.push_back(f.location);
            }
        }
        suppress(*doc, findings);

        slot.scanned = true;
        slot.file = {doc->path(), doc->format, doc->file->bytes.size(), doc->diagnostics};
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
            return std::tie(l.path, l.line, l.column);
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        std::vector<bool> drop(findings.size(), false);
        for (std::size_t first = 0; first < order.size();) {
            const Location& head = findings[order[first]].location;
            std::size_t last = first;
            while (last < order.size() && findings[order[last]].location.line == head.line &&
                   findings[order[last]].location.path == head.path) {
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
        FindingSink across;
        for (const auto& check : all_checks()) check->check_findings(findings, across);
        for (Finding& f : across.take()) findings.push_back(std::move(f));
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
    std::atomic<std::size_t> done_{0};
    std::mutex mutex_;
    std::mutex suppressed_mutex_;
    std::vector<SuppressedFinding> suppressed_;
};

} // namespace

std::unique_ptr<Document> load_document(std::string relative_path, std::string bytes, const ParseLimits& limits) {
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
