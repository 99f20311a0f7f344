#include "tests/support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace handoff::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("handoff-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& content) const {
    fs::path target = path_ / relative;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << content;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

RunResult run_handoff(const std::string& arguments) {
    TempDir tmp;
    fs::path out = tmp.path() / "stdout";
    fs::path err = tmp.path() / "stderr";
    std::string command = std::string(HANDOFF_BINARY) + " " + arguments + " >" + out.string() + " 2>" + err.string() +
                          " </dev/null";
    int status = std::system(command.c_str());
    RunResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_text(out);
    result.err = read_text(err);
    return result;
}

fs::path source_dir() { return fs::path(HANDOFF_SOURCE_DIR); }
fs::path shared_dir() { return source_dir().parent_path() / "shared"; }

} // namespace handoff::testing
