#!/usr/bin/env bash
# Runs handoff, agentshield and mcp-scan (../shared/tools/peers) side by side on the agent
# fixtures and the real MCP corpus, and prints what each finds, by category and by file.
#
# usage: bench/compare-agents.sh [DIR...]     (default: fixtures/{mcp,agent-settings,agent-tools}
#                                               and ../shared/corpus/realworld/mcp)
# env:   HANDOFF=path to the binary (default build/dev/handoff)
#        PEER_TOOLS_HOME=where the peers are installed (see ../shared/tools/peers/README.md)
#        KEEP=DIR keeps every tool's raw output there (agentshield's raw JSON holds unmasked secrets)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="$root/../shared/tools/peers"
handoff="${HANDOFF:-$root/build/dev/handoff}"
[ -x "$handoff" ] || { echo "compare-agents.sh: build handoff first ($handoff)" >&2; exit 2; }
if [ "$#" -eq 0 ]; then
  set -- "$root/fixtures/mcp" "$root/fixtures/agent-settings" "$root/fixtures/agent-tools" \
         "$root/../shared/corpus/realworld/mcp"
fi
out="${KEEP:-$(mktemp -d)}"
mkdir -p "$out"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$out"' EXIT
for dir in "$@"; do
  name="$(basename "$dir")"
  "$handoff" scan "$dir" --format json --fail-on none >"$out/$name.handoff.json" 2>/dev/null || true
  "$peers/run-agentshield.sh" "$dir" >"$out/$name.agentshield.json" 2>/dev/null || echo '{"findings":[]}' >"$out/$name.agentshield.json"
  "$peers/run-mcp-scan.sh" "$dir" >"$out/$name.mcp-scan.jsonl" 2>/dev/null || true
  python3 "$root/bench/compare_agents.py" "$name" "$dir" "$out/$name.handoff.json" "$out/$name.agentshield.json" "$out/$name.mcp-scan.jsonl"
done
