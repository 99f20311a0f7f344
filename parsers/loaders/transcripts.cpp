// Agent transcripts and chat exports: Claude Code and Codex sessions and prompt histories
// (JSON Lines, one record per line) and ChatGPT's conversations.json. The loader builds the
// Transcript model, one record per message, so that a finding names the message it is in.
// It emits no facts: a transcript quotes references (${{ secrets.X }}, $API_KEY) without
// reading them, and every key in it is found by token detection over the file's bytes.
#include <charconv>
#include <memory>
#include <unordered_map>

#include "core/path_name.hpp"
#include "model/timestamp.hpp"
#include "model/transcript.hpp"
#include "parsers/loaders/loader.hpp"

namespace handoff {

namespace {

// Ids and names are copied into every record of their session: a hostile file's 10 MB id
// must not be copied a million times, so each is cut to a bound (never inside a UTF-8 sequence).
std::string bounded(std::string_view text, std::size_t limit = 128) {
    if (text.size() <= limit) return std::string(text);
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return std::string(text.substr(0, cut)) + "...";
}

std::string iso_of(const Node* n) {
    if (n == nullptr || !n->is_scalar()) return {};
    if (n->type == ScalarType::number) {
        double value = 0;
        const char* first = n->value.data();
        auto [ptr, ec] = std::from_chars(first, first + n->value.size(), value);
        if (ec != std::errc()) return {};
        // Epoch milliseconds from 2001 on have 13 digits; seconds have 10.
        return value >= 1e11 ? iso_from_epoch_millis(value) : iso_from_epoch_seconds(value);
    }
    return normalize_iso(n->value);
}

bool any_block(const Node* content, std::string_view type) {
    if (content == nullptr || !content->is_seq()) return false;
    for (const Node& block : content->children) {
        if (block.is_map() && block.text("type") == type) return true;
    }
    return false;
}

bool only_blocks(const Node* content, std::string_view type) {
    if (content == nullptr || !content->is_seq() || content->children.empty()) return false;
    for (const Node& block : content->children) {
        if (!block.is_map() || block.text("type") != type) return false;
    }
    return true;
}

std::string file_stem(std::string_view path) {
    std::string_view name = base_name(path);
    if (std::size_t dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(0, dot);
    return std::string(name);
}

// Numbers messages within each session.
class Counter {
public:
    std::uint32_t next(const std::string& session) { return ++counts_[session]; }

private:
    std::unordered_map<std::string, std::uint32_t> counts_;
};

// ---- Claude Code -------------------------------------------------------------------

Role claude_role(const Node& line, std::string_view type) {
    const Node* message = line.find("message");
    const Node* content = message != nullptr ? message->find("content") : nullptr;
    if (type == "user") {
        if (any_block(content, "tool_result") || line.find("toolUseResult") != nullptr) return Role::tool_result;
        return Role::user;
    }
    if (type == "assistant") {
        if (any_block(content, "tool_use")) return Role::tool_call;
        if (only_blocks(content, "thinking")) return Role::reasoning;
        return Role::assistant;
    }
    if (type == "system") return Role::system;
    if (type == "summary") return Role::summary;
    return Role::metadata;
}

void load_claude_session(Document& doc, Transcript& model) {
    // A summary line names no session: it belongs to the file's.
    std::string file_session;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map()) continue;
        if (file_session.empty()) file_session = bounded(line.text("sessionId"));
        if (model.cwd.empty()) model.cwd = bounded(line.text("cwd"), 1024);
        if (!file_session.empty() && !model.cwd.empty()) break;
    }
    if (file_session.empty()) file_session = bounded(file_stem(doc.path()));
    Counter counter;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map()) continue;
        TranscriptRecord r;
        r.span = line.span;
        r.session = line.text("sessionId").empty() ? file_session : bounded(line.text("sessionId"));
        std::string_view type = line.text("type");
        r.role = claude_role(line, type);
        if (r.role == Role::metadata) {
            r.what = type.empty() ? "record" : bounded(type, 64);
        } else {
            r.message = counter.next(r.session);
        }
        r.timestamp = iso_of(line.find("timestamp"));
        if (line.text("isSidechain") == "true") r.agent = bounded(line.text("agentId"));
        model.records.push_back(std::move(r));
    }
}

void load_claude_history(Document& doc, Transcript& model) {
    std::uint32_t prompt = 0;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map()) continue;
        TranscriptRecord r;
        r.span = line.span;
        r.session = bounded(line.text("sessionId"));
        r.role = Role::user;
        r.message = ++prompt;
        r.timestamp = iso_of(line.find("timestamp"));
        model.records.push_back(std::move(r));
    }
}

// ---- Codex -------------------------------------------------------------------------

