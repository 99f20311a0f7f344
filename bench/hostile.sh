#!/usr/bin/env bash
# Hostile input at full size (issue 13): generates each case (every file under the
# default 16 MiB limit) under build/hostile/, scans it with the release binary under
# /usr/bin/time -v, and prints seconds, peak memory and a verdict per case.
# Target: every case under 2 s and 300 MB.
# usage: bench/hostile.sh [--bin PATH]   (default build/release/handoff)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/build/release/handoff"
[ "${1:-}" = "--bin" ] && bin="$2"
[ -x "$bin" ] || { echo "hostile.sh: build the release preset first (or pass --bin)" >&2; exit 2; }
out="$root/build/hostile"
rm -rf "$out" && mkdir -p "$out"

python3 - "$out" <<'PY'
import os, sys
out = sys.argv[1]
token = "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"  # checksum valid
body = "MIIEpAIBAAKCAQEAWfnm2uLDv7p1g9Ml9acqK/B78Tw7REGrhXSPB2Y3L72JwXMp"
def case(name, files):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    for rel, data in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
    return d
# 1. one-line JSON array of checksum-valid tokens (context lines: was cubic)
case("token-array-line", {"tokens.json": "[" + ",".join('"%s"' % token for _ in range(50000)) + "]"})
# 2. minified n8n export, 5,000 HTTP Request nodes on one line (context copies: was 6 GB)
nodes = ",".join('{"parameters":{"method":"POST","url":"https://api.example.com/v1/items/%d","options":{}},'
                 '"id":"n%d","name":"Request %d","type":"n8n-nodes-base.httpRequest","typeVersion":4.2,'
                 '"position":[0,0]}' % (i, i, i) for i in range(5000))
case("n8n-one-line", {"workflow.json": '{"name":"big","nodes":[' + nodes + '],"connections":{}}'})
# 3. YAML with a token on each of 40,000 lines (node path per token: was a tree walk each)
case("yaml-token-lines", {"tokens.yml": "".join("key%d: %s\n" % (i, token) for i in range(40000))})
# 4. private keys (masking; size: 20,000 blocks)
pem = "-----BEGIN RSA PRIVATE KEY-----\n" + (body + "\n") * 4 + "-----END RSA PRIVATE KEY-----\n"
case("private-keys", {"keys.pem": pem * 20000, "app.env": 'PRIVATE_KEY="' + pem + '"\n'})
# 5. NUL bytes in files parsers claim by name
case("nul-bytes", {"app.env": b"A=1\n\0\nGITHUB_TOKEN=" + token.encode() + b"\n" * 1000000})
# alias bomb, 100k nesting, XXE
lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev = "a"
for c in "bcdefghi":
    lol += "%s: &%s [%s]\n" % (c, c, ",".join("*" + prev for _ in range(9)))
    prev = c
case("alias-bomb", {"laughs.yml": lol})
case("deep-nesting", {"deep.json": "[" * 100000 + "]" * 100000, "deep.yml": "[" * 100000 + "]" * 100000,
                      "deep.xml": "<a>" * 100000, "deep.toml": "a = " + "[" * 100000 + "]" * 100000 + "\n"})
case("xxe", {"evil.xml": '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">'
             '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
             '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
             '<r>&x;&d;&d;&d;&d;&d;&d;&d;&d;</r>\n'})
# agent transcript (JSONL): 20,000 records, a token in every 100th tool result, and one 4 MB line
lines = []
for i in range(20000):
    out_text = ("output %d " % i) * 20 + (token if i % 100 == 0 else "")
    lines.append('{"type":"user","uuid":"u%d","sessionId":"4f1c2a9e-7b3d-4c8e-9a51-2d6f0e8b7c34","timestamp":'
                 '"2026-01-02T03:04:05.678Z","message":{"role":"user","content":[{"type":"tool_result",'
                 '"tool_use_id":"t%d","content":"%s"}]}}' % (i, i, out_text))
lines.append('{"type":"user","sessionId":"s","message":{"role":"user","content":"' + "x" * (4 << 20) + " " + token + '"}}')
case("claude-transcript", {".claude/projects/-home-dev/4f1c2a9e.jsonl": "\n".join(lines) + "\n"})
# GitHub Actions log: 300,000 timestamped lines, a group every 1,000 lines, a token every 1,000
log = []
for i in range(300000):
    text = ("##[group]Run step %d" % i) if i % 1000 == 0 else ("echo %s" % token if i % 1000 == 500 else "line %d ***" % i)
    log.append("2026-01-02T03:%02d:%02d.%07dZ %s" % (i // 6000 % 60, i // 100 % 60, i, text))
case("actions-log", {"1_build.txt": "\n".join(log) + "\n"})
# Archives: a gzip bomb (a 320 MiB member of zeros, about 300 KiB on disk, past the 256 MiB
# budget) and a zip of 20,000 members (past the 10,000-member limit), a key in each archive.
import io, tarfile, zipfile
d = case("archive-bomb", {})
with tarfile.open(os.path.join(d, "bomb.tgz"), "w:gz", compresslevel=1) as t:
    zeros = tarfile.TarInfo("zeros.bin"); zeros.size = 320 << 20
    t.addfile(zeros, io.BytesIO(bytes(320 << 20)))
    env = ("GH_TOKEN=%s\n" % token).encode(); info = tarfile.TarInfo("app/.env"); info.size = len(env)
    t.addfile(info, io.BytesIO(env))
with zipfile.ZipFile(os.path.join(d, "many.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(20000):
        z.writestr("m/%d.env" % i, "PORT=%d\nGH_TOKEN=%s\n" % (i, token) if i == 0 else "PORT=%d\n" % i)
# 100,000 small files
d = case("many-files", {})
for i in range(100000):
    sub = os.path.join(d, "d%03d" % (i // 1000))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "f%d.env" % i), "w") as f:
        f.write("PORT=%d\n" % i)
PY
# symlink loops and a FIFO
mkdir -p "$out/links/real"
echo "a: 1" >"$out/links/real/config.yml"
ln -s "$out/links" "$out/links/real/loop"
ln -s "$out/links/x" "$out/links/y"; ln -s "$out/links/y" "$out/links/x"
mkfifo "$out/links/pipe"

fail=0
printf '%-18s %8s %9s %5s  %s\n' case seconds peak_MB exit verdict
for dir in "$out"/*/; do
  name=$(basename "$dir")
  /usr/bin/time -v "$bin" scan "$dir" --format json -o "$out/$name.json" --fail-on none >/dev/null 2>"$out/$name.time" || true
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$out/$name.time")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
  code=$(awk -F': ' '/Exit status/ {print $2}' "$out/$name.time")
  mb=$((kb / 1024))
  verdict=ok
  if awk -v s="$secs" 'BEGIN{exit !(s >= 2)}' || [ "$mb" -ge 300 ] || [ "$code" -ne 0 ]; then verdict=FAIL; fail=1; fi
  # No byte of a private key body in any report.
  if grep -q "MIIEpAIBAAKCAQEAWfnm2uLD" "$out/$name.json" 2>/dev/null; then verdict="FAIL (key body in report)"; fail=1; fi
  printf '%-18s %8s %9s %5s  %s\n' "$name" "$secs" "$mb" "$code" "$verdict"
done
[ "$fail" -eq 0 ] && echo "verdict: every case under 2 s and 300 MB" || echo "verdict: some case over 2 s or 300 MB (see above)"
exit "$fail"
