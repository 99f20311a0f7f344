#!/usr/bin/env bash
# Scores handoff's embedded-token findings on the labeled secrets corpus
# (../shared/corpus/secrets): recall and precision at exact lines.
# usage: bench/secrets-score.sh [--show N] [HANDOFF_BINARY]
# Run from anywhere; paths are resolved from the repository root.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${HANDOFF_SHARED:-$root/../shared}/corpus/secrets"
show=0
if [ "${1:-}" = "--show" ]; then show="$2"; shift 2; fi
bin="${1:-$root/build/release/handoff}"
[ -x "$bin" ] || bin="$root/build/dev/handoff"
[ -x "$bin" ] || { echo "secrets-score.sh: build handoff first (cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# handoff exits non-zero when it finds something; the report is what matters here.
"$bin" scan "$corpus/corpus" --format json >"$tmp/report.json" || true
python3 - "$tmp/report.json" "$tmp/generic.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
findings = report["findings"] if isinstance(report, dict) else report
out = []
for f in findings:
    if f.get("family", "embedded-token") != "embedded-token":
        continue
    loc = f["location"]
    out.append({"file": loc["path"], "line": loc["line"], "rule": f.get("rule", "")})
json.dump(out, open(sys.argv[2], "w"))
PY
args=(--format generic --by-provider)
[ "$show" != 0 ] && args+=(--show "$show")
python3 "$corpus/score.py" "$tmp/generic.json" "${args[@]}"
