#pragma once
// One file's bytes as read from disk, with its line index. Never moved once built,
// because the index and every parsed tree point into the bytes.
#include <string>

#include "core/location.hpp"

namespace handoff {

struct SourceFile {
    SourceFile(std::string relative_path, std::string file_bytes)
        : path(std::move(relative_path)), bytes(std::move(file_bytes)), lines(bytes) {}
    SourceFile(const SourceFile&) = delete;
    SourceFile& operator=(const SourceFile&) = delete;
    SourceFile(SourceFile&&) = delete;
    SourceFile& operator=(SourceFile&&) = delete;
    ~SourceFile() = default;

    std::string path;  // relative to the scanned root, '/' separated
    std::string bytes;
    LineIndex lines;

    [[nodiscard]] Location locate(Span span, std::string node_path = {}) const {
        Position from = lines.position(span.begin);
        Position to = lines.position(span.end > span.begin ? span.end : span.begin);
        return {path, from.line, from.column, to.line, to.column, std::move(node_path)};
    }
};

} // namespace handoff
