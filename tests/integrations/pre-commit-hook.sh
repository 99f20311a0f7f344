#!/usr/bin/env bash
# Runs the `handoff` hook of .pre-commit-hooks.yaml through pre-commit itself (try-repo, so the
# hook definition in this checkout is what runs) in a temporary git repository:
#   1. a staged file holding a made-up OpenAI key (random body, built here) fails the commit
#      check, and the key is never printed in full;
#   2. a clean staged file passes;
#   3. `args: [--fail-on, critical]` lets the high finding through.
# usage: tests/integrations/pre-commit-hook.sh HANDOFF_BINARY
# Exit 0 passed, 1 failed, 77 skipped (pre-commit or git missing; with CI set that is a failure).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
handoff="$1"

missing=""
for tool in pre-commit git; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  if [ -n "${CI:-}" ]; then echo "FAILED: missing$missing (.ci/run installs it)"; exit 1; fi
  echo "SKIPPED: missing$missing (apt-get install pre-commit)"; exit 77
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bin="$tmp/bin"
mkdir -p "$bin" "$tmp/work"
ln -s "$(cd "$(dirname "$handoff")" && pwd)/$(basename "$handoff")" "$bin/handoff"
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$tmp/cache" HOME="$tmp" GIT_CONFIG_NOSYSTEM=1
git config --global user.email test@example.invalid
git config --global user.name test
git config --global init.defaultBranch main
git config --global --add safe.directory '*'

# pre-commit try-repo clones the hook repository: a copy with the working tree's hook file,
# so uncommitted edits to .pre-commit-hooks.yaml are what is tested.
hooks="$tmp/hooks"
mkdir -p "$hooks"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks

cd "$tmp/work"
git init -q
fail() { echo "FAILED: $*"; exit 1; }

# A made-up OpenAI project key: the detector's shape with a random body, never a real one.
body() { python3 -c 'import secrets,string;a=string.ascii_letters+string.digits;print("".join(secrets.choice(a) for _ in range(56)),end="")'; }
key="sk-proj-$(body)T3BlbkFJ$(body)"

printf 'import os\nclient_key = "%s"\n' "$key" > app.py
git add app.py
if pre-commit try-repo "$hooks" handoff >"$tmp/staged-key.log" 2>&1; then
  cat "$tmp/staged-key.log"; fail "the hook passed a staged key"
fi
grep -q "openai-api-key" "$tmp/staged-key.log" || { cat "$tmp/staged-key.log"; fail "no openai-api-key finding shown"; }
grep -q "app.py:2:.*\[openai-api-key\]" "$tmp/staged-key.log" || { cat "$tmp/staged-key.log"; fail "no compact line (file:line ... [rule])"; }
if grep -qF "$key" "$tmp/staged-key.log"; then fail "the key was printed in full"; fi
echo "ok: a staged key fails the hook"

# Only staged files are judged: the key, now untracked, is not passed to the hook.
git rm -q --cached app.py
printf 'print("hello")\n' > clean.py
git add clean.py
pre-commit try-repo "$hooks" handoff >"$tmp/clean.log" 2>&1 || { cat "$tmp/clean.log"; fail "the hook failed a clean file"; }
echo "ok: a clean staged file passes"

# --fail-on critical (a config's args) lets a high finding through.
git add app.py
cat > .pre-commit-config.yaml <<CFG
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: handoff
        args: [--fail-on, critical]
CFG
git add .pre-commit-config.yaml
pre-commit run >"$tmp/critical.log" 2>&1 || { cat "$tmp/critical.log"; fail "--fail-on critical still failed on a high finding"; }
sed -i 's/critical/medium/' .pre-commit-config.yaml
git add .pre-commit-config.yaml
if pre-commit run >"$tmp/medium.log" 2>&1; then cat "$tmp/medium.log"; fail "--fail-on medium passed a high finding"; fi
echo "ok: args: [--fail-on, LEVEL] sets the level"
echo "pre-commit hook: passed"
