#!/usr/bin/env bash
# Quick start: install what is missing, build a release binary, and review the bundled
# example project. Prints the findings and writes build/release/examples-report.json.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "Building handoff (release)..."
cmake --preset release >/dev/null
log=build/release-build.log
if ! cmake --build --preset release --target handoff >"$log" 2>&1; then
  cat "$log" >&2
  exit 2
fi

report=build/release/examples-report.json
status=0
build/release/handoff scan examples/ --report json="$report" || status=$?
echo
case $status in
  0) echo "handoff found nothing at or above the threshold in examples/." ;;
  1) echo "handoff found problems in examples/ (on purpose: the example is full of them). handoff exits 1 in CI for this." ;;
  *) echo "handoff failed with exit code $status" >&2; exit "$status" ;;
esac
echo "JSON report: $report"
