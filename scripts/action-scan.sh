#!/usr/bin/env bash
# The scan step of action.yml (the GitHub Action), kept here so it can be run and tested
# outside GitHub (tests/integrations/action.sh). Inputs come from the environment, never
# from `${{ }}` in the script:
#   HANDOFF          the handoff binary
#   INPUT_PATH       what to scan (default .)
#   INPUT_FAIL_ON    critical|high|medium|low|info|none (default high)
#   INPUT_CONFIG     a config file (optional)
#   INPUT_ARGS       more arguments, split on white space (optional)
#   OUT_DIR          where handoff.md, handoff.sarif and handoff.json go (default $RUNNER_TEMP)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT  set by GitHub; the Markdown report is appended to the
#                    first, exit-code/sarif/json/markdown to the second.
# The terminal report goes to the log. The exit code is handoff's (0 clean, 1 findings at or
# above fail-on, 2 usage error, 3 incomplete scan); the action fails on it after uploading.
set -uo pipefail
handoff="${HANDOFF:-handoff}"
path="${INPUT_PATH:-.}"
fail_on="${INPUT_FAIL_ON:-high}"
out="${OUT_DIR:-${RUNNER_TEMP:-/tmp}}"
mkdir -p "$out"

args=(scan "$path" --fail-on "$fail_on" --color never
      --report "markdown=$out/handoff.md" --report "sarif=$out/handoff.sarif" --report "json=$out/handoff.json")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
if [ -n "${INPUT_ARGS:-}" ]; then
  read -r -a extra <<<"$INPUT_ARGS"
  args+=("${extra[@]}")
fi

"$handoff" "${args[@]}"
code=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$out/handoff.md" ]; then
  cat "$out/handoff.md" >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    echo "sarif=$out/handoff.sarif"
    echo "json=$out/handoff.json"
    echo "markdown=$out/handoff.md"
  } >>"$GITHUB_OUTPUT"
fi
echo "handoff: exit code $code (fail-on $fail_on)"
exit 0
