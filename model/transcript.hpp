#pragma once
// The model of an agent transcript or chat export (Claude Code and Codex sessions and
// prompt histories, ChatGPT's conversations.json), built once by its loader: one record per
// message with its byte span, sorted by span, so that a finding names the message it is in
// and says how to delete that session. Plain data: it never points into the tree.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace handoff {

enum class TranscriptKind : std::uint8_t { claude_session, claude_history, codex_session, codex_history, chatgpt_export };

enum class Role : std::uint8_t { user, assistant, tool_call, tool_result, system, summary, reasoning, metadata };

// "user", "tool result", ...
std::string_view role_name(Role role);

struct TranscriptRecord {
    Span span;                  // the record's bytes: a JSONL line, a ChatGPT mapping entry
    std::string session;        // session or conversation id ("" when the file says none)
    std::uint32_t message = 0;  // 1-based within its session; 0 for metadata records
    Role role = Role::metadata;
    std::string what;           // for metadata records: the record's type ("session_meta", "file-history-snapshot")
    std::string timestamp;      // ISO-8601 UTC to the second, or empty
    std::string call_id;        // the tool call a Codex call or output belongs to
    std::string agent;          // Claude Code: the subagent (agentId) a sidechain record belongs to
};

// A ChatGPT conversation: its span covers its messages' records.
struct Conversation {
    Span span;
    std::string id;
    std::string title;
};

struct Transcript final : Model {
    TranscriptKind kind = TranscriptKind::claude_session;
    std::vector<TranscriptRecord> records;      // sorted by span.begin, spans disjoint
    std::vector<Conversation> conversations;    // ChatGPT only; sorted, disjoint
    // Claude Code: the session's working folder (its transcripts live under
    // ~/.claude/projects/<cwd with every non-alphanumeric byte as '-'>/).
    std::string cwd;

    [[nodiscard]] bool borrows_tree() const override { return false; }
    [[nodiscard]] std::optional<Place> place_at(std::uint32_t offset) const override;

    // The record holding offset, or nullptr (binary search).
    [[nodiscard]] const TranscriptRecord* record_at(std::uint32_t offset) const;
    [[nodiscard]] const Conversation* conversation_at(std::uint32_t offset) const;
};

// The folder name Claude Code keeps a project's sessions under: "/home/dev/app" -> "-home-dev-app".
std::string claude_project_folder(std::string_view cwd);

} // namespace handoff