Role codex_role(std::string_view type, const Node* payload, std::string& what) {
    std::string_view kind = payload != nullptr ? payload->text("type") : std::string_view();
    if (type == "session_meta" || type == "turn_context") {
        what = bounded(type, 64);
        return Role::metadata;
    }
    if (type == "compacted") return Role::summary;
    if (type == "response_item") {
        if (kind == "message") {
            std::string_view role = payload->text("role");
            if (role == "user") return Role::user;
            if (role == "assistant") return Role::assistant;
            return Role::system;  // developer and system messages
        }
        if (kind == "function_call" || kind == "custom_tool_call" || kind == "local_shell_call" ||
            kind == "web_search_call") {
            return Role::tool_call;
        }
        if (kind == "function_call_output" || kind == "custom_tool_call_output") return Role::tool_result;
        if (kind == "reasoning") return Role::reasoning;
    }
    if (type == "event_msg") {
        if (kind == "user_message") return Role::user;
        if (kind == "agent_message") return Role::assistant;
        if (kind == "agent_reasoning" || kind == "agent_reasoning_raw_content") return Role::reasoning;
        if (kind.ends_with("_end") || kind.ends_with("_output")) return Role::tool_result;
    }
    what = bounded(kind.empty() ? (type.empty() ? std::string_view("record") : type) : kind, 64);
    return Role::metadata;
}

void load_codex_session(Document& doc, Transcript& model) {
    std::string session;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map() || line.text("type") != "session_meta") continue;
        if (const Node* payload = line.find("payload"); payload != nullptr && payload->is_map()) {
            session = bounded(payload->text("id"));
            model.cwd = bounded(payload->text("cwd"), 1024);
        }
        break;
    }
    Counter counter;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map()) continue;
        const Node* payload = line.find("payload");
        if (payload != nullptr && !payload->is_map()) payload = nullptr;
        TranscriptRecord r;
        r.span = line.span;
        r.session = session;
        r.role = codex_role(line.text("type"), payload, r.what);
        if (r.role != Role::metadata) r.message = counter.next(session);
        if (payload != nullptr) r.call_id = bounded(payload->text("call_id"), 64);
        r.timestamp = iso_of(line.find("timestamp"));
        model.records.push_back(std::move(r));
    }
}

void load_codex_history(Document& doc, Transcript& model) {
    std::uint32_t prompt = 0;
    for (const Node& line : doc.tree->children) {
        if (!line.is_map()) continue;
        TranscriptRecord r;
        r.span = line.span;
        r.session = bounded(line.text("session_id").empty() ? line.text("conversation_id") : line.text("session_id"));
        r.role = Role::user;
        r.message = ++prompt;
        r.timestamp = iso_of(line.find("ts"));
        model.records.push_back(std::move(r));
    }
}

// ---- ChatGPT -----------------------------------------------------------------------

Role chatgpt_role(const Node& message) {
    const Node* author = message.find("author");
    std::string_view role = author != nullptr ? author->text("role") : std::string_view();
    if (role == "user") return Role::user;
    if (role == "tool") return Role::tool_result;
    if (role == "system") return Role::system;
    std::string_view recipient = message.text("recipient");
    if (role == "assistant" && !recipient.empty() && recipient != "all") return Role::tool_call;
    return Role::assistant;
}

void load_conversation(const Node& conversation, Transcript& model) {
    if (!conversation.is_map()) return;
    Conversation c;
    c.span = conversation.span;
    c.id = bounded(conversation.text("id").empty() ? conversation.text("conversation_id") : conversation.text("id"));
    c.title = bounded(conversation.text("title"), 256);
    model.conversations.push_back(c);
    const Node* mapping = conversation.find("mapping");
    if (mapping == nullptr || !mapping->is_map()) return;
    std::uint32_t number = 0;
    for (const Node& entry : mapping->children) {
        const Node* message = entry.is_map() ? entry.find("message") : nullptr;
        if (message == nullptr || !message->is_map()) continue;
        TranscriptRecord r;
        r.span = entry.span;
        r.session = c.id;
        r.role = chatgpt_role(*message);
        r.message = ++number;
        r.timestamp = iso_of(message->find("create_time"));
        model.records.push_back(std::move(r));
    }
}

} // namespace

void load_transcript(Document& doc) {
    auto model = std::make_unique<Transcript>();
    switch (doc.format) {
    case Format::claude_session:
        model->kind = TranscriptKind::claude_session;
        if (doc.tree->is_seq()) load_claude_session(doc, *model);
        break;
    case Format::claude_history:
        model->kind = TranscriptKind::claude_history;
        if (doc.tree->is_seq()) load_claude_history(doc, *model);
        break;
    case Format::codex_session:
        model->kind = TranscriptKind::codex_session;
        if (doc.tree->is_seq()) load_codex_session(doc, *model);
        break;
    case Format::codex_history:
        model->kind = TranscriptKind::codex_history;
        if (doc.tree->is_seq()) load_codex_history(doc, *model);
        break;
    case Format::chatgpt_export:
        model->kind = TranscriptKind::chatgpt_export;
        if (doc.tree->is_seq()) {
            for (const Node& conversation : doc.tree->children) load_conversation(conversation, *model);
        } else {
            load_conversation(*doc.tree, *model);
        }
        break;
    default: return;
    }
    doc.model = std::move(model);
}

} // namespace handoff
