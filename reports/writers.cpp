#include "reports/writer.hpp"

#include <functional>
#include <utility>

namespace handoff {

namespace {
using Factory = std::unique_ptr<ReportWriter> (*)();
const std::vector<std::pair<std::string_view, Factory>>& factories() {
    static const std::vector<std::pair<std::string_view, Factory>> list{
        {"text", &make_text_writer},
        {"json", &make_json_writer},
        {"sarif", &make_sarif_writer},
        {"markdown", &make_markdown_writer},
        {"html", &make_html_writer},
        {"junit", &make_junit_writer},
        {"github", &make_github_writer},
    };
    return list;
}
} // namespace

std::unique_ptr<ReportWriter> make_writer(std::string_view id) {
    for (const auto& [name, factory] : factories()) {
        if (name == id) return factory();
    }
    return nullptr;
}

std::vector<std::string_view> writer_ids() {
    std::vector<std::string_view> ids;
    for (const auto& entry : factories()) ids.push_back(entry.first);
    return ids;
}

} // namespace handoff
