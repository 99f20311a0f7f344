// The scan's file reader: the size limit holds at the boundary, and what is not a
// regular file is refused instead of read.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "cli/read_file.hpp"
#include "support.hpp"

using namespace handoff;
using handoff::testing::TempDir;

TEST_CASE("read_file: whole files up to the limit, a limit diagnostic beyond it") {
    TempDir dir;
    dir.write("empty.txt", "");
    dir.write("ten.txt", "0123456789");
    FileBytes empty = read_file(dir.path() / "empty.txt", 10);
    CHECK(empty.status == FileBytes::Status::ok);
    CHECK(empty.bytes.empty());
    FileBytes at_limit = read_file(dir.path() / "ten.txt", 10);
    CHECK(at_limit.status == FileBytes::Status::ok);
    CHECK(at_limit.bytes == "0123456789");
    FileBytes over = read_file(dir.path() / "ten.txt", 9);
    CHECK(over.status == FileBytes::Status::too_large);
    CHECK(over.size == 10);
    CHECK(over.bytes.empty());
    CHECK(read_file(dir.path() / "ten.txt", 0).status == FileBytes::Status::too_large);
}

TEST_CASE("read_file: missing files, folders and FIFOs are unreadable, and say why") {
    TempDir dir;
    FileBytes missing = read_file(dir.path() / "missing.txt", 100);
    CHECK(missing.status == FileBytes::Status::unreadable);
    CHECK_FALSE(missing.error.empty());
    CHECK(read_file(dir.path(), 100).status == FileBytes::Status::unreadable);
    std::filesystem::path fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(read_file(fifo, 100).status == FileBytes::Status::unreadable);  // returns: no writer needed
}
