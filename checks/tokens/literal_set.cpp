#include "checks/tokens/literal_set.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <queue>

namespace handoff::tokens {

namespace {
unsigned char fold(unsigned char c) { return static_cast<unsigned char>(std::tolower(c)); }
} // namespace

LiteralSet::LiteralSet(const std::vector<std::string>& keywords) {
    // Byte classes: one per distinct folded byte used by a keyword, class 0 for the rest.
    byte_class_.assign(256, 0);
    std::array<std::uint8_t, 256> folded_class{};
    for (const std::string& kw : keywords) {
        for (char c : kw) {
            unsigned char f = fold(static_cast<unsigned char>(c));
            if (folded_class[f] == 0) folded_class[f] = static_cast<std::uint8_t>(classes_++);
        }
    }
    for (int b = 0; b < 256; ++b) byte_class_[static_cast<std::size_t>(b)] = folded_class[fold(static_cast<unsigned char>(b))];

    // Trie.
    std::vector<std::map<std::uint32_t, std::uint32_t>> trie(1);
    std::vector<std::vector<std::uint32_t>> out(1);
    for (std::uint32_t id = 0; id < keywords.size(); ++id) {
        std::uint32_t s = 0;
        for (char c : keywords[id]) {
            std::uint32_t cls = byte_class_[static_cast<unsigned char>(c)];
            auto it = trie[s].find(cls);
            if (it == trie[s].end()) {
                trie[s][cls] = static_cast<std::uint32_t>(trie.size());
                s = static_cast<std::uint32_t>(trie.size());
                trie.emplace_back();
                out.emplace_back();
            } else {
                s = it->second;
            }
        }
        out[s].push_back(id);
        lengths_.push_back(static_cast<std::uint32_t>(keywords[id].size()));
        max_length_ = std::max<std::size_t>(max_length_, keywords[id].size());
    }

    // Breadth-first: failure links folded into a full transition table.
    std::size_t states = trie.size();
    next_.assign(states * classes_, 0);
    std::vector<std::uint32_t> fail(states, 0);
    std::queue<std::uint32_t> queue;
    for (const auto& [cls, child] : trie[0]) {
        next_[cls] = child;
        queue.push(child);
    }
    while (!queue.empty()) {
        std::uint32_t s = queue.front();
        queue.pop();
        for (const std::uint32_t id : out[fail[s]]) out[s].push_back(id);
        for (std::uint32_t cls = 0; cls < classes_; ++cls) {
            auto it = trie[s].find(cls);
            if (it != trie[s].end()) {
                std::uint32_t child = it->second;
                fail[child] = next_[fail[s] * classes_ + cls];
                next_[s * classes_ + cls] = child;
                queue.push(child);
            } else {
                next_[s * classes_ + cls] = next_[fail[s] * classes_ + cls];
            }
        }
    }
    // Renumber: states without output first (the root stays 0), states with output last.
    std::vector<std::uint32_t> order;
    for (std::uint32_t st = 0; st < states; ++st) {
        if (out[st].empty()) order.push_back(st);
    }
    auto quiet = static_cast<std::uint32_t>(order.size());
    for (std::uint32_t st = 0; st < states; ++st) {
        if (!out[st].empty()) order.push_back(st);
    }
    std::vector<std::uint32_t> new_id(states);
    for (std::uint32_t n = 0; n < states; ++n) new_id[order[n]] = n;
    std::vector<std::uint32_t> renumbered(states * classes_);
    for (std::uint32_t n = 0; n < states; ++n) {
        for (std::uint32_t cls = 0; cls < classes_; ++cls) {
            renumbered[n * classes_ + cls] = new_id[next_[order[n] * classes_ + cls]] * classes_;
        }
    }
    next_ = std::move(renumbered);
    first_accepting_ = quiet * classes_;
    output_begin_.reserve(states + 1);
    for (std::uint32_t n = 0; n < states; ++n) {
        output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
        outputs_.insert(outputs_.end(), out[order[n]].begin(), out[order[n]].end());
    }
    output_begin_.push_back(static_cast<std::uint32_t>(outputs_.size()));
}

void LiteralSet::emit(std::uint32_t row, std::size_t end, std::vector<Hit>& out) const {
    std::uint32_t st = row / classes_;
    for (std::uint32_t k = output_begin_[st]; k < output_begin_[st + 1]; ++k) {
        std::uint32_t id = outputs_[k];
        auto offset = static_cast<std::uint32_t>(end + 1 - lengths_[id]);
        // A keyword that overlaps its own last occurrence (inside a run of 'A's) is reported
        // once, where the run starts: a later start is glued to the keyword's own bytes, and
        // a 16 MiB run would otherwise cost a hit per byte.
        if (!out.empty() && out.back().keyword == id && offset < out.back().offset + lengths_[id]) continue;
        out.push_back({offset, id});
    }
}

void LiteralSet::find_all(std::string_view text, std::vector<Hit>& out) const {
    const std::uint8_t* classes = byte_class_.data();
    const std::uint32_t* next = next_.data();
    const std::uint32_t accepting = first_accepting_;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    // Each byte's step waits on the previous one's table load. Two automata walking the two
    // halves of the text at once keep the CPU busy while each waits. The second starts
    // one keyword length early, so it sees every keyword that ends in its half.
    const std::size_t overlap = max_length_ > 0 ? max_length_ - 1 : 0;
    if (n < 4 * (overlap + 64)) {
        std::uint32_t row = 0;
        for (std::size_t i = 0; i < n; ++i) {
            row = next[row + classes[p[i]]];
            if (row >= accepting) emit(row, i, out);
        }
        return;
    }
    const std::size_t mid = n / 2;
    const std::size_t second = mid - overlap;
    std::vector<Hit> later;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::size_t k = 0;
    for (; k < mid; ++k) {
        a = next[a + classes[p[k]]];
        b = next[b + classes[p[second + k]]];
        if (a >= accepting) emit(a, k, out);
        if (b >= accepting && second + k >= mid) emit(b, second + k, later);
    }
    for (std::size_t i = second + k; i < n; ++i) {
        b = next[b + classes[p[i]]];
        if (b >= accepting) emit(b, i, later);
    }
    out.insert(out.end(), later.begin(), later.end());
}

} // namespace handoff::tokens
