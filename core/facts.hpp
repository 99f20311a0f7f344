#pragma once
// The shared vocabulary format loaders emit, so that a check does not need to know
// which format a fact came from. Loaders fill Facts; checks read them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.hpp"

namespace handoff {

// Where in the file a fact was read from.
struct Site {
    Span span;
    std::string node_path;
};

// A value taken from a secret store: ${{ secrets.X }}, {{ $env.X }}, an n8n
// credential, ${input:x}, ${env:X}, a Jenkins credentialsId.
struct SecretRef {
    std::string name;      // X, or the credential's name
    std::string store;     // github-secret, env, n8n-credential, vscode-input, jenkins-credential, ...
    std::string owner;     // the job, node or server that uses it (for the inventory)
    std::string provider;  // best guess of the service (openai, slack, ...), may be empty
    Site site;
    // Where the client sets it, when more specific than the store's default wording
    // ("the environment Claude Code starts in"); empty: the store's wording.
    std::string where_to_set{};
    bool optional = false;   // a default is given (${VAR:-default}): nothing breaks when unset
    bool expanded = true;    // false: the client passes the reference text on literally
    std::string id{};        // the id the store knows it by (an n8n credential id), when written
};

// Where a secret is declared or documented: .env.example, workflow_call.secrets,
// VS Code inputs, an n8n credentials export.
struct SecretDecl {
    std::string name;
    std::string store;
    bool has_value = false;   // a value (not a placeholder) is present in the file
    bool required = false;
    Site site;
    std::string provider{};   // best guess of the service, or the credential type
    // The client prompts for it in plain sight and keeps it unencrypted (a VS Code
    // promptString for a key without password: true).
    bool shown_in_clear = false;
};

// An inbound trigger or webhook, or an outbound URL.
struct Endpoint {
    enum class Direction : std::uint8_t { inbound, outbound };
    Direction direction = Direction::inbound;
    std::string kind;      // webhook, form, chat, mcp-server, http-request, remote-trigger, ...
    std::string owner;     // node, job or server name
    std::string url;       // may hold an expression; never a secret (loaders redact)
    std::string auth;      // none, header, basic, jwt, token, oauth, unknown
    bool active = false;   // reachable now (workflow active, server enabled)
    Site site;
};

// A capability held by a job, agent, tool or server.
struct Grant {
    std::string holder;     // job, agent, node or server name
    std::string capability; // shell, network, filesystem, write:contents, approval-bypass, ...
    std::string scope;      // what it reaches: "*", a path, a domain, a permission level
    Site site;
    std::string detail{};   // how it was written, for messages ("npx -y pkg", "Bash(curl:*)"); never a secret
};

// A command that will run: a run: step, an Execute Command node, an MCP server's command line.
struct Exec {
    std::string holder;
    std::string command;
    Site site;
    std::string kind{};  // run-step, mcp-server, hook, credential-helper, ...; empty when not said
    std::string shell{};                     // bash, pwsh, sh, cmd, groovy, ...; empty when the default
    std::vector<std::string> secret_vars{};  // environment variables in scope that hold secrets
};

// Input an outsider controls: issue titles, PR bodies, webhook bodies, fetched pages.
struct Untrusted {
    std::string source;  // github.event.issue.title, webhook-body, web-page, ...
    std::string holder;
    Site site;
    std::string origin{};  // the trigger or step the input enters through, when known
    std::string via{};     // how it got here when not read directly: env.TITLE
};

// Something other than a secret the client must set up before the project runs: a
// community package to install, a plugin to add. Listed in the inventory.
struct Requirement {
    std::string name;   // n8n-nodes-evolution-api, langgenius/openai:0.0.7
    std::string store;  // n8n-community-package, dify-plugin (inventory wording by store)
    std::string owner;  // the node or app that needs it
    Site site;
};

// Fields added after the first four of a struct carry a default initializer, so loaders
// that brace-initialise the leading fields keep compiling when a field is appended.
struct Facts {
    std::vector<SecretRef> secret_refs;
    std::vector<SecretDecl> secret_decls;
    std::vector<Endpoint> endpoints;
    std::vector<Grant> grants;
    std::vector<Exec> execs;
    std::vector<Untrusted> untrusted;
    std::vector<Requirement> requirements{};
    // The automation platform whose export this is (one of platform:: in core/vocabulary.hpp),
    // empty for other documents. Outlives the platform's model, which is released with the
    // tree, so cross-file checks can still pick one platform's facts.
    std::string_view platform{};
};

} // namespace handoff
