// libFuzzer target: the whole per-file path (detection, parsing, format loaders and
// every check) on arbitrary bytes under a path chosen by the first byte, so each
// format's loader sees hostile trees.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "checks/registry.hpp"
#include "cli/scan.hpp"

namespace {
constexpr std::array<const char*, 20> kPaths{
    ".github/workflows/ci.yml", "action.yml", ".gitlab-ci.yml", "jobs/x/config.xml",
    "workflow.json", "credentials.json", "blueprint.json", "flows.json",
    ".vscode/mcp.json", ".claude/settings.local.json", "tools.json", ".env",
    "settings.xml", "NuGet.config", ".codex/config.toml", "notes.txt",
    ".claude/projects/-home-dev/s.jsonl", "rollout-1.jsonl", "conversations.json", "job.log"};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string path = kPaths[data[0] % kPaths.size()];
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    auto doc = handoff::load_document(path, std::move(bytes), {});
    handoff::FindingSink sink;
    for (const auto& check : handoff::all_checks()) check->check_file(*doc, sink);
    for (const handoff::Finding& f : sink.take()) {
        if (f.location.line == 0 && f.location.column != 0) __builtin_trap();
    }
    return 0;
}
