#include "checks/support/ai_agents.hpp"
#include "core/text.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace handoff {

namespace {

// owner/repo of agent actions (and reusable workflows) -> product.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kAgentActions{{
    {"anthropics/claude-code-action", "Claude Code"},
    {"anthropics/claude-code-base-action", "Claude Code"},
    {"openai/codex-action", "Codex"},
    {"google-github-actions/run-gemini-cli", "Gemini CLI"},
    {"google-gemini/gemini-cli-action", "Gemini CLI"},
    {"all-hands-ai/openhands", "OpenHands"},
    {"all-hands-ai/openhands-resolver", "OpenHands"},
    {"mirrajabi/aider-github-action", "aider"},
    {"paul-gauthier/aider", "aider"},
    {"aider-ai/aider", "aider"},
    {"github/copilot-cli-action", "Copilot"},
    {"cursor/cursor-agent-action", "Cursor"},
}};

// Command lines that start an agent in a run: step (matched at a word start).
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kAgentCommands{{
    {"@anthropic-ai/claude-code", "Claude Code"},
    {"claude -p", "Claude Code"},
    {"claude --print", "Claude Code"},
    {"codex exec", "Codex"},
    {"@openai/codex", "Codex"},
    {"gemini -p", "Gemini CLI"},
    {"@google/gemini-cli", "Gemini CLI"},
    {"aider --message", "aider"},
    {"copilot -p", "Copilot"},
}};

constexpr std::array<std::string_view, 8> kPromptInputs{
    "prompt", "direct_prompt", "override_prompt", "custom_instructions",
    "system_prompt", "append_system_prompt", "message", "instructions",
};

constexpr std::array<std::string_view, 6> kShellMarkers{
    "bash", "danger-full-access", "dangerously-bypass", "dangerously-skip-permissions", "--yolo", "shell",
};

bool word_start(const std::string& text, std::size_t at) {
    return at == 0 || std::isalnum(static_cast<unsigned char>(text[at - 1])) == 0;
}

} // namespace

std::string_view agent_of_step(const GhStep& step) {
    GhUses uses = parse_uses(step.uses_text());
    std::string slug = uses_slug(uses);
    for (const auto& [action, product] : kAgentActions) {
        if (slug == action) return product;
    }
    if (step.run == nullptr) return {};
    return agent_of_command(step.run->value);
}

std::string_view agent_of_command(std::string_view command) {
    std::string run = lower(command);
    for (const auto& [prefix, product] : kAgentCommands) {
        std::size_t at = run.find(prefix);
        if (at != std::string::npos && word_start(run, at)) return product;
    }
    return {};
}

bool is_prompt_input(std::string_view input) {
    std::string name = lower(input);
    for (std::string_view p : kPromptInputs) {
        if (name == p) return true;
    }
    return false;
}

bool agent_has_shell(const GhStep& step) {
    std::string settings;
    if (step.with != nullptr) {
        for (const Node& input : step.with->children) {
            if (is_prompt_input(input.key) || !input.is_scalar()) continue;
            settings += lower(input.key);
            settings += '=';
            settings += lower(input.value);
            settings += '\n';
        }
    }
    if (step.run != nullptr) settings += lower(step.run->value);
    for (std::string_view marker : kShellMarkers) {
        if (settings.find(marker) != std::string::npos) return true;
    }
    return false;
}

bool agent_checks_actor(const GhStep& step) {
    // These actions refuse actors without write access unless an input opens them up.
    std::string slug = uses_slug(parse_uses(step.uses_text()));
    if (slug == "anthropics/claude-code-action") return step.input("allowed_non_write_users").empty();
    if (slug == "openai/codex-action") return step.input("allow-users").empty();
    return false;
}

} // namespace handoff
