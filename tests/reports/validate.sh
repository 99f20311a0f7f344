#!/usr/bin/env bash
# Checks handoff's reports with the offline validators in ../shared/tools/report-validators
# (SARIF 2.1.0 schema + GitHub upload checks + multitool, JUnit XSD + counters, markdownlint,
# Nu Html Checker + offline check, GitHub annotation checker) and renders the HTML report in
# headless Chromium (screenshot and PDF must be non-empty).
#
#   tests/reports/validate.sh [--require] [--quick] [--handoff BINARY] [--out DIR]
#
# Validates the golden reports in tests/golden/ and, with --handoff, the reports of a scan
# of examples/ written by that binary. --quick (used by ctest) leaves out the golden
# reports of the project with no findings, which take most of the time (JVM and .NET start-up). A missing tool prints a SKIPPED line and the script
# exits 77 (ctest's skip code); with --require (CI) a missing tool is a failure (exit 1).
# Install first:  REPORT_VALIDATORS_HOME=build/validators ../shared/tools/report-validators/install.sh --full
# Debian packages: nodejs npm libxml2-utils default-jre-headless python3 chromium fonts-dejavu-core
set -uo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
validators="${REPORT_VALIDATORS:-$repo/../shared/tools/report-validators}"
if [ ! -d "$validators" ]; then
  # A git worktree lives elsewhere; shared/ sits beside the main checkout.
  common="$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)"
  [ -n "$common" ] && validators="$(dirname "$common")/../shared/tools/report-validators"
fi
if [ -z "${REPORT_VALIDATORS_HOME:-}" ] && [ -d "$repo/build/validators/node_modules" ]; then
  export REPORT_VALIDATORS_HOME="$repo/build/validators"
fi
require=0
quick=0
handoff=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --require) require=1 ;;
    --quick) quick=1 ;;
    --handoff) handoff="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "validate.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$out" ] || out="$(mktemp -d)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"  # Chromium opens file:// URLs, which must be absolute

failed=0
skipped=0
pass() { echo "PASSED: $*"; }
fail() { echo "FAILED: $*"; failed=1; }
skip() {
  if [ "$require" = 1 ]; then fail "$* (required tool missing)"; else echo "SKIPPED: $*"; skipped=1; fi
}

# Runs one validator; its exit 2 (setup problem, e.g. packages not installed) and exit 77
# (vnu not installed) are skips, anything else non-zero is a failure.
check() {
  local what="$1"; shift
  local log="$out/$(echo "$what" | tr -c 'A-Za-z0-9._-' '_').log"
  "$@" >"$log" 2>&1
  local rc=$?
  case "$rc" in
    0) pass "$what" ;;
    2|77) skip "$what: $(grep -m1 -iE 'not installed|not found|skipped|install' "$log" || tail -n1 "$log")" ;;
    *)
      # handoff has no public home page yet, so the driver has no informationUri; the
      # multitool's SARIF2005 warning about it is the one warning accepted.
      if grep -q "multitool warning" "$log" && ! grep "multitool warning" "$log" | grep -qv "SARIF2005/ProvideToolProperties" \
         && ! grep -qE "(schema|github): INVALID|INVALID \((schema|github)" "$log" && ! grep -q "multitool error" "$log"; then
        pass "$what (except SARIF2005: no informationUri until handoff has a public home page)"
      else
        fail "$what"; sed 's/^/    /' "$log"
      fi ;;
  esac
}

golden="$repo/tests/golden"
sets=(review clean)
[ "$quick" = 1 ] && sets=(review)
sarif=(); junit=(); markdown=(); html=(); annotations=()
for set in "${sets[@]}"; do
  sarif+=("$golden/$set.sarif"); junit+=("$golden/$set.junit.xml")
  markdown+=("$golden/$set.md" "$golden/$set.checklist.md"); html+=("$golden/$set.html")
  annotations+=("$golden/$set.github.txt")
done

if [ -n "$handoff" ]; then
  # handoff exits 1 when it finds something, which examples/ is meant to produce.
  "$handoff" scan "$repo/examples" --format github \
    --report sarif="$out/examples.sarif" --report junit="$out/examples.junit.xml" \
    --report markdown="$out/examples.md" --report html="$out/examples.html" \
    >"$out/examples.github.txt" 2>"$out/examples.stderr"
  rc=$?
  if [ "$rc" -le 1 ]; then
    pass "handoff scan examples/ wrote every report (exit $rc)"
    sarif+=("$out/examples.sarif"); junit+=("$out/examples.junit.xml"); markdown+=("$out/examples.md")
    html+=("$out/examples.html"); annotations+=("$out/examples.github.txt")
  else
    fail "handoff scan examples/ exited $rc"; sed 's/^/    /' "$out/examples.stderr"
  fi
