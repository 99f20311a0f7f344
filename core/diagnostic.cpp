#include "core/diagnostic.hpp"

namespace handoff {

std::string_view to_string(DiagnosticKind kind) {
    switch (kind) {
    case DiagnosticKind::parse_error: return "parse-error";
    case DiagnosticKind::limit: return "limit";
    case DiagnosticKind::unreadable: return "unreadable";
    case DiagnosticKind::encoding: return "encoding";
    case DiagnosticKind::skipped: return "skipped";
    case DiagnosticKind::internal: return "internal";
    case DiagnosticKind::config: return "config";
    }
    return "internal";
}

} // namespace handoff
