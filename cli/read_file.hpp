#pragma once
// Reads one file for the scan: one open, one fstat and (usually) one read, and never more
// than the size limit plus one byte, even when the file grows while it is read.
#include <cstdint>
#include <filesystem>
#include <string>

namespace handoff {

struct FileBytes {
    enum class Status { ok, unreadable, too_large };
    Status status = Status::unreadable;
    std::string bytes;       // when ok
    std::uint64_t size = 0;  // when too_large: the size seen (at least limit + 1)
    std::string error;       // when unreadable
};

FileBytes read_file(const std::filesystem::path& path, std::uint64_t limit);

// Reads an open stream (standard input for `handoff scan -`) to its end, blocking, never
// keeping more than limit + 1 bytes: past the limit it stops reading and says too_large.
FileBytes read_stream(int fd, std::uint64_t limit);

} // namespace handoff
