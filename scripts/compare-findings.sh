#!/usr/bin/env bash
# Compares what two handoff binaries report on the same inputs, byte for byte: the
# fixtures, the bundled example, and the shared corpora (real-world files, labelled
# formats, the secrets corpus). For refactors that must not change a single finding.
# Usage: scripts/compare-findings.sh OLD_BINARY NEW_BINARY [OUT_DIR]
# Exit 0 when every report is identical, 1 otherwise (the differing reports are named).
set -uo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: compare-findings.sh OLD_BINARY NEW_BINARY [OUT_DIR]}
new=${2:?usage: compare-findings.sh OLD_BINARY NEW_BINARY [OUT_DIR]}
out=${3:-build/compare-findings}
shared=${HANDOFF_SHARED:-../shared}
if [ ! -d "$shared/corpus" ]; then
    echo "compare-findings: no corpus at $shared/corpus (set HANDOFF_SHARED to the shared folder)" >&2
    exit 2
fi
rm -rf "$out" && mkdir -p "$out/old" "$out/new"

targets=(fixtures examples "$shared/corpus/realworld/github" "$shared/corpus/realworld/n8n"
         "$shared/corpus/realworld/mcp" "$shared/corpus/formats" "$shared/corpus/secrets/corpus")
# Timings are the only bytes allowed to differ between runs.
strip_time() { sed -E 's/ · [0-9]+\.[0-9]+ s$//; s/[0-9]+ ms\. /N ms. /; s/time="[0-9.]+"/time=""/g'; }

status=0
for side in old new; do
    bin=$old; [ "$side" = new ] && bin=$new
    for t in "${targets[@]}"; do
        name=$(echo "$t" | tr '/.' '__')
        "$bin" scan "$t" --no-config --fail-on none --color never \
            --report json="$out/$side/$name.json" --report sarif="$out/$side/$name.sarif" \
            --report markdown="$out/$side/$name.md" --report junit="$out/$side/$name.junit" \
            --report github="$out/$side/$name.github" --report html="$out/$side/$name.html" \
            2>"$out/$side/$name.stderr" | strip_time > "$out/$side/$name.txt"
        for f in "$out/$side/$name".{html,junit}; do strip_time < "$f" > "$f.tmp" && mv "$f.tmp" "$f"; done
        "$bin" checklist "$t" > "$out/$side/$name.checklist" 2>/dev/null || true
    done
    "$bin" rules > "$out/$side/rules.tsv"
done
for f in "$out"/old/*; do
    g="$out/new/$(basename "$f")"
    if ! cmp -s "$f" "$g"; then echo "differs: $(basename "$f")"; status=1; fi
done
[ $status -eq 0 ] && echo "identical: $(ls "$out/old" | wc -l) reports over ${#targets[@]} inputs"
exit $status
