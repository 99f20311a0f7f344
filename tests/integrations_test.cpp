// The ways users run handoff besides the command line: the pre-commit hook, the GitHub
// Action and organisation workflow, the Debian package. Each is a script under
// tests/integrations/ that exits 0 (passed), 1 (failed) or 77 (a tool it needs is missing:
// SKIPPED here; with CI set the scripts fail instead, and .ci/run installs the tools).
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include "tests/support.hpp"

namespace {

void run_integration(const std::string& script, const std::string& arguments = "") {
    using namespace handoff::testing;
    TempDir dir;
    std::filesystem::path log = dir.path() / "log";
    std::string command = "'" + (source_dir() / "tests/integrations" / script).string() + "' '" +
                          std::string(HANDOFF_BINARY) + "' " + arguments + " > '" + log.string() + "' 2>&1";
    int status = std::system(command.c_str());
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string output = read_text(log);
    if (code == 77) {
        std::istringstream lines(output);
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("SKIPPED", 0) == 0) MESSAGE(script << ": " << line);
        }
        return;
    }
    CHECK_MESSAGE(code == 0, script << " failed:\n" << output);
}

} // namespace

TEST_SUITE("cli") {
    TEST_CASE("the pre-commit hook fails a staged key and passes a clean file (through pre-commit)") {
        run_integration("pre-commit-hook.sh");
    }

    TEST_CASE("the GitHub Action's script, its shape, the organisation review and actionlint") {
        run_integration("github.sh");
    }

    TEST_CASE("the Debian package holds the binary, man page and completions, and runs from a clean root") {
        run_integration("deb.sh");
    }
}
