#!/usr/bin/env bash
# Pinned outputs: the SHA-256 of every output file of five shipped scenarios
# (a quiet city, a flood, an earthquake, a housing policy, a disaster policy
# and the Boston tract city), each run for 60 ticks on 2 threads with map
# frames recorded every 12 ticks. The determinism tests compare runs with
# each other, so a change that moves every output the same way at every
# thread count passes them; this test does not.
#
# Usage: test_pinned_outputs.sh PATH/TO/hearth SOURCE_DIR [--bless]
# A commit that changes the model's behaviour on purpose says so and
# re-blesses: `scripts/bless-outputs.sh` (this script with --bless) rewrites
# tests/run/pinned_outputs.sha256 from a Release build; review its diff.
set -uo pipefail
hearth=$1
source_dir=$2
bless=${3:-}
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

pins="$source_dir/tests/run/pinned_outputs.sha256"
scenarios=(baseline flood_100yr earthquake policy_social_housing policy_grants_everyone boston)
ticks=60

# Relative data paths in the scenarios (boston's tract table) are relative to the repository root.
cd "$source_dir" || exit 1
: >"$work/actual.sha256"
for name in "${scenarios[@]}"; do
  out="$work/runs/$name"
  if ! "$hearth" run "scenarios/$name.json" --out "$out" --ticks "$ticks" --threads 2 \
    --record-frames 12 --quiet >"$work/$name.log" 2>&1; then
    echo "FAIL: $name did not run"
    tail -5 "$work/$name.log"
    failures=$((failures + 1))
    continue
  fi
  # Every output file; of the manifest only what describes the run (its
  # wall time, build and host differ from run to run).
  grep -E '^  "(scenario_hash|seed|replicate|ticks|ticks_done|status|outputs)"' \
    "$out/manifest.json" >"$out/manifest.pinned"
  (cd "$work/runs" && find "$name" -type f ! -name manifest.json | LC_ALL=C sort |
    xargs sha256sum) >>"$work/actual.sha256"
done

if [[ $bless == --bless ]]; then
  if [[ $failures -ne 0 ]]; then
    echo "bless: not writing $pins: a scenario failed" >&2
    exit 1
  fi
  cp "$work/actual.sha256" "$pins"
  echo "blessed $(wc -l <"$pins") output hashes into $pins"
  exit 0
fi

if [[ ! -f $pins ]]; then
  echo "FAIL: $pins is missing; create it with scripts/bless-outputs.sh"
  failures=$((failures + 1))
elif ! diff -u "$pins" "$work/actual.sha256" >"$work/diff"; then
  echo "FAIL: outputs differ from the pinned hashes (lines with - are pinned, + are this build's):"
  cat "$work/diff"
  echo "If the model changed on purpose, re-bless with scripts/bless-outputs.sh and say so in the commit."
  failures=$((failures + 1))
else
  passes=$((passes + 1))
fi
finish pinned_outputs "${#scenarios[@]} scenarios x $ticks ticks, every output file against $pins"
