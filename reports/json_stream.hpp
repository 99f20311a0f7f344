#pragma once
// A streaming JSON emitter for reports with tens of thousands of findings: it writes as it
// goes instead of building a document first. The output is byte for byte what
// nlohmann::json::dump(2) gives (invalid UTF-8 replaced by U+FFFD the same way), so the
// format matches the rest of the tool and tests can check it against nlohmann.
#include <charconv>
#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// s as a JSON string literal, quotes included, appended to out.
void append_json_string(std::string& out, std::string_view s);

class JsonStream {
public:
    explicit JsonStream(std::ostream& out) : out_(out) {}
    JsonStream(const JsonStream&) = delete;
    JsonStream& operator=(const JsonStream&) = delete;
    JsonStream(JsonStream&&) = delete;
    JsonStream& operator=(JsonStream&&) = delete;
    ~JsonStream() { flush(); }

    JsonStream& begin_object() { return open('{'); }
    JsonStream& end_object() { return close('}'); }
    JsonStream& begin_array() { return open('['); }
    JsonStream& end_array() { return close(']'); }
    JsonStream& key(std::string_view name);  // in an object: the next value's name

    JsonStream& value(std::string_view s);
    JsonStream& value(const char* s) { return value(std::string_view(s)); }
    JsonStream& value(bool b);
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    JsonStream& value(T n) {
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        return raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }
    JsonStream& value(const std::vector<std::string>& strings);

    // key(name).value(v) in one call.
    template <typename T>
    JsonStream& member(std::string_view name, const T& v) {
        return key(name).value(v);
    }

    void flush();  // writes what is buffered; the destructor does too

private:
    JsonStream& open(char bracket);
    JsonStream& close(char bracket);
    JsonStream& raw(std::string_view literal);
    void before_value();
    void newline();

    std::ostream& out_;
    std::string buffer_;
    std::vector<bool> has_items_;  // per open bracket: has it a member yet?
    bool after_key_ = false;
};

} // namespace handoff
