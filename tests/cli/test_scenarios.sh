#!/usr/bin/env bash
# Every scenario shipped in scenarios/ runs under --check-invariants (the
# invariants after every tick, the displacement flow balance included) and
# writes a complete run directory. Usage: test_scenarios.sh PATH/TO/hearth
# SOURCE_DIR [TICKS]: TICKS cuts each run short (the ASan+UBSan build passes 40,
# which still covers every event of the shipped scenarios and months of
# its aftermath); without it each runs its full length.
set -uo pipefail
hearth=$1
source_dir=$2
ticks=${3:-}
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

# Relative data paths in the scenarios (boston's tract table) are relative to the repository root.
cd "$source_dir" || exit 1
ran=0
for scenario in "$source_dir"/scenarios/*.json; do
  name=$(basename "$scenario" .json)
  [[ $name == *.schema ]] && continue
  args=(run "$scenario" --out "$work/$name" --check-invariants --threads 2)
  [[ -n $ticks ]] && args+=(--ticks "$ticks")
  if "$hearth" "${args[@]}" >"$work/$name.log" 2>&1; then
    check "$name: a complete manifest" grep -q '"status": "complete"' "$work/$name/manifest.json"
  else
    echo "FAIL: $name"
    tail -5 "$work/$name.log"
    failures=$((failures + 1))
  fi
  rm -rf "$work/$name"
  ran=$((ran + 1))
done
check "at least 20 scenarios ran (found $ran)" test "$ran" -ge 20
finish scenarios "every shipped scenario under --check-invariants${ticks:+, $ticks ticks}"
