// The plan as a unified diff (every moved key masked) and its atomic application.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "core/redact.hpp"
#include "fix/fix.hpp"

namespace handoff {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size() - 1;
        lines.push_back(text.substr(start, nl - start + 1));
        start = nl + 1;
    }
    return lines;
}

std::string masked(std::string_view line, const std::vector<std::string>& secrets) {
    std::string out(line);
    for (const std::string& s : secrets) {
        if (out.find(s) != std::string::npos) out = redact_within(out, s);
    }
    return out;
}

void emit(std::string& out, char mark, std::string_view line, const std::vector<std::string>& secrets) {
    out += mark;
    std::string text = masked(line, secrets);
    bool newline = !text.empty() && text.back() == '\n';
    if (newline) text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();  // CRLF files: the diff shows lines, not bytes
    out += text;
    out += '\n';
    if (!newline) out += "\\ No newline at end of file\n";
}

// Fix edits replace text inside lines or append lines, so the changed region is what lies
// between the common first and last lines; it is shown as one hunk with its context.
void file_diff(std::string& out, const FileChange& change, const std::vector<std::string>& secrets) {
    std::vector<std::string_view> a = split_lines(change.before);
    std::vector<std::string_view> b = split_lines(change.after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    // Group the changed lines into hunks: runs of differing lines within the region, with
    // up to three lines of context; same-length regions compare line by line.
    struct Hunk {
        std::size_t a_from, a_to, b_from, b_to;  // half-open
    };
    std::vector<Hunk> hunks;
    std::size_t a_end = a.size() - tail;
    std::size_t b_end = b.size() - tail;
    if (a_end - head == b_end - head) {
        for (std::size_t i = head; i < a_end; ++i) {
            if (a[i] == b[i]) continue;
            if (!hunks.empty() && i <= hunks.back().a_to + 6) {
                hunks.back().a_to = hunks.back().b_to = i + 1;
            } else {
                hunks.push_back({i, i + 1, i, i + 1});
            }
        }
    } else {
        hunks.push_back({head, a_end, head, b_end});
    }
    out += "--- " + (change.created ? std::string("/dev/null") : "a/" + change.path) + "\n";
    out += "+++ b/" + change.path + "\n";
    for (const Hunk& h : hunks) {
        std::size_t ctx_from = h.a_from >= 3 ? h.a_from - 3 : 0;
        std::size_t a_ctx_end = std::min(a.size(), h.a_to + 3);
        std::size_t after_ctx = a_ctx_end - h.a_to;
        std::size_t a_len = a_ctx_end - ctx_from;
        std::size_t b_len = (h.a_from - ctx_from) + (h.b_to - h.b_from) + after_ctx;
        std::size_t b_from = h.b_from - (h.a_from - ctx_from);
        out += "@@ -" + std::to_string(a_len == 0 ? ctx_from : ctx_from + 1) + "," + std::to_string(a_len) + " +" +
               std::to_string(b_len == 0 ? b_from : b_from + 1) + "," + std::to_string(b_len) + " @@\n";
        for (std::size_t i = ctx_from; i < h.a_from; ++i) emit(out, ' ', a[i], secrets);
        if (h.a_to - h.a_from == h.b_to - h.b_from) {
            // Same number of lines: each line is either the same (context) or replaced.
            for (std::size_t i = 0; i < h.a_to - h.a_from; ++i) {
                if (a[h.a_from + i] == b[h.b_from + i]) {
                    emit(out, ' ', a[h.a_from + i], secrets);
                } else {
                    emit(out, '-', a[h.a_from + i], secrets);
                    emit(out, '+', b[h.b_from + i], secrets);
                }
            }
        } else {
            for (std::size_t i = h.a_from; i < h.a_to; ++i) emit(out, '-', a[i], secrets);
            for (std::size_t i = h.b_from; i < h.b_to; ++i) emit(out, '+', b[i], secrets);
        }
        for (std::size_t i = h.a_to; i < a_ctx_end; ++i) emit(out, ' ', a[i], secrets);
    }
}

} // namespace

std::string plan_diff(const FixPlan& plan) {
    std::string out;
    for (const FileChange& change : plan.changes) file_diff(out, change, plan.moved);
    return out;
}

bool apply_plan(const std::string& root_dir, const FixPlan& plan, std::string& error) {
    for (const FileChange& change : plan.changes) {
        std::string target = root_dir + "/" + change.path;
        std::string temp = target + ".handoff-fix." + std::to_string(::getpid());
        mode_t mode = change.path == ".env" ? 0600 : 0644;
        struct stat st {};
        if (::stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << change.after;
            out.flush();
            if (!out) {
                error = "cannot write " + temp;
                std::remove(temp.c_str());
                return false;
            }
        }
        if (::chmod(temp.c_str(), mode) != 0 || ::rename(temp.c_str(), target.c_str()) != 0) {
            error = "cannot replace " + target + ": " + std::strerror(errno);
            std::remove(temp.c_str());
            return false;
        }
    }
    return true;
}

} // namespace handoff
