#pragma once
// Building node paths by hand, for loaders and checks that know where they are:
// child_path("jobs", "build") == "jobs.build"; index_path("jobs.build.steps", 2) == "jobs.build.steps[2]".
#include <string>
#include <string_view>

namespace handoff {

std::string child_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);

} // namespace handoff
