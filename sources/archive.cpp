#include "sources/archive.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <memory>

#include "core/text.hpp"

namespace handoff {

namespace {

struct ArchiveCloser {
    void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchiveHandle = std::unique_ptr<struct archive, ArchiveCloser>;

// '/' separated, no empty, "." or ".." parts, no leading '/': a name that cannot climb out.
std::string safe_name(std::string_view raw, bool& rewritten) {
    std::string out;
    std::string part;
    auto flush = [&] {
        if (part == "..") rewritten = true;
        else if (!part.empty() && part != ".") out += (out.empty() ? "" : "/") + part;
        part.clear();
    };
    for (char c : raw) {
        if (c == '/' || c == '\\') flush();
        else part += c;
    }
    flush();
    if (!raw.empty() && (raw.front() == '/' || raw.front() == '\\')) rewritten = true;
    return out;
}

std::string error_text(struct archive* a) {
    const char* text = archive_error_string(a);
    return text != nullptr ? std::string(text) : std::string("unknown error");
}

} // namespace

bool archive_name(std::string_view path) {
    std::string name = lower(path);
    for (std::string_view ext : {".zip", ".tar", ".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz"}) {
        if (name.ends_with(ext)) return true;
    }
    return false;
}

bool archive_magic(std::string_view bytes) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("PK\x03\x04") || starts("PK\x05\x06")) return true;  // zip, empty zip
    if (starts("\x1f\x8b") || starts("BZh") || starts(std::string_view("\xfd" "7zXZ\0", 6))) return true;
    return bytes.size() >= 262 && bytes.substr(257, 5) == "ustar";  // POSIX and GNU tar
}

ArchiveReport read_archive(std::string_view bytes, const ArchiveLimits& limits,
                           const std::function<void(ArchiveMember)>& on_member) {
    ArchiveReport report;
    ArchiveHandle a(archive_read_new());
    if (!a) {
        report.problems.push_back({ArchiveProblem::Kind::damaged, "cannot allocate an archive reader"});
        return report;
    }
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_bzip2(a.get());
    archive_read_support_filter_xz(a.get());
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
        report.problems.push_back({ArchiveProblem::Kind::damaged, "not a readable archive: " + error_text(a.get())});
        return report;
    }
    report.opened = true;
    // Every decompressed byte counts against total_bytes, read or skipped: skipping a
    // member of a compressed tar still inflates it, so a bomb is bounded either way.
    std::uint64_t total = 0;
    std::size_t entries = 0;
    std::array<char, 64 * 1024> buffer{};
    struct archive_entry* entry = nullptr;
    for (;;) {
        int status = archive_read_next_header(a.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status == ARCHIVE_FATAL) {
            report.problems.push_back({ArchiveProblem::Kind::damaged,
                                       "archive is damaged after " + std::to_string(report.members) +
                                           " members: " + error_text(a.get()) + "; the rest is not scanned"});
            break;
        }
        if (++entries > limits.members) {
            report.problems.push_back({ArchiveProblem::Kind::limit, "more than " + std::to_string(limits.members) +
                                                                        " members; the rest is not scanned"});
            break;
        }
        if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders, links, devices: nothing to read
        const char* raw = archive_entry_pathname(entry);
        bool rewritten = false;
        ArchiveMember member;
        member.name = safe_name(raw != nullptr ? std::string_view(raw) : std::string_view(), rewritten);
        if (member.name.empty()) member.name = "(unnamed member " + std::to_string(entries) + ")";
        if (rewritten) {
            report.problems.push_back({ArchiveProblem::Kind::unsafe_name,
                                       "member name '" + std::string(raw != nullptr ? raw : "") +
                                           "' points outside the archive; scanned as '" + member.name +
                                           "', nothing written"});
        }
        bool stop = false;
        bool failed = false;
        for (;;) {
            la_ssize_t got = archive_read_data(a.get(), buffer.data(), buffer.size());
            if (got == 0) break;
            if (got < 0) {
                report.problems.push_back({ArchiveProblem::Kind::damaged,
                                           "member '" + member.name + "' cannot be read: " + error_text(a.get())});
                stop = got == ARCHIVE_FATAL;
                failed = true;
                break;
            }
            total += static_cast<std::uint64_t>(got);
            member.size += static_cast<std::uint64_t>(got);
            if (total > limits.total_bytes) {
                report.problems.push_back({ArchiveProblem::Kind::limit,
                                           "archive expands past " + std::to_string(limits.total_bytes) +
                                               " bytes at member '" + member.name + "'; the rest is not scanned"});
                stop = true;
                break;
            }
            if (member.size > limits.member_bytes) {
                member.too_large = true;
                member.bytes.clear();
            } else {
                member.bytes.append(buffer.data(), static_cast<std::size_t>(got));
            }
        }
        if (failed) {
            if (stop) break;
            continue;
        }
        ++report.members;
        on_member(std::move(member));
        if (stop) break;
    }
    return report;
}

} // namespace handoff
