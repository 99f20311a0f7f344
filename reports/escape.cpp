#include "reports/escape.hpp"

#include <algorithm>
#include <cstdint>

namespace handoff {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i.
// Overlong forms, surrogates and truncated sequences decode as U+FFFD (one byte consumed).
char32_t next_code_point(std::string_view text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2, cp = lead & 0x1FU, min = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3, cp = lead & 0x0FU, min = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4, cp = lead & 0x07U, min = 0x10000;
    } else {
        ++i;
        return kReplacement;
    }
    if (i + length > text.size()) {
        ++i;
        return kReplacement;
    }
    for (std::size_t k = 1; k < length; ++k) {
        unsigned char c = byte(i + k);
        if ((c & 0xC0U) != 0x80U) {
            ++i;
            return kReplacement;
        }
        cp = (cp << 6U) | (c & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kReplacement;
    }
    i += length;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0U | (cp >> 6U));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0U | (cp >> 12U));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18U));
        out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

void append_hex(std::string& out, std::uint32_t value, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> static_cast<unsigned>(shift)) & 0xFU];
}

// Characters that change how the surrounding text is displayed without being seen.
bool is_invisible_format(char32_t cp) {
    return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x061C || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

bool is_markdown_special(char c) {
    static constexpr std::string_view kSpecial = "\\`*_[]<>#+-!|~&@$";
    return kSpecial.find(c) != std::string_view::npos;
}

} // namespace

std::string clean_text(std::string_view text, Newlines newlines) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = next_code_point(text, i);
        if (cp == '\r' && i < text.size() && text[i] == '\n') continue;  // CRLF counts as one break
        if (cp == '\n' || cp == '\r') {
            out += newlines == Newlines::keep ? '\n' : ' ';
        } else if (cp == '\t') {
            out += '\t';
        } else if (cp < 0x20 || cp == 0x7F) {
            out += "\\x";
            append_hex(out, cp, 2);
        } else if ((cp >= 0x80 && cp <= 0x9F) || is_invisible_format(cp)) {
            out += "\\u";
            append_hex(out, cp, 4);
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

std::string html_escape(std::string_view text) {
    std::string clean = clean_text(text, Newlines::keep);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string xml_attribute(std::string_view text) {
    std::string escaped = html_escape(text);
    std::string out;
    out.reserve(escaped.size());
    for (char c : escaped) {
        if (c == '\n') {
            out += "&#10;";
        } else if (c == '\t') {
            out += "&#9;";
        } else {
            out += c;
        }
    }
    return out;
}

std::string markdown_text(std::string_view text) {
    std::string clean = clean_text(text);
    std::string out;
    out.reserve(clean.size() + clean.size() / 4);
    for (std::size_t i = 0; i < clean.size(); ++i) {
        char c = clean[i];
        std::string_view rest = std::string_view(clean).substr(i);
        // Break GFM's literal autolinks (https://..., www....): scanned URLs stay text.
        bool url_colon = c == ':' && rest.substr(1, 2) == "//";
        bool www_dot = c == '.' && i >= 3 && std::string_view(clean).substr(i - 3, 3) == "www";
        if (c == '\t') {
            out += ' ';
        } else if (is_markdown_special(c) || url_colon || www_dot) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string markdown_code(std::string_view text) {
    std::string clean = clean_text(text);
    std::replace(clean.begin(), clean.end(), '\t', ' ');
    std::size_t longest = 0;
    std::size_t run = 0;
    std::string body;
    body.reserve(clean.size());
    for (char c : clean) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
        // GFM splits table cells on '|' even inside code spans; "\|" is the escape.
        if (c == '|') body += '\\';
        body += c;
    }
    // push_back, not `body = " "`: g++ 12 at -O2 reports a false -Wrestrict on that assignment.
    if (body.empty()) body.push_back(' ');
    std::string_view pad = (body.front() == '`' || body.back() == '`' || body.front() == ' ') ? " " : "";
    std::string out(longest + 1, '`');
    out.append(pad).append(body).append(pad).append(longest + 1, '`');
    return out;
}

std::string markdown_fence(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string github_message(std::string_view text) {
    std::string clean = clean_text(text, Newlines::keep);
    std::string out;
    out.reserve(clean.size());
    for (char c : clean) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\r') {
            out += "%0D";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string message = github_message(text);
    std::string out;
    out.reserve(message.size());
    for (char c : message) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

std::string uri_path(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        bool unreserved = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += kHex[u >> 4U];
            out += kHex[u & 0xFU];
        }
    }
    return out;
}

} // namespace handoff
