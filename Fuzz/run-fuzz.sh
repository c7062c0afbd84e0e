#!/usr/bin/env bash
# make fuzz: build the libFuzzer targets and run each for a bounded time, seeded from the tests'
# inputs (seed.py). FUZZ_SECONDS (default 60) per target, FUZZ_TARGETS to pick targets.
# One process per target, niced, one after another: the machine is shared (2 cores).
# Crashes, hangs (> 10 s) and out-of-memory inputs land in Fuzz/crashes/TARGET/; each one found
# becomes a regression test (copy it into Tests/Hostile/ with its expected error) and gets fixed.
set -euo pipefail
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-FuzzTeX FuzzJSONL FuzzTemplate FuzzPlotSpec}
# -sanitize=fuzzer links libFuzzer's main; -parse-as-library because each target's only entry
# point is LLVMFuzzerTestOneInput. Address sanitizer finds the memory errors a trap would not.
FLAGS=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
set -o pipefail
nice -n 10 "$SWIFT" build "${FLAGS[@]}" 2>&1 \
  | { grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write|Build complete|prohibited flag' || true; }
BIN=$("$SWIFT" build "${FLAGS[@]}" --show-bin-path)
status=0
for t in $TARGETS; do
  python3 seed.py "$t"
  mkdir -p "crashes/$t"
  echo "fuzz: $t for ${SECONDS_PER_TARGET} s"
  # -timeout: an input running 10 s is a hang; -rss_limit_mb: 2 GiB is far above any bounded op.
  if ! nice -n 10 "$BIN/$t" "corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="crashes/$t/" -print_final_stats=1 > "crashes/$t.log" 2>&1; then
    status=1
    echo "fuzz: $t FOUND A FAILURE (see Fuzz/crashes/$t.log and Fuzz/crashes/$t/)"
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|^(SUMMARY|==[0-9]+==ERROR)' "crashes/$t.log" || true
done
exit $status
