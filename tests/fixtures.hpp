#pragma once
// The fixture corpus, shared by the golden runner and the registry self-test.
#include <filesystem>
#include <string>
#include <vector>

#include "core/scan_result.hpp"

namespace handoff::testing {

// Every `<fixture>.expected` file under fixtures/, sorted.
std::vector<std::filesystem::path> fixture_expectations();
// The sorted golden lines for a scan's findings and diagnostics.
std::vector<std::string> render(const ScanResult& result);
std::vector<std::string> read_expected(const std::filesystem::path& file);
ScanResult scan_fixture(const std::filesystem::path& fixture);

} // namespace handoff::testing
