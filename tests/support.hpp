#pragma once
// Helpers shared by tests: temporary folders, running the handoff binary.
#include <filesystem>
#include <string>

namespace handoff::testing {

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;
    ~TempDir();
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // Writes content to path()/relative, creating folders.
    void write(const std::string& relative, const std::string& content) const;

private:
    std::filesystem::path path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs the built handoff binary with arguments (shell-quoted by the caller).
RunResult run_handoff(const std::string& arguments);

// The repository root and the shared material beside it (may not exist on a developer machine).
std::filesystem::path source_dir();
std::filesystem::path shared_dir();

std::string read_text(const std::filesystem::path& path);

} // namespace handoff::testing
