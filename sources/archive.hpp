#pragma once
// Opens a handover archive held in memory (.zip, .tar, .tar.gz/.tgz, .tar.bz2, .tar.xz)
// and hands each regular member's bytes to the scan. Nothing is ever written to disk, so
// a member named ../../x can only be a name; a zip bomb stops at the byte limits.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

struct ArchiveLimits {
    std::uint64_t member_bytes = 16U << 20U;   // one member, uncompressed (the scan's file limit)
    std::uint64_t total_bytes = 256U << 20U;   // every member of one archive, uncompressed
    std::size_t members = 10000;               // members read from one archive
};

struct ArchiveMember {
    std::string name;     // as the archive stores it, made safe to print: '/' separated, no "..", no leading '/'
    std::string bytes;    // empty when too_large
    bool too_large = false;
    std::uint64_t size = 0;  // bytes seen (at least member_bytes + 1 when too_large)
};

struct ArchiveProblem {
    enum class Kind { limit, damaged, unsafe_name };
    Kind kind = Kind::limit;
    std::string text;
};

struct ArchiveReport {
    bool opened = false;
    std::size_t members = 0;               // regular members handed on
    std::vector<ArchiveProblem> problems;  // limits reached, damage, names rewritten: each a diagnostic
};

// Whether a file's name says it is an archive handoff opens (by extension, lower case).
bool archive_name(std::string_view path);

// Whether bytes start like a zip, tar or a compressed stream libarchive can read.
bool archive_magic(std::string_view bytes);

// Reads every member in order; on_member is called once per regular file member.
ArchiveReport read_archive(std::string_view bytes, const ArchiveLimits& limits,
                           const std::function<void(ArchiveMember)>& on_member);

} // namespace handoff
