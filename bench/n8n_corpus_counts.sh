#!/usr/bin/env bash
# Counts what handoff finds in the public n8n workflow corpus: open webhooks, open
# forms, public chats, inline keys, missing credentials and pinned data, plus how
# many files were detected as n8n workflows. Usage: bench/n8n_corpus_counts.sh [handoff] [corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
handoff="${1:-./build/release/handoff}"
[ -x "$handoff" ] || handoff=./build/dev/handoff
corpus="${2:-../shared/corpus/realworld/n8n}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

start=$(date +%s.%N)
"$handoff" scan "$corpus" --format json --fail-on none --output "$report"
end=$(date +%s.%N)

jq -r --arg seconds "$(echo "$end - $start" | bc)" '
  def rule(r): [.findings[] | select(.rule == r)] | length;
  def files_with(r): [.findings[] | select(.rule == r) | .location.path] | unique | length;
  "corpus files:            \(.files | length) (\([.files[] | select(.format == "n8n-workflow")] | length) detected as n8n-workflow, \([.files[] | select(.format != "n8n-workflow" and (.path | endswith(".json")))] | length) other .json)",
  "diagnostics:             \(.diagnostics | length)",
  "open webhooks:           \(rule("n8n-webhook-no-auth")) in \(files_with("n8n-webhook-no-auth")) files (\([.findings[] | select(.rule == "n8n-webhook-no-auth" and .severity == "high")] | length) in active workflows)",
  "open forms:              \(rule("n8n-form-no-auth")) in \(files_with("n8n-form-no-auth")) files",
  "public chats:            \(rule("n8n-chat-public-no-auth")) in \(files_with("n8n-chat-public-no-auth")) files",
  "open MCP / Wait resumes: \(rule("n8n-mcp-trigger-no-auth")) / \(rule("n8n-wait-resume-no-auth"))",
  "inline keys:             \([.findings[] | select(.family == "embedded-token")] | length) embedded-token findings in \([.findings[] | select(.family == "embedded-token") | .location.path] | unique | length) files",
  "missing credentials:     \(rule("n8n-missing-credential")) nodes in \(files_with("n8n-missing-credential")) files",
  "pinned data:             \(rule("n8n-pinned-data")) workflows (\([.findings[] | select(.rule == "n8n-pinned-data" and .severity != "low")] | length) with headers or personal data)",
  "seconds:                 \($seconds)",
  "",
  "findings by rule:",
  (.findings | group_by(.rule) | map("  \(.[0].rule): \(length)") | .[])
' "$report"
