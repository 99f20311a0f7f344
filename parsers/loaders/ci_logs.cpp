// CI job logs: GitHub Actions logs as downloaded (every line starts with a timestamp;
// ##[group] opens a step), GitLab raw job logs (section_start/section_end markers, ANSI
// codes, optional FF_TIMESTAMPS prefixes) and any other *.log. The loader reads the bytes
// once (a log has no tree) and builds the CiLog model: each step's byte range and when
// lines were logged. It emits no facts; masked values (***, [MASKED]) are no secrets, and
// keys are found by token detection over the file's bytes, columns being the file's own.
#include <memory>

#include "core/text.hpp"
#include "model/ci_log.hpp"
#include "model/timestamp.hpp"
#include "parsers/loaders/loader.hpp"

namespace handoff {

namespace {

// The text without ANSI escape sequences (ESC [ ... final byte) and carriage returns.
std::string plain(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
            continue;
        }
        if (c == '\r' || c == '\x1b') continue;
        out += c;
    }
    return out;
}

// At most limit bytes of text, never ending inside a UTF-8 sequence: a step name a hostile
// log makes megabytes long is cut for the label.
std::string_view prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return text.substr(0, cut);
}

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// `gh run view --log` prints "job<TAB>step<TAB>timestamp text": the job and step, and the
// line from its timestamp on; nothing when the line is not so.
struct Columns {
    std::string_view job;
    std::string_view step;
};

std::optional<Columns> gh_columns(std::string_view& line) {
    std::size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos || tab1 > 512) return std::nullopt;
    std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || tab2 - tab1 > 512 || !parse_iso(line.substr(tab2 + 1))) return std::nullopt;
    Columns c{line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1)};
    line.remove_prefix(tab2 + 1);
    return c;
}

// A line's leading timestamp ("2026-01-02T03:04:05.1234567Z "), and the text after it
// (GitLab's FF_TIMESTAMPS adds a stream field, "00O " or "01E+", which is skipped too).
std::optional<std::int64_t> strip_timestamp(std::string_view& line) {
    std::optional<std::int64_t> seconds = parse_iso(line);
    if (!seconds) return std::nullopt;
    std::size_t space = line.find(' ', 19);
    if (space == std::string_view::npos) return std::nullopt;
    line.remove_prefix(space + 1);
    if (line.size() >= 4 && hex_digit(line[0]) && hex_digit(line[1]) && (line[2] == 'O' || line[2] == 'E')) {
        std::size_t next = line[3] == '+' ? 4 : 3;
        if (next < line.size() && line[next] == ' ') line.remove_prefix(next + 1);
    }
    return seconds;
}

class StepBuilder {
public:
    explicit StepBuilder(CiLog& model) : model_(model) {}

    // From offset on, the log is in the step called name ("" for none).
    void enter(std::uint32_t offset, std::string name, std::int64_t started = -1, std::string job = {}) {
        close(offset);
        open_ = !name.empty();
        if (open_) model_.steps.push_back({{offset, offset}, std::move(name), std::move(job), started});
    }
    void close(std::uint32_t offset) {
        if (!open_) return;
        model_.steps.back().span.end = offset;
        if (model_.steps.back().span.empty()) model_.steps.pop_back();
        open_ = false;
    }

private:
    CiLog& model_;
    bool open_ = false;
};

struct Section {
    std::string name;
    std::int64_t started = -1;
};

