#pragma once
// Scanned text is hostile: every writer passes it through one of these before output.
// Each escaper first cleans the text (clean_text), so a writer cannot forget that step.
#include <string>
#include <string_view>

namespace handoff {

enum class Newlines : bool { flatten, keep };

// Valid UTF-8 with nothing that can act on a reader's screen: invalid bytes become
// U+FFFD; control characters (ESC and the rest of C0, DEL, C1), bidirectional overrides,
// zero-width characters and U+2028/U+2029 become visible escapes such as "\x1b" or
// "\u202e". Tabs stay; line breaks stay with Newlines::keep, else become spaces.
std::string clean_text(std::string_view text, Newlines newlines = Newlines::flatten);

// HTML and XML text and attribute values (& < > " ' escaped; line breaks kept).
std::string html_escape(std::string_view text);
// XML attribute values: as html_escape, with line breaks and tabs as character references.
std::string xml_attribute(std::string_view text);

// GitHub-flavoured Markdown inline text on one line: punctuation that could start
// markup (including HTML tags and table pipes) is backslash-escaped.
std::string markdown_text(std::string_view text);
// A Markdown code span that holds text literally, safe inside a table cell.
std::string markdown_code(std::string_view text);
// A fence (``` or longer) that no line of text can close.
std::string markdown_fence(std::string_view text);

// GitHub Actions workflow command escaping (actions/toolkit command.ts): the message
// escapes % CR LF; property values also escape : and ,.
std::string github_message(std::string_view text);
std::string github_property(std::string_view text);

// A repository-relative path as a URI reference: '/' kept, everything outside the
// unreserved set percent-encoded (SARIF artifactLocation.uri).
std::string uri_path(std::string_view path);

} // namespace handoff
