#include "parsers/loaders/node_paths.hpp"

#include "core/tree.hpp"

namespace handoff {

std::string child_path(std::string_view parent, std::string_view key) {
    std::string out(parent);
    append_path_key(out, key, parent.empty());
    return out;
}

std::string index_path(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

} // namespace handoff
