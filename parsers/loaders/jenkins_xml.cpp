#include "parsers/loaders/jenkins_xml.hpp"

namespace handoff {

std::string_view xml_text(const Node* element) {
    if (element == nullptr) return {};
    if (element->is_scalar()) return element->value;
    if (element->is_map()) return element->text("#text");
    return {};
}

Span xml_span(const Node& element) {
    if (element.is_map()) {
        if (const Node* text = element.find("#text"); text != nullptr) return text->span;
    }
    return element.span;
}

const Node* jenkins_job_element(const Node& root) {
    if (!root.is_map()) return nullptr;
    for (const Node& child : root.children) {
        if (child.is_map() && !child.key.empty() && child.key.front() != '@' && child.key.front() != '#') return &child;
    }
    return nullptr;
}

std::string jenkins_job_name(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (file == "config.xml" && slash != std::string_view::npos && slash > 0) {
        std::string_view dir = path.substr(0, slash);
        std::size_t prev = dir.rfind('/');
        return std::string(prev == std::string_view::npos ? dir : dir.substr(prev + 1));
    }
    return std::string(file);
}

} // namespace handoff
