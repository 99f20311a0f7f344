#pragma once
// Reading a Jenkins job's XML tree (elements are map members, attributes `@name`,
// mixed text `#text`), shared by the Jenkins loader and the Jenkins checks.
#include <string>
#include <string_view>

#include "core/tree.hpp"

namespace handoff {

// The element's text: a leaf element's value, or the `#text` of one with attributes.
std::string_view xml_text(const Node* element);
inline std::string_view xml_text(const Node& element) { return xml_text(&element); }
// Where that text is written.
Span xml_span(const Node& element);

// The job element (<project>, <flow-definition>, ...) under the document root, or nullptr.
const Node* jenkins_job_element(const Node& root);

// The job's name: the folder holding config.xml (jobs/<name>/config.xml), else the file name.
std::string jenkins_job_name(std::string_view path);

} // namespace handoff
