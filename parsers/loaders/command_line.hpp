#pragma once
// Reads an MCP server's command line (or a hook's) the way the runner it names would:
// which packages npx/uvx/docker fetch and whether their versions are pinned, what a
// container can reach on the host, what a server listens on, which remote URL an
// stdio-to-HTTP proxy (mcp-remote, supergateway) connects to. Nothing is executed.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace handoff {

// Something on the command line worth a Grant or an Endpoint. source is the index
// of the argv element it was read from (0 = the command).
struct CommandRisk {
    std::string capability;  // unpinned-package, remote-script, filesystem-root, container-privileged,
                             // host-network, host-pid, host-mount, docker-socket
    std::string scope;       // the package, image, path or address
    std::string detail;      // how it is written, for messages (never a secret: names and flags only)
    std::size_t source = 0;
};

struct Listener {
    std::string address;     // 0.0.0.0:8080, ::, *
    std::string detail;
    std::size_t source = 0;
};

// An stdio server that only relays to a remote one: mcp-remote URL --header ...
struct RemoteTarget {
    std::string url;
    std::size_t source = 0;
    std::vector<std::size_t> header_sources;  // argv elements holding --header values
    bool oauth = false;  // the proxy runs the OAuth flow itself when the server asks (mcp-remote)
};

struct CommandAnalysis {
    std::vector<std::string> packages;  // every package or image named (without versions)
    std::vector<CommandRisk> risks;
    std::vector<Listener> listeners;
    std::vector<RemoteTarget> remotes;
};

// argv[0] is the command as written; when it is the only element and holds spaces,
// it is split like a shell would (simple quoting only).
CommandAnalysis analyze_command(const std::vector<std::string>& argv);

// npm-style spec "@scope/name@1.2.3" -> pinned to an exact version (not a tag, range or nothing).
bool npm_spec_pinned(std::string_view spec);
// Container image reference pinned by a digest or a tag other than latest.
bool image_pinned(std::string_view image);

} // namespace handoff
