#!/usr/bin/env bash
# What `hearth run` prints at the end: the outputs line names every file the
# run wrote (and nothing else), a run with displacement says how many were
# displaced and where they are, one without says nothing of it; and every
# phase `--profile` prints is named where the README explains --profile.
# Usage: test_run_summary.sh HEARTH SOURCE_DIR
set -uo pipefail
hearth=$1
src=$2
source "$src/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

# The files of a run directory, as the summary's "DIR/{a,b,...}" list names them.
listed_files() { sed -n "s|^  outputs *$1/{\(.*\)}$|\1|p" "$work/out" | tr ',' '\n' | sort; }
present_files() { ls "$1" | sort; }

# A flood (it strikes at tick 3) with frames: cells.csv and frames.bin too.
expect_in_stdout=1
expect_exit 0 "displacement +[0-9]+ displaced from home so far: [0-9]+ returned, [0-9]+ settled elsewhere, [0-9]+ left the city, [0-9]+ still away" \
  run "$src/scenarios/flood_100yr.json" --ticks 12 --record-frames 6 --out "$work/flood" --profile
check "flood: the outputs line names every file written" \
  test "$(listed_files "$work/flood")" == "$(present_files "$work/flood")"
check "flood: cells.csv, outcomes.csv, flows.csv, sites.csv and frames.bin listed" \
  grep -q "cells.csv,outcomes.csv,flows.csv,sites.csv,frames.bin}" "$work/out"
cp "$work/out" "$work/flood-out"

# No hazard, no policy: no displacement line; a policy run lists policies.csv.
expect_exit 0 "outputs" run "$src/scenarios/baseline.json" --ticks 6 --out "$work/base"
check "baseline: no displacement line" bash -c "! grep -q displacement '$work/out'"
check "baseline: the outputs line names every file written" \
  test "$(listed_files "$work/base")" == "$(present_files "$work/base")"
expect_exit 0 "outputs" run "$src/scenarios/policy_social_housing.json" --ticks 3 --out "$work/policy"
check "policy run: the outputs line names every file written (policies.csv)" \
  test "$(listed_files "$work/policy")" == "$(present_files "$work/policy")"

# Every phase of the profile table (generate, economy .. indicators) is named
# in the README's row for --profile.
profile_row=$(grep -E '^\| `--profile`' "$src/README.md")
phases=$(sed -n '/^  phase /,/^  all phases/p' "$work/flood-out" | sed '1d;$d' | awk '{print $1}')
check "the profile has phases" test -n "$phases"
for phase in $phases; do
  check "README's --profile row names the phase '$phase'" grep -qw -- "$phase" <<<"$profile_row"
done
finish run_summary
