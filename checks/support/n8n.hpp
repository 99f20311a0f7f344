#pragma once
// Helpers the n8n checks share: the workflows of a document, hits placed on a node's
// own members, and short, redacted quotes of commands and code.
#include <string>
#include <string_view>
#include <vector>

#include "core/check.hpp"
#include "model/automation.hpp"

namespace handoff {

// The workflows of an n8n workflow export (its model); empty for any other document.
const std::vector<N8nWorkflow>& n8n_workflows_of(const Document& doc);

// A hit on a member of the node (e.g. its parameters.authentication) when it is
// written, otherwise on the node's `type` member.
Hit n8n_hit(const N8nNode& node, std::initializer_list<std::string_view> member, std::string message);
// A hit on the node's `type` member.
Hit n8n_type_hit(const N8nNode& node, std::string message);

// The first line(s) of a command or code, whitespace collapsed, long token-like
// words redacted, at most `max` characters: safe to quote in a message.
std::string quote_snippet(std::string_view text, std::size_t max = 60);

// A URL as messages show it: scheme://host (and "/..." when a path follows); an
// expression is quoted as a snippet.
std::string describe_url(std::string_view url);

// True when a URL parameter writes out its scheme and host and only the path, query or
// fragment vary: `https://api.example.com/jobs/{{ $json.id }}`. The host must end inside
// the literal, so `https://api.example.com{{ $json.x }}` (which could continue to
// `.evil.net`) is not fixed. A plain URL without an expression is fixed too.
bool host_is_fixed(std::string_view url);

// "'Name'" as messages print node names.
std::string quoted(std::string_view name);

// The untrusted inputs the loader recorded on one node whose site lies under `path_prefix`.
std::vector<const Untrusted*> untrusted_under(const Document& doc, const N8nNode& node,
                                              std::string_view path_prefix);

// "the webhook 'Webhook'" for an Untrusted's origin.
std::string describe_untrusted(const Untrusted& u);

} // namespace handoff
