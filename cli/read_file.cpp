#include "cli/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace handoff {

namespace {

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&&) = delete;
    Fd& operator=(Fd&&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

FileBytes unreadable(int error) {
    FileBytes out;
    out.error = std::strerror(error);
    return out;
}

FileBytes too_large(std::uint64_t size) {
    FileBytes out;
    out.status = FileBytes::Status::too_large;
    out.size = size;
    return out;
}

} // namespace

FileBytes read_file(const std::filesystem::path& path, std::uint64_t limit) {
    // O_NONBLOCK: a FIFO swapped in after discovery must not hang the scan.
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) return unreadable(errno);
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return unreadable(errno);
    if (!S_ISREG(info.st_mode)) return unreadable(EINVAL);
    auto expected = static_cast<std::uint64_t>(std::max<off_t>(info.st_size, 0));
    if (expected > limit) return too_large(expected);
    // One byte more than expected, so that the read which sees the end needs no new buffer.
    // The buffer never grows past limit + 1 bytes, so a full buffer past the limit is the
    // only way a file can turn out too large here.
    FileBytes out;
    std::string& bytes = out.bytes;
    bytes.resize(static_cast<std::size_t>(expected) + 1);
    std::size_t used = 0;
    while (true) {
        if (used == bytes.size()) {  // the file grew since fstat
            if (used > limit) return too_large(used);
            bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(limit + 1, 2 * used)));
        }
        ssize_t got = ::read(fd.get(), bytes.data() + used, bytes.size() - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return unreadable(errno);
        if (got == 0) break;
        used += static_cast<std::size_t>(got);
    }
    bytes.resize(used);
    out.status = FileBytes::Status::ok;
    return out;
}

FileBytes read_stream(int fd, std::uint64_t limit) {
    FileBytes out;
    std::string& bytes = out.bytes;
    std::size_t used = 0;
    bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(limit + 1, 64U << 10U)));
    while (true) {
        if (used == bytes.size()) {
            if (used > limit) return too_large(used);
            bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(limit + 1, 2 * used)));
        }
        ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return unreadable(errno);
        if (got == 0) break;
        used += static_cast<std::size_t>(got);
    }
    bytes.resize(used);
    out.status = FileBytes::Status::ok;
    return out;
}

} // namespace handoff
