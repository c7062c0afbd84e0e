#!/usr/bin/env bash
# make fuzz: build the libFuzzer targets and run each for a bounded time, seeded from the tests'
# inputs (seed.py). FUZZ_SECONDS (default 60) per target, FUZZ_TARGETS to pick targets.
# One process per target, niced, one after another: the machine is shared (2 cores).
# Crashes, hangs (> 10 s of CPU) and out-of-memory inputs land in Fuzz/crashes/TARGET/; each one found
# becomes a regression test (copy it into Tests/Hostile/ with its expected error) and gets fixed.
set -euo pipefail
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-FuzzTeX FuzzJSONL FuzzTemplate FuzzPlotSpec}
# -sanitize=fuzzer instruments for coverage and links libFuzzer (each target's @main runs its driver).
# Address sanitizer finds the memory errors a trap would not.
# The build is this package's own (Fuzz/.build), so the main package's .build is never touched;
# release, because optimised code runs several times more inputs per second (preconditions still trap).
FLAGS=(-c release -Xswiftc -sanitize=fuzzer,address)
# A trap goes straight to libFuzzer's signal handler, which writes the input; Swift's backtracer
# would first spend minutes symbolicating the sanitized binary.
export SWIFT_BACKTRACE=enable=no
# No leak checks: caches that fill up (fonts, shaping) make libFuzzer scan the heap after every
# input, a tenth of the speed, and a leak is not what this run looks for (crashes and hangs are).
export ASAN_OPTIONS=detect_leaks=0
set -o pipefail
# gold warns once per address-sanitizer helper symbol ("Cannot export local symbol"): noise.
nice -n 10 "$SWIFT" build "${FLAGS[@]}" 2>&1 \
  | { grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write|Build complete|prohibited flag|Cannot export local symbol' || true; }
BIN=$("$SWIFT" build "${FLAGS[@]}" --show-bin-path)
# CPU seconds an input may take on its own before it counts as a hang (the hostile corpus's bound).
HANG_SECONDS=10
# The user + system CPU seconds of running target $1 once on input $2, alone.
cpu_seconds() {
  local TIMEFORMAT='%U %S' t
  t=$( { time "$BIN/$1" "$2" > /dev/null 2>&1; } 2>&1 | tail -1)
  awk -v t="$t" 'BEGIN { split(t, a, " "); print a[1] + a[2] }'
}
status=0
for t in $TARGETS; do
  python3 seed.py "$t"
  mkdir -p "crashes/$t"
  echo "fuzz: $t for ${SECONDS_PER_TARGET} s"
  # libFuzzer's clocks are wall clocks, and on a shared, loaded machine a niced process gets a
  # fraction of a core: an input over 10 s is saved (slow-unit-*) and the run goes on; only one over
  # 60 s stops it (timeout-*). Each is then timed again alone, in CPU seconds: over HANG_SECONDS it is
  # a hang; under, it only waited for the CPU and is renamed under-load-*.
  # -rss_limit_mb: 2 GiB is far above any bounded op.
  nice -n 10 "$BIN/$t" "corpus/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=60 -report_slow_units=$HANG_SECONDS \
      -rss_limit_mb=2048 -detect_leaks=0 -max_len=65536 -artifact_prefix="crashes/$t/" -print_final_stats=1 \
      > "crashes/$t.log" 2>&1 || true
  for a in "crashes/$t"/timeout-* "crashes/$t"/slow-unit-*; do
    [ -e "$a" ] || continue
    cpu=$(cpu_seconds "$t" "$a")
    if awk -v c="$cpu" -v h=$HANG_SECONDS 'BEGIN { exit !(c < h) }'; then
      echo "fuzz: $t: $(basename "$a") takes $cpu s of CPU alone: slow only under load"
      mv "$a" "crashes/$t/under-load-$(basename "$a")"
    else
      echo "fuzz: $t: $(basename "$a") takes $cpu s of CPU alone: a hang"
    fi
  done
  if compgen -G "crashes/$t/[!u]*" > /dev/null; then
    status=1
    echo "fuzz: $t FOUND A FAILURE (see Fuzz/crashes/$t.log and Fuzz/crashes/$t/)"
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|^(SUMMARY|==[0-9]+==ERROR)' "crashes/$t.log" || true
done
exit $status
