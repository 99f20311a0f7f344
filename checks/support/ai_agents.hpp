#pragma once
// AI coding agents that run in CI, kept as data: the actions and command lines that
// start one, the inputs that become its prompt, and the settings that give it a shell.
#include <string_view>

#include "model/ci.hpp"

namespace handoff {

// The agent's product name ("Claude Code") when the step runs an AI coding agent, else empty.
std::string_view agent_of_step(const GhStep& step);

// The same for a script of any CI (claude -p, codex exec, npx @google/gemini-cli ...).
std::string_view agent_of_command(std::string_view command);

// The step's inputs that are sent to the agent as its prompt or instructions.
bool is_prompt_input(std::string_view input);

// The step lets the agent run shell commands or leave its sandbox.
bool agent_has_shell(const GhStep& step);

// The action itself refuses triggering users without write access (claude-code-action
// unless allowed_non_write_users is set, codex-action unless allow-users is set).
bool agent_checks_actor(const GhStep& step);

} // namespace handoff