// GitLab: every section_start:<ts>:<name> and section_end:<ts>:<name> on a line.
void gitlab_markers(std::string_view line, std::uint32_t line_begin, std::uint32_t next_line,
                    std::vector<Section>& open, StepBuilder& steps) {
    constexpr std::string_view kStart = "section_start:";
    constexpr std::string_view kEnd = "section_end:";
    std::size_t at = 0;
    bool changed = false;
    bool started_here = false;
    while (true) {
        std::size_t s = line.find(kStart, at);
        std::size_t e = line.find(kEnd, at);
        std::size_t pos = std::min(s, e);
        if (pos == std::string_view::npos) break;
        bool start = pos == s;
        std::size_t from = pos + (start ? kStart.size() : kEnd.size());
        std::size_t colon = line.find(':', from);
        if (colon == std::string_view::npos) break;
        std::int64_t ts = 0;
        bool numeric = colon > from;
        for (std::size_t i = from; i < colon && numeric; ++i) {
            numeric = line[i] >= '0' && line[i] <= '9';
            ts = ts * 10 + (line[i] - '0');
            if (ts > 253402300799) numeric = false;
        }
        std::size_t name_end = line.find_first_of("[\r\x1b \t", colon + 1);
        std::string name(prefix(line.substr(colon + 1, name_end == std::string_view::npos ? std::string_view::npos : name_end - colon - 1), 256));
        at = name_end == std::string_view::npos ? line.size() : name_end;
        if (!numeric || name.empty()) continue;
        changed = true;
        if (start) {
            // Real logs nest a few deep; a bound keeps each section_end's search short.
            if (open.size() == 64) open.erase(open.begin());
            open.push_back({std::move(name), ts});
            started_here = true;
        } else {
            for (std::size_t i = open.size(); i-- > 0;) {
                if (open[i].name == name) {
                    open.resize(i);
                    break;
                }
            }
        }
    }
    if (!changed) return;
    // A section starts at its marker's line; an ended one stops after the marker's line.
    std::uint32_t where = started_here ? line_begin : next_line;
    if (open.empty()) {
        steps.enter(where, {});
    } else {
        steps.enter(where, open.back().name, open.back().started);
    }
}

} // namespace

void load_ci_log(Document& doc) {
    auto model = std::make_unique<CiLog>();
    model->kind = doc.format == Format::github_actions_log ? CiLogKind::github_actions
                  : doc.format == Format::gitlab_job_log   ? CiLogKind::gitlab
                                                           : CiLogKind::generic;
    std::string_view bytes = doc.bytes();
    StepBuilder steps(*model);
    std::string step;        // GitHub: the step the log is in (its "Run ..." group)
    std::string group;       // GitHub: the group open now, when it is not the step's
    std::string job;         // GitHub, `gh run view --log`: the job of the step
    std::vector<Section> sections;  // GitLab: open sections, innermost last
    std::int64_t last_seconds = -1;
    for_each_line(bytes, [&](std::string_view line, std::size_t offset) {
        auto begin = static_cast<std::uint32_t>(offset);
        auto next = static_cast<std::uint32_t>(std::min(offset + line.size() + 1, bytes.size()));
        std::string_view content = line;
        if (offset == 0 && content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
        std::optional<Columns> columns;
        if (model->kind == CiLogKind::github_actions) columns = gh_columns(content);
        if (std::optional<std::int64_t> seconds = strip_timestamp(content)) {
            if (*seconds != last_seconds) model->times.push_back({begin, *seconds});
            last_seconds = *seconds;
        }
        if (columns) {
            // Every line names its job and step: a new step where they change.
            if (columns->job != job || columns->step != step) {
                job = std::string(prefix(columns->job, 256));
                step = std::string(prefix(columns->step, 256));
                steps.enter(begin, step, -1, job);
            }
        } else if (model->kind == CiLogKind::github_actions) {
            if (content.starts_with("##[group]")) {
                std::string name(trim(plain(prefix(content.substr(9), 512))));
                // The step's own group ("Run ./deploy.sh") holds its command; its output follows
                // the ##[endgroup]. Other groups are parts of a step.
                if (name.starts_with("Run ") || name.starts_with("Post ") || step.empty()) {
                    step = name;
                    group.clear();
                } else {
                    group = name;
                }
                steps.enter(begin, name);
            } else if (content.starts_with("##[endgroup]") && !group.empty()) {
                group.clear();
                steps.enter(next, step);
            }
        } else if (model->kind == CiLogKind::gitlab) {
            if (content.find("section_") != std::string_view::npos) gitlab_markers(content, begin, next, sections, steps);
        }
    });
    steps.close(static_cast<std::uint32_t>(bytes.size()));
    doc.model = std::move(model);
}

} // namespace handoff