fi

command -v node >/dev/null 2>&1 || skip "node not found (apt-get install nodejs npm)"
check "SARIF schema + GitHub upload checks + multitool (strict)" "$validators/validate-sarif.sh" --strict "${sarif[@]}"
if [ "$require" = 1 ] && grep -q "multitool: not installed" "$out"/SARIF*.log 2>/dev/null; then
  fail "SARIF multitool not installed (install.sh --full)"
fi
check "JUnit XSD + counters" "$validators/validate-junit.sh" "${junit[@]}"
check "Markdown lint (PR comment limits)" "$validators/validate-markdown.sh" --pr-comment "${markdown[@]}"
check "HTML offline check + Nu Html Checker" "$validators/validate-html.sh" --strict --skip-code 77 "${html[@]}"
for file in "${annotations[@]}"; do
  check "GitHub annotations $(basename "$file")" python3 "$validators/check-gh-annotations.py" "$file"
done

# Negative controls: broken copies of good reports must fail, or the checks above prove nothing.
expect_failure() {
  local what="$1"; shift
  "$@" >"$out/negative.log" 2>&1
  local rc=$?
  # Exit 1 is "invalid"; 0 would mean the check is blind, 2 that it could not run.
  if [ "$rc" = 1 ]; then pass "negative control: $what is rejected"
  else fail "negative control: $what gave exit $rc, expected 1"; sed 's/^/    /' "$out/negative.log"; fi
}
if command -v node >/dev/null 2>&1 && [ -d "${REPORT_VALIDATORS_HOME:-$validators}/node_modules/jsonschema" ]; then
  sed 's/"results": \[/"noResults": [/' "$golden/review.sarif" >"$out/bad-no-results.sarif"
  expect_failure "SARIF without a results array" node "$validators/check-sarif-upload.js" "$out/bad-no-results.sarif"
fi
{ head -n1 "$golden/review.github.txt"; echo "::set-output name=leak::value"; } >"$out/bad-injection.txt"
expect_failure "an annotation stream with a raw ::set-output line" python3 "$validators/check-gh-annotations.py" "$out/bad-injection.txt"
if command -v xmllint >/dev/null 2>&1; then
  sed '0,/tests="[0-9]*"/s//tests="999"/' "$golden/review.junit.xml" >"$out/bad-counters.junit.xml"
  expect_failure "JUnit with wrong counters" "$validators/validate-junit.sh" "$out/bad-counters.junit.xml"
fi

# Headless Chromium: the report must render to a non-blank screenshot and a PDF.
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium_bin" ]; then
  skip "Chromium screenshot (apt-get install chromium fonts-dejavu-core)"
else
  for page in "${html[@]}"; do
    name="$(basename "$page" .html)"
    profile="$(mktemp -d)"
    flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
           --disable-sync --no-first-run "--user-data-dir=$profile")
    timeout 60 "$chromium_bin" "${flags[@]}" --hide-scrollbars --window-size=1200,2400 \
      "--screenshot=$out/$name.png" "file://$page" >"$out/$name.chromium.log" 2>&1
    timeout 60 "$chromium_bin" "${flags[@]}" --no-pdf-header-footer \
      "--print-to-pdf=$out/$name.pdf" "file://$page" >>"$out/$name.chromium.log" 2>&1
    rm -rf "$profile"
    png_size=$(stat -c %s "$out/$name.png" 2>/dev/null || echo 0)
    pdf_size=$(stat -c %s "$out/$name.pdf" 2>/dev/null || echo 0)
    magic="$(head -c 8 "$out/$name.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')"
    # A blank 1200x2400 PNG compresses to a few kilobytes; a rendered report is far larger.
    if [ "$magic" = "89504e470d0a1a0a" ] && [ "$png_size" -gt 20000 ] && [ "$pdf_size" -gt 5000 ]; then
      pass "Chromium renders $name.html ($png_size-byte screenshot, $pdf_size-byte PDF in $out)"
    else
      fail "Chromium render of $name.html (screenshot $png_size bytes, PDF $pdf_size bytes)"
      sed 's/^/    /' "$out/$name.chromium.log"
    fi
  done
fi

if [ "$failed" = 1 ]; then echo "report validation: FAILED (logs in $out)"; exit 1; fi
if [ "$skipped" = 1 ]; then echo "report validation: passed, some checks SKIPPED"; exit 77; fi
echo "report validation: all checks passed"
exit 0
