#!/usr/bin/env bash
# make fuzz: build the libFuzzer targets and run each for a bounded time, seeded from the test
# inputs. Crashes land in Fuzz/crashes/TARGET/; each one found becomes a regression test
# (copy it into Tests/Hostile/ with its expected error).
set -euo pipefail
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
"$SWIFT" build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
  | grep -vE '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write|Build complete|prohibited flag' || true
BIN=$("$SWIFT" build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)
seed() {  # seed corpus folder for a target, from the repository's tests
  local dir=corpus/$1; mkdir -p "$dir"
  case $1 in
    FuzzTeX)      cp ../Tests/Hostile/formulas/*.tex "$dir"/
                  grep -ohE '\$[^$]{1,200}\$' ../Templates/*.md | sed 's/^\$//; s/\$$//' | split -l 1 - "$dir/tpl-" ;;
    FuzzJSONL)    split -l 1 ../Tests/Hostile/requests.jsonl "$dir/req-" ;;
    FuzzTemplate) cp ../Templates/*.md ../Tests/Hostile/templates/*.md ../Tests/Hostile/accepted/*.md "$dir"/ ;;
  esac
}
status=0
for t in FuzzTeX FuzzJSONL FuzzTemplate; do
  seed $t
  mkdir -p crashes/$t
  echo "fuzz: $t for ${SECONDS_PER_TARGET} s"
  "$BIN/$t" corpus/$t -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix=crashes/$t/ -print_final_stats=1 2>&1 | tail -n 12 || status=1
done
exit $status
