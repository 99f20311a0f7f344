#!/usr/bin/env bash
# Precision of handoff on real projects (issue 14): re-scans ../shared/corpus/realworld and
# compares the findings with the judged sample in bench/triage/judgments.tsv.
# usage: bench/precision.sh [--only github|n8n|mcp] [HANDOFF_BINARY]
#   HANDOFF_BINARY: default $HANDOFF, then build/release/handoff
#   --only DIR: score only the findings under realworld/DIR (github: the CI sample of issue 15)
# A measurement, not a test: exits 0 unless the scan itself fails.
set -euo pipefail
only=""
if [ "${1:-}" = "--only" ]; then only="${2:?--only needs github, n8n or mcp}"; shift 2; fi
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
if [ ! -d "$shared" ]; then  # a git worktree: look next to the main checkout
  common="$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  [ -n "$common" ] && shared="$(dirname "$common")/../shared"
fi
corpus="$shared/corpus/realworld"
[ -d "$corpus" ] || { echo "precision.sh: no corpus at $corpus" >&2; exit 2; }
bin="${1:-${HANDOFF:-$root/build/release/handoff}}"
[ -x "$bin" ] || bin="$root/build/dev/handoff"
[ -x "$bin" ] || { echo "precision.sh: build handoff first (cmake --preset release && cmake --build --preset release) or pass the binary" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! "$bin" scan "$corpus" --format json -o "$tmp/report.json" --fail-on none >/dev/null 2>"$tmp/stderr"; then
  echo "precision.sh: scan failed:" >&2; cat "$tmp/stderr" >&2; exit 2
fi
python3 - "$tmp/report.json" "$root/bench/triage/judgments.tsv" "$only" <<'PY'
import collections, csv, json, sys
only = sys.argv[3]
inside = lambda path: not only or path.startswith(only + "/")
findings = [f for f in json.load(open(sys.argv[1]))["findings"] if inside(f["location"]["path"])]
judged = {}
for r in csv.DictReader(open(sys.argv[2]), delimiter="\t", quoting=csv.QUOTE_NONE):
    if inside(r["path"]):
        judged[(r["rule"], r["fingerprint"])] = r
current = {}
for f in findings:
    current.setdefault((f["rule"], f["fingerprint"]), f)
# A rule whose message changed (a severity reason added) changes the fingerprint of a
# non-token finding; the same rule at the same place is still the judged finding.
by_place = {}
for f in findings:
    by_place.setdefault((f["rule"], f["location"]["path"], str(f["location"]["line"])), f)
for k, r in judged.items():
    if k not in current and (r["rule"], r["path"], r["line"]) in by_place:
        current[k] = by_place[(r["rule"], r["path"], r["line"])]

def band(sev):
    return {"critical": "critical+high", "high": "critical+high", "medium": "medium"}.get(sev, "low+info")

def rate(rows):
    c = collections.Counter(r["verdict"] for r in rows)
    n = len(rows)
    if not n:
        return "n/a", None
    tp = c["TP"] / n
    return f"{n:4d} judged  TP {c['TP']:3d} ({tp:6.1%})  FP {c['FP']:3d} ({c['FP']/n:6.1%})  NOISE {c['NOISE']:3d} ({c['NOISE']/n:6.1%})", tp

matched = [dict(judged[k], now=current[k]) for k in judged if k in current]
# A finding whose severity changed since it was judged makes another claim: its verdict
# is re-judged before it counts again (listed below), neither kept nor dropped silently.
still = [r for r in matched if r["now"]["severity"] == r["severity"]]
rejudge = [r for r in matched if r["now"]["severity"] != r["severity"]]
gone = [judged[k] for k in judged if k not in current]
print(f"judged findings: {len(judged)}; still reported as judged: {len(still)}; severity changed (re-judge): {len(rejudge)}; gone: {len(gone)}; current findings: {len(findings)}")
fam = collections.defaultdict(list)
sev = collections.defaultdict(list)
for r in still:
    fam[r["now"]["family"]].append(r)
    sev[band(r["now"]["severity"])].append(r)  # severity as reported now
print("\nby family (still-reported judged findings):")
for k in sorted(fam):
    print(f"  {k:20s} {rate(fam[k])[0]}")
print("\nby severity (current severity):")
tps = {}
for k in ["critical+high", "medium", "low+info"]:
    line, tps[k] = rate(sev[k])
    print(f"  {k:20s} {line}")
fp_rules = collections.Counter(r["rule"] for r in still if r["verdict"] == "FP")
print("\nrules with more than one FP:")
bad = [(rule, n) for rule, n in fp_rules.most_common() if n > 1]
for rule, n in bad:
    ex = [f'{r["path"]}:{r["line"]}' for r in still if r["rule"] == rule and r["verdict"] == "FP"]
    print(f"  {rule}: {n}  e.g. {ex[0]}")
if not bad:
    print("  none")
print("\njudged findings no longer reported:")
for r in sorted(gone, key=lambda r: (r["verdict"] != "TP", r["rule"])):
    tag = "REGRESSION (vanished TP)" if r["verdict"] == "TP" else f"fixed {r['verdict']}"
    print(f"  {tag:26s} {r['rule']} {r['severity']} {r['path']}:{r['line']}  ({r['why']})")
if not gone:
    print("  none")
if rejudge:
    print("\njudged findings whose severity changed since judging (not counted until re-judged):")
    for r in rejudge:
        print(f"  {r['rule']} {r['severity']} -> {r['now']['severity']} [{r['verdict']}] {r['path']}:{r['line']}")
todo = [f for k, f in current.items() if k not in judged and f["severity"] in ("critical", "high")]
print(f"\ncurrent high/critical findings with no judgment (to be judged): {len(todo)}")
for f in sorted(todo, key=lambda f: (f["rule"], f["location"]["path"], f["location"]["line"])):
    print(f"  {f['fingerprint']} {f['rule']} {f['severity']} {f['location']['path']}:{f['location']['line']}")
print("\ntargets (issue 14):")
def target(name, value, goal):
    if value is None:
        print(f"  {name}: no judged findings: not measured")
    else:
        print(f"  {name}: {value:.1%} (target >= {goal:.0%}): {'met' if value >= goal else 'NOT met'}")
target("critical+high TP rate", tps["critical+high"], 0.95)
target("medium TP rate", tps["medium"], 0.85)
print(f"  no rule with more than one FP: {'met' if not bad else 'NOT met (' + ', '.join(r for r, _ in bad) + ')'}")
if only == "github":
    print("\ntargets (issue 15, CI checks on realworld/github):")
    print(f"  judged findings still reported: {len(still)} (target >= 60): {'met' if len(still) >= 60 else 'NOT met'}")
PY
