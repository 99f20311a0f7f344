// libFuzzer target: the archive reader (sources/archive) on arbitrary bytes, with small
// limits, so damaged, truncated and hostile zip/tar/gzip streams are read to their end or
// stopped, never crash, and never hand on more than the limits allow.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sources/archive.hpp"

namespace {
// A shown name must never climb out: no "..", "." or empty part, no leading '/' or '\\'.
// ("..foo" is an ordinary name.)
bool climbs(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        std::string_view part = name.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return true;
        start = end + 1;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    handoff::ArchiveLimits limits;
    limits.member_bytes = 64U << 10U;
    limits.total_bytes = 1U << 20U;
    limits.members = 64;
    std::size_t members = 0;
    std::uint64_t kept = 0;
    handoff::read_archive(std::string_view(reinterpret_cast<const char*>(data), size), limits,
                          [&](handoff::ArchiveMember m) {
                              ++members;
                              kept += m.bytes.size();
                              if (m.bytes.size() > limits.member_bytes || climbs(m.name)) __builtin_trap();
                          });
    if (members > limits.members || kept > limits.total_bytes) __builtin_trap();
    return 0;
}
