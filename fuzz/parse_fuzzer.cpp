// libFuzzer target: every syntax parser on arbitrary bytes. The first byte picks the
// parser; the tree is walked so that every node's spans are touched.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/tree.hpp"
#include "parsers/syntax/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    auto syntax = static_cast<handoff::Syntax>(data[0] % 6);
    std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    handoff::ParseResult result = handoff::parse(syntax, bytes);
    if (result.root) {
        std::size_t nodes = 0;
        handoff::walk(*result.root, [&](const handoff::Node& node, const handoff::NodePath&) {
            if (node.span.end > bytes.size() || node.key_span.end > bytes.size()) __builtin_trap();
            ++nodes;
            return true;
        });
    }
    for (const handoff::ParseProblem& p : result.problems) {
        if (p.offset > bytes.size()) __builtin_trap();
    }
    return 0;
}
