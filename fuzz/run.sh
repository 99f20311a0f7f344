#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60),
# seeded with the fixtures, the labelled corpus and fuzz/seeds (hostile cases of issue 13).
# Crashes land in build/fuzz/crashes/; any crash, timeout or memory blow-up exits 1.
# Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

scripts/install-deps.sh clang libclang-rt-14-dev
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target parse_fuzzer document_fuzzer archive_fuzzer

seeds=build/fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds" build/fuzz/crashes
i=0
while IFS= read -r -d '' f; do
  # The first byte picks the parser or path; spread the seeds over all of them.
  { printf "\\$(printf '%03o' $((i % 20)))"; head -c 65536 "$f"; } >"$seeds/seed-$i"
  i=$((i + 1))
done < <(find fuzz/seeds fixtures ../shared/corpus/formats -type f -size -64k -print0 2>/dev/null)

status=0
# The archive reader gets the archive fixtures as they are (no path byte).
archive_seeds=build/fuzz/archive-seeds
rm -rf "$archive_seeds" && mkdir -p "$archive_seeds"
cp fixtures/archives/handover/* "$archive_seeds/"

for target in parse_fuzzer document_fuzzer archive_fuzzer; do
  echo "fuzzing $target for ${seconds}s"
  mkdir -p "build/fuzz/corpus-$target"
  "build/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=build/fuzz/crashes/ "build/fuzz/corpus-$target" "$([ "$target" = archive_fuzzer ] && echo "$archive_seeds" || echo "$seeds")" >"build/fuzz/$target.log" 2>&1 || status=1
  tail -n 3 "build/fuzz/$target.log"
done
exit "$status"
