#!/usr/bin/env bash
# Times `handoff scan --history` against `git log -p --all` (the floor of patch-based secret
# scanners such as gitleaks: they must at least produce every patch) on one repository built
# here: at least 1,500 commits over the real files of ../shared/corpus/realworld/ (adds, and
# edits of one to four files in the middle), plus a branch and a tag. Also times the same
# history read from a bare clone (no work tree to scan), so the two costs can be told apart. Both are timed in the same run, on the same repository, warm.
#
# usage: bench/history.sh [HANDOFF_BINARY] [COMMITS]
#   HANDOFF_BINARY  default: build/release/handoff, else build/dev/handoff
#   COMMITS         default 2000
#   ADD_EVERY       one commit in ADD_EVERY adds a file (default 10); the others edit 1-4 files.
#                   A smaller value makes the work tree a larger share of the scan.
#   SHARED_DIR      the shared/ folder (default: ../shared from the repository root)
# Writes build/bench/history.txt. Exit status 0 when handoff's whole history scan took less
# time than `git log -p --all` alone, 1 otherwise.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED_DIR:-$repo/../shared}"
corpus="$shared/corpus/realworld"
handoff="${1:-}"
commits="${2:-2000}"
if [ -z "$handoff" ]; then
  handoff="$repo/build/release/handoff"
  [ -x "$handoff" ] || handoff="$repo/build/dev/handoff"
fi
out="$repo/build/bench"
work="$out/history-repo"
mkdir -p "$out"
rm -rf "$work"
git init -q -b main "$work"

# One fast-import stream, shaped like a project's life: every fourth commit adds the next
# corpus file; the others edit one to three files added earlier, changing a line in the
# middle (a version bump, a new step), so history holds many versions of the same files.
python3 - "$corpus" "$commits" "${ADD_EVERY:-10}" <<'PY' | git -C "$work" fast-import --quiet
import os, sys
corpus, commits, add_every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files = []
for root, _, names in os.walk(corpus):
    for name in sorted(names):
        path = os.path.join(root, name)
        if os.path.getsize(path) < 512 * 1024:
            files.append(path)
files.sort()
out = sys.stdout.buffer
contents = {}
added = []
mark = 0
def blob(data):
    global mark
    mark += 1
    out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)) + data + b"\n")
    return mark
when = 1767225600
for i in range(commits):
    changed = []
    if i % add_every == 0 or len(added) < 3:
        src = files[len(added) % len(files)]
        rel = os.path.relpath(src, corpus)
        if rel in contents:
            rel = "copy-%d/%s" % (i, rel)
        contents[rel] = open(src, "rb").read()
        added.append(rel)
        changed.append(rel)
    else:
        for k in range(1 + i % 4):
            rel = added[(i * 7 + k * 13) % len(added)]
            lines = contents[rel].split(b"\n")
            at = len(lines) // 2
            near = lines[at] if at < len(lines) else b""
            indent = near[: len(near) - len(near.lstrip())]
            lines.insert(at, indent + b"# change %d" % i)
            contents[rel] = b"\n".join(lines)
            changed.append(rel)
    marks = [(rel, blob(contents[rel])) for rel in dict.fromkeys(changed)]
    msg = b"commit %d" % i
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer bench <bench@handoff.invalid> %d +0000\n" % (when + i * 60))
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    for rel, m in marks:
        out.write(b"M 100644 :%d %s\n" % (m, rel.encode()))
    out.write(b"\n")
out.write(b"reset refs/tags/v1\nfrom refs/heads/main\n\n")
PY
git -C "$work" checkout -q main
git -C "$work" branch -q side main~100
# Packed as a clone receives it (pack-objects orders deltas newest-first); fast-import's own
# pack chains each version on the one before, which no fetched repository looks like.
git -C "$work" repack -adfq

count=$(git -C "$work" rev-list --all --count)
versions=$(git -C "$work" rev-list --all --objects | cut -d' ' -f1 | git -C "$work" cat-file --batch-check='%(objecttype)' | grep -c '^blob$')
size=$(du -sh "$work/.git" | cut -f1)

now_ms() { date +%s%3N; }
# Warm both: the first read of the pack is not what either tool costs. Then the best of
# three runs of each, as bench/throughput.sh does: the machine is shared, the minimum is
# what the tool costs.
git -C "$work" log -p --all >/dev/null
rm -rf "$out/history-bare.git"
git clone -q --bare "$work" "$out/history-bare.git"
best() {  # best of three wall times in ms of the command given
  local best_ms=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(now_ms)
    "$@" >/dev/null
    t1=$(now_ms)
    if [ -z "$best_ms" ] || [ $((t1 - t0)) -lt "$best_ms" ]; then best_ms=$((t1 - t0)); fi
  done
  echo "$best_ms"
}
git_ms=$(best git -C "$work" log -p --all)
handoff_ms=$(best "$handoff" scan "$work" --history --format json --fail-on never)
bare_ms=$(best "$handoff" scan "$out/history-bare.git" --history --format json --fail-on never)
"$handoff" scan "$work" --history --format json --fail-on never >"$out/history.json" || true

python3 - "$out/history.json" "$count" "$versions" "$size" "$git_ms" "$handoff_ms" "$bare_ms" <<'PY' | tee "$out/history.txt"
import json, sys
report = json.load(open(sys.argv[1]))
count, versions, size, git_ms, handoff_ms, bare_ms = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
h = report.get("history", {})
print(f"repository: {count} commits, {versions} file versions, .git {size}")
print(f"handoff scan --history: {handoff_ms} ms ({h.get('commits')} commits walked, {h.get('versions')} versions scanned, "
      f"{h.get('bytes', 0) / 1e6:.1f} MB, plus {len(report['files'])} work tree files)")
print(f"  the same history from a bare clone (no work tree): {bare_ms} ms")
print(f"git log -p --all:       {git_ms} ms (patch text only, nothing scanned)")
print(f"ratio: handoff takes {handoff_ms / max(git_ms, 1):.2f}x the time of git log -p --all (best of 3 each)")
print("findings:", len(report["findings"]), "of which from history:",
      sum(1 for f in report["findings"] if "commit" in f["location"]))
PY
[ "$handoff_ms" -lt "$git_ms" ]
