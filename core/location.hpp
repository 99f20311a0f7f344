#pragma once
// Byte spans inside one file, and their translation into line/column positions.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// Half-open byte range [begin, end) into a file's bytes.
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    [[nodiscard]] bool empty() const { return end <= begin; }
    [[nodiscard]] std::uint32_t size() const { return end > begin ? end - begin : 0; }
    friend bool operator==(const Span&, const Span&) = default;
};

// 1-based line and column. Columns count Unicode code points (UTF-8 lead bytes),
// which is what editors and SARIF's "unicodeCodePoints" column kind expect.
struct Position {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    friend bool operator==(const Position&, const Position&) = default;
};

// Answers offset -> position in O(log lines). The line starts are found on first use:
// most files of a large scan never need a position.
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text) : text_(text) {}

    [[nodiscard]] Position position(std::uint32_t offset) const;
    [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts().size()); }
    // Byte offset where a 1-based line starts (clamped).
    [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const;
    // The text of a 1-based line without its end-of-line bytes.
    [[nodiscard]] std::string_view line_text(std::uint32_t line) const;

private:
    const std::vector<std::uint32_t>& starts() const;

    std::string_view text_;
    mutable std::once_flag built_;
    mutable std::vector<std::uint32_t> starts_;
    // The last position answered: findings come in offset order, so on a long line the
    // next column is counted from there, not from the line start (linear, not quadratic).
    mutable std::mutex last_mutex_;
    mutable std::uint32_t last_offset_ = 0;
    mutable Position last_{1, 1};
};

// Where a location is beyond its file position: a record of the file, a commit of history.
struct Provenance {
    std::string place;
    std::string commit;
    std::string commit_date;
};

// A finding's or diagnostic's place: data, not a glued string.
struct Location {
    std::string path;       // relative to the scanned root, '/' separated
    std::uint32_t line = 0; // 0 = whole file
    std::uint32_t column = 0;
    std::uint32_t end_line = 0;
    std::uint32_t end_column = 0;
    std::string node_path;  // e.g. jobs.build.steps[2].env.API_KEY; empty for raw text
    // Rarely set, so kept out of line: a large scan holds millions of locations (the inventory).
    std::shared_ptr<const Provenance> provenance{};

    // The record inside the file that holds it, in words, when the format has records a
    // person looks for (a transcript's message, a CI log's step); empty otherwise.
    [[nodiscard]] const std::string& place() const;
    // Set only for a finding read from git history (`scan --history`): the first commit that
    // brought this file version in at `path`, and that commit's date (ISO-8601, UTC).
    [[nodiscard]] const std::string& commit() const;
    [[nodiscard]] const std::string& commit_date() const;
    void set_place(std::string place);
    void set_commit(std::string commit, std::string date);
};

} // namespace handoff
