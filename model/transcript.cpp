#include "model/transcript.hpp"

#include <algorithm>

namespace handoff {

namespace {

// A UUID is shown by its first 8 characters, as git shows a commit; other ids in full.
std::string_view short_id(std::string_view id) {
    if (id.size() == 36 && id[8] == '-' && id[13] == '-') return id.substr(0, 8);
    return id;
}

// A title is shown in full up to 60 bytes, never cut inside a UTF-8 sequence.
std::string short_title(std::string_view title) {
    if (title.size() <= 60) return std::string(title);
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0U) == 0x80U) --cut;
    return std::string(title.substr(0, cut)) + "...";
}

template <class T>
const T* holding(const std::vector<T>& items, std::uint32_t offset) {
    auto it = std::upper_bound(items.begin(), items.end(), offset,
                               [](std::uint32_t at, const T& item) { return at < item.span.begin; });
    if (it == items.begin()) return nullptr;
    --it;
    return offset < it->span.end ? &*it : nullptr;
}

// "(tool call call_1, 2026-01-02T03:04:05Z)"
std::string details(const TranscriptRecord& r) {
    std::string out = " (";
    out += r.role == Role::metadata ? std::string_view(r.what) : role_name(r.role);
    if (!r.call_id.empty()) {
        out += ' ';
        out += r.call_id;
    }
    if (!r.timestamp.empty()) {
        out += ", ";
        out += r.timestamp;
    }
    out += ')';
    return out;
}

std::string record_label(const TranscriptRecord& r, bool history) {
    std::string out;
    if (history) {
        out = "history prompt " + std::to_string(r.message);
        std::string inner = r.session.empty() ? std::string() : "session " + std::string(short_id(r.session));
        if (!inner.empty() && !r.timestamp.empty()) inner += ", ";
        inner += r.timestamp;
        return inner.empty() ? out : out + " (" + inner + ")";
    }
    if (!r.session.empty()) out = "session " + std::string(short_id(r.session)) + ", ";
    if (!r.agent.empty()) out += "subagent " + std::string(short_id(r.agent)) + ", ";
    if (r.message > 0) {
        out += "message " + std::to_string(r.message);
    } else {
        out += "record";
    }
    return out + details(r);
}

std::string advice(const Transcript& t, std::string_view session, std::string_view agent = {}) {
    std::string id = session.empty() ? std::string("<session id>") : std::string(session);
    std::string folder = "~/.claude/projects/" + (t.cwd.empty() ? std::string("<encoded cwd>") : claude_project_folder(t.cwd));
    switch (t.kind) {
    case TranscriptKind::claude_session:
        if (!agent.empty()) {
            return "Claude Code keeps this subagent's transcript in " + folder + "/" + id + "/subagents/agent-" +
                   std::string(agent) + ".jsonl (older versions: " + folder + "/agent-" + std::string(agent) +
                   ".jsonl): delete that file (or redact this line), and the session's " + id + ".jsonl beside it.";
        }
        return "Claude Code keeps this session in " + folder + "/" + id +
               ".jsonl: delete that file (or redact this line), and the session's prompts in ~/.claude/history.jsonl.";
    case TranscriptKind::claude_history:
        return "Claude Code keeps every prompt and pasted text in ~/.claude/history.jsonl: redact this line, and delete "
               "the session's transcript ~/.claude/projects/*/" + id + ".jsonl.";
    case TranscriptKind::codex_session:
        return "Codex keeps this session in $CODEX_HOME/sessions/YYYY/MM/DD/rollout-*-" + id +
               ".jsonl (CODEX_HOME defaults to ~/.codex): delete that file (or redact this line), and the session's "
               "prompts in ~/.codex/history.jsonl.";
    case TranscriptKind::codex_history:
        return "Codex keeps every prompt in ~/.codex/history.jsonl: redact this line ([history] persistence = \"none\" "
               "in config.toml stops it), and delete the session's rollout file under $CODEX_HOME/sessions/.";
    case TranscriptKind::chatgpt_export:
        return "Delete the conversation in ChatGPT (later exports will not hold it) and delete this export file and "
               "the zip it came in.";
    }
    return {};
}

} // namespace

std::string_view role_name(Role role) {
    switch (role) {
    case Role::user: return "user";
    case Role::assistant: return "assistant";
    case Role::tool_call: return "tool call";
    case Role::tool_result: return "tool result";
    case Role::system: return "system";
    case Role::summary: return "summary";
    case Role::reasoning: return "reasoning";
    case Role::metadata: return "metadata";
    }
    return "metadata";
}

std::string claude_project_folder(std::string_view cwd) {
    std::string out(cwd);
    for (char& c : out) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) c = '-';
    }
    return out;
}

const TranscriptRecord* Transcript::record_at(std::uint32_t offset) const { return holding(records, offset); }

const Conversation* Transcript::conversation_at(std::uint32_t offset) const { return holding(conversations, offset); }

std::optional<Place> Transcript::place_at(std::uint32_t offset) const {
    const bool history = kind == TranscriptKind::claude_history || kind == TranscriptKind::codex_history;
    const TranscriptRecord* record = record_at(offset);
    if (kind == TranscriptKind::chatgpt_export) {
        const Conversation* conversation = conversation_at(offset);
        if (conversation == nullptr) return std::nullopt;
        std::string label = conversation->title.empty()
                                ? "conversation " + conversation->id
                                : "conversation \"" + short_title(conversation->title) + "\" (" + conversation->id + ")";
        if (record != nullptr) label += ", message " + std::to_string(record->message) + details(*record);
        return Place{std::move(label), advice(*this, conversation->id)};
    }
    if (record == nullptr) return std::nullopt;
    return Place{record_label(*record, history), advice(*this, record->session, record->agent)};
}

} // namespace handoff
