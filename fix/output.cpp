// The plan as a unified diff (every moved key masked) and its atomic application.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
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

// Masks every moved value in a line. Values are found by their first kPrefix bytes in a
// hash table, so a diff of thousands of keys costs one lookup per byte, not one search
// per key and line.
class Masker {
public:
    explicit Masker(const std::vector<std::string>& secrets) {
        for (const std::string& s : secrets) {
            if (s.size() < kPrefix) {
                short_.push_back(&s);
                continue;
            }
            std::vector<std::size_t>& lengths = lengths_by_prefix_[s.substr(0, kPrefix)];
            if (std::find(lengths.begin(), lengths.end(), s.size()) == lengths.end()) lengths.push_back(s.size());
            whole_.insert(s);
        }
        for (auto& [prefix, lengths] : lengths_by_prefix_) std::sort(lengths.rbegin(), lengths.rend());
    }

    [[nodiscard]] std::string mask(std::string_view line) const {
        std::string out;
        std::size_t i = 0;
        while (i < line.size()) {
            std::size_t hit = 0;
            if (i + kPrefix <= line.size()) {
                auto it = lengths_by_prefix_.find(std::string(line.substr(i, kPrefix)));
                if (it != lengths_by_prefix_.end()) {
                    // Longest first: one hash lookup per length the values with this prefix have.
                    for (std::size_t length : it->second) {
                        if (i + length <= line.size() && whole_.count(std::string(line.substr(i, length))) != 0) {
                            hit = length;
                            break;
                        }
                    }
                }
            }
            if (hit != 0) {
                out += redact(line.substr(i, hit));
                i += hit;
            } else {
                out += line[i++];
            }
        }
        for (const std::string* s : short_) {
            if (out.find(*s) != std::string::npos) out = redact_within(out, *s);
        }
        return out;
    }

private:
    static constexpr std::size_t kPrefix = 6;
    std::unordered_map<std::string, std::vector<std::size_t>> lengths_by_prefix_;
    std::unordered_set<std::string> whole_;
    std::vector<const std::string*> short_;
};

// In a dotenv file every value is masked, also the ones fix did not put there.
std::string masked_entry(std::string_view line) {
    std::string_view text = line;
    std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || text.starts_with("#")) return std::string(line);
    std::string_view value = text.substr(eq + 1);
    std::string_view end;
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) {
        end = std::string_view(value.data() + value.size() - 1, end.size() + 1);
        value.remove_suffix(1);
    }
    if (value.empty()) return std::string(line);
    return std::string(text.substr(0, eq + 1)) + redact(value) + std::string(end);
}

void emit(std::string& out, char mark, std::string_view line, const Masker& secrets, bool dotenv) {
    out += mark;
    std::string text = dotenv ? masked_entry(line) : secrets.mask(line);
    bool newline = !text.empty() && text.back() == '\n';
    if (newline) text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();  // CRLF files: the diff shows lines, not bytes
    out += text;
    out += '\n';
    if (!newline) out += "\\ No newline at end of file\n";
}

// One line of the edit script: kept (' '), removed ('-') or added ('+'), with its index
// in the old (a) or new (b) text.
struct Op {
    char kind;
    std::size_t a;
    std::size_t b;
};

// The edit script between two texts: the common head and tail are kept, and the region
// between them (small: fix edits are local) is aligned by a longest common subsequence;
// a region too large for that is shown as removed and added.
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    std::vector<Op> ops;
    for (std::size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
    std::size_t n = a.size() - tail - head;
    std::size_t m = b.size() - tail - head;
    if (n * m <= 4'000'000) {
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                ops.push_back({' ', head + i++, head + j++});
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                ops.push_back({'-', head + i++, head + j});  // removals first, as diff(1) shows them
            } else {
                ops.push_back({'+', head + i, head + j++});
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', head + i, head});
        for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', head + n, head + j});
    }
    for (std::size_t k = 0; k < tail; ++k) ops.push_back({' ', a.size() - tail + k, b.size() - tail + k});
    return ops;
}

void file_diff(std::string& out, const FileChange& change, const Masker& secrets) {
    std::vector<std::string_view> a = split_lines(change.before);
    std::vector<std::string_view> b = split_lines(change.after);
    std::vector<Op> ops = edit_script(a, b);
    std::string_view name = std::string_view(change.path).substr(change.path.rfind('/') + 1);
    bool dotenv = name == ".env" || (name.starts_with(".env.") && name != ".env.example");
    out += "--- " + (change.created ? std::string("/dev/null") : "a/" + change.path) + "\n";
    out += "+++ b/" + change.path + "\n";
    constexpr std::size_t kContext = 3;
    std::size_t k = 0;
    while (k < ops.size()) {
        while (k < ops.size() && ops[k].kind == ' ') ++k;
        if (k == ops.size()) break;
        // A hunk: from three kept lines before the change to three after the last change
        // that is not separated from the next by more than twice the context.
        std::size_t from = k >= kContext ? k - kContext : 0;
        std::size_t last = k;
        std::size_t scan = k;
        while (scan < ops.size()) {
            if (ops[scan].kind != ' ') {
                last = scan;
            } else if (scan - last > 2 * kContext) {
                break;
            }
            ++scan;
        }
        std::size_t to = std::min(ops.size(), last + 1 + kContext);
        std::size_t a_len = 0;
        std::size_t b_len = 0;
        for (std::size_t i = from; i < to; ++i) {
            a_len += ops[i].kind != '+' ? 1 : 0;
            b_len += ops[i].kind != '-' ? 1 : 0;
        }
        std::size_t a_start = ops[from].a;
        std::size_t b_start = ops[from].b;
        out += "@@ -" + std::to_string(a_len == 0 ? a_start : a_start + 1) + "," + std::to_string(a_len) + " +" +
               std::to_string(b_len == 0 ? b_start : b_start + 1) + "," + std::to_string(b_len) + " @@\n";
        for (std::size_t i = from; i < to; ++i) {
            const Op& op = ops[i];
            emit(out, op.kind, op.kind == '+' ? b[op.b] : a[op.a], secrets, dotenv);
        }
        k = to;
    }
}

} // namespace

std::string plan_diff(const FixPlan& plan) {
    std::string out;
    std::vector<std::string> secrets = plan.moved;
    secrets.insert(secrets.end(), plan.left.begin(), plan.left.end());
    Masker masker(secrets);
    for (const FileChange& change : plan.changes) file_diff(out, change, masker);
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
