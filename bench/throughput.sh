#!/usr/bin/env bash
# Throughput of handoff's token scan against the floor (grep -rE with the providers'
# prefixes) and a peer (secretlint), on the tree ../shared/corpus/bench/generate.py writes.
# usage: bench/throughput.sh [--mb N] [--secretlint-mb N] [--jobs N]
# Prints MB/s and peak memory (from /usr/bin/time -v) for each, and checks that handoff finds
# every planted secret of bench-planted.tsv. The generated trees live under build/bench/
# (ignored by git); secretlint is installed under build/peers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
mb=200; slmb=20; jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="$2"; shift 2 ;;
    --secretlint-mb) slmb="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "usage: $0 [--mb N] [--secretlint-mb N] [--jobs N]" >&2; exit 2 ;;
  esac
done
bin="$root/build/release/handoff"
[ -x "$bin" ] || { echo "throughput.sh: build the release preset first" >&2; exit 2; }
out="$root/build/bench"
mkdir -p "$out"
gen() {  # gen DIR MB: (re)generate unless the tree for that size is already there
  if [ ! -f "$1/.mb" ] || [ "$(cat "$1/.mb")" != "$2" ]; then
    python3 "$shared/corpus/bench/generate.py" --out "$1" --mb "$2" >/dev/null
    echo "$2" >"$1/.mb"
  fi
}
gen "$out/main" "$mb"
tree="$out/main/bench"
bytes=$(du -sb "$tree" | cut -f1)

# measure NAME BYTES CMD...: runs CMD under /usr/bin/time -v; prints MB/s and peak RSS.
measure() {
  local name="$1" b="$2"; shift 2
  local t="$out/time.$name.txt"
  /usr/bin/time -v "$@" >"$out/out.$name" 2>"$t" || true
  python3 - "$t" "$b" "$name" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
mb = int(sys.argv[2]) / 1048576
# CPU seconds too: on a shared machine wall time measures the neighbours as much as the tool.
print(f"{sys.argv[3]:<14} {mb:8.1f} MB in {secs:6.2f} s  {mb / max(secs, 1e-3):8.1f} MB/s  peak {kb / 1024:6.1f} MB  cpu {cpu:6.2f} s")
PY
}

prefixes='T3BlbkFJ|sk-ant-|AIza|gh[pousr]_|github_pat_|glpat-|xox[bpe]-|xapp-|hooks\.slack\.com|discord(app)?\.com/api/webhooks|sk_live_|rk_live_|sk_test_|whsec_|AKIA|ASIA|SG\.|npm_|pypi-|gsk_|r8_|pplx-|xai-|sk-or-v1-|pcsk_|lsv2_|sb_secret_|sbp_|eyJ|PRIVATE KEY|hf_|ntn_|:AA'
cat "$tree"/repo*/*/* >/dev/null 2>&1 || true   # warm the page cache so both read from memory
echo "tree: $tree ($mb MB requested); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure grep "$bytes" grep -rE "$prefixes" "$tree"
measure handoff "$bytes" "$bin" scan "$tree" --format json --jobs "$jobs"

# Every planted secret found?
python3 - "$out/out.handoff" "$out/main/bench-planted.tsv" <<'PY'
import csv, json, sys
report = json.load(open(sys.argv[1]))
findings = report["findings"] if isinstance(report, dict) else report
found = {(f["location"]["path"].split("bench/", 1)[-1], f["location"]["line"]) for f in findings}
rows = list(csv.DictReader(open(sys.argv[2]), delimiter="\t"))
missed = [r for r in rows if (r["file"], int(r["line"])) not in found]
print(f"planted: {len(rows) - len(missed)}/{len(rows)} found" + ("" if not missed else "; missed: " + ", ".join(f"{r['file']}:{r['line']} {r['provider']}" for r in missed[:10])))
PY

# secretlint on a smaller tree: it is slow.
export PEER_TOOLS_HOME="$root/build/peers"
if [ ! -e "$PEER_TOOLS_HOME/secretlint/node_modules/.bin/secretlint" ]; then
  "$shared/tools/peers/install.sh" secretlint >/dev/null
fi
gen "$out/small" "$slmb"
small="$out/small/bench"
sbytes=$(du -sb "$small" | cut -f1)
measure secretlint "$sbytes" "$shared/tools/peers/run-secretlint.sh" "$small"
measure handoff-small "$sbytes" "$bin" scan "$small" --format json --jobs "$jobs"
