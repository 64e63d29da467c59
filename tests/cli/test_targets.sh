#!/usr/bin/env bash
# `hearth targets TARGETS RUN_DIR... [-o FILE.csv]` on two tiny runs (seeds 1
# and 2): one row per moment, the mean over the runs and its 95% Student t
# half-width checked against a hand computation from indicators.csv, the
# within column on both sides of a band, the CSV, one run (no interval), and
# bad input refused with exit 2 naming the file and the reason.
# Usage: test_targets.sh HEARTH SOURCE_DIR
set -uo pipefail
hearth=$1
src=$2
source "$src/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT
expect_in_stdout=1

cat >"$work/city.json" <<'JSON'
{ "schema_version": 1, "name": "targets-small", "seed": 1, "ticks": 4,
  "city": { "grid": { "width_cells": 20, "height_cells": 20 }, "households": 300,
            "layout": { "neighbourhoods_per_side": 2 } } }
JSON
for seed in 1 2; do
  expect_exit 0 "" run "$work/city.json" --seed "$seed" -o "$work/run$seed" --quiet
done

# By hand: the mean of `owners` over ticks 1..3 in each run, their mean m,
# and the half-width t(0.975, 1) sd / sqrt(2) = 12.7062 |a - b| / 2.
window_mean() {  # window_mean RUN_DIR COLUMN: mean over ticks 1..3
  awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
    $1 >= 1 && $1 <= 3 { s += $c; n++ } END { printf "%.10g", s / n }' "$1/indicators.csv"
}
a=$(window_mean "$work/run1" owners)
b=$(window_mean "$work/run2" owners)
mean=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.10g", (a + b) / 2 }')
half=$(awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; printf "%.10g", 12.7062 * d / 2 }')
check "the two seeds differ (so the interval is not zero)" test "$a" != "$b"
# Three moments on the same formula: a band that holds the mean, one that
# misses it by a little, and the shipped owners' mobility ratio.
inside=$(awk -v m="$mean" 'BEGIN { printf "%.10g", m + 0.9 }')
outside=$(awk -v m="$mean" 'BEGIN { printf "%.10g", m - 1.1 }')
cat >"$work/targets.json" <<JSON
{ "targets_version": 1, "name": "hand", "moments": [
  { "name": "owners_inside", "formula": { "kind": "mean", "column": "owners", "from_tick": 1, "to_tick": 3 },
    "value": $inside, "tolerance": 1, "source": "a band made to hold the mean, 0.9 away" },
  { "name": "owners_outside", "formula": { "kind": "mean", "column": "owners", "from_tick": 1, "to_tick": 3 },
    "value": $outside, "tolerance": 1, "source": "a band made to miss the mean, 1.1 away" },
  { "name": "owner_mobility", "formula": { "kind": "ratio", "numerator": "moves_owners",
      "denominator": "owners", "scale": 12 },
    "value": 0.05, "tolerance": 1, "source": "any band wide enough to hold a ratio" } ] }
JSON

expect_exit 0 "^targets hand over 2 runs" targets "$work/targets.json" "$work/run1" "$work/run2" -o "$work/t.csv"
check "the header" grep -qE "^moment +mean +ci95 \+- +target +tolerance +within$" "$work/out"
check "within: yes" grep -qE "^owners_inside .* yes$" "$work/out"
check "within: no" grep -qE "^owners_outside .* no$" "$work/out"
check "the last line counts the moments within" grep -qx "2 of 3 moments within target +- tolerance" "$work/out"
check "the CSV is named" grep -qx "csv: $work/t.csv" "$work/out"
check "CSV header" test "$(head -1 "$work/t.csv")" == "moment,mean,ci95_half_width,runs,target,tolerance,within"
check "CSV: one row per moment" test "$(wc -l <"$work/t.csv")" -eq 4
close() {  # close GOT WANT: equal to 1e-6 relative
  awk -v g="$1" -v w="$2" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(d <= 1e-6 * (w < 0 ? -w : w) + 1e-9) }'
}
row=$(grep "^owners_inside," "$work/t.csv")
IFS=, read -r _ csv_mean csv_half csv_runs csv_target csv_tolerance csv_within <<<"$row"
check "CSV mean = the mean of the runs' window means ($csv_mean vs $mean)" close "$csv_mean" "$mean"
check "CSV half-width = t(0.975, 1) sd / sqrt(2) ($csv_half vs $half)" close "$csv_half" "$half"
check "CSV runs, target, tolerance, within" test "$csv_runs,$csv_target,$csv_tolerance,$csv_within" == "2,$inside,1,yes"
check "CSV within: no" grep -q "^owners_outside,.*,no$" "$work/t.csv"
check "no temporary file left" test "$(ls "$work" | grep -c '^t.csv')" -eq 1

# One run: the mean is that run's value, the interval blank.
expect_exit 0 "^targets hand over 1 run$" targets "$work/targets.json" "$work/run1" -o "$work/one.csv"
IFS=, read -r _ one_mean one_half one_runs _ <<<"$(grep "^owners_inside," "$work/one.csv")"
check "one run: the run's value" close "$one_mean" "$a"
check "one run: no interval" test -z "$one_half"
check "one run: runs 1" test "$one_runs" == 1

# The shipped profile evaluates on these runs (its columns exist).
expect_exit 0 "moments within target" targets "$src/scenarios/targets/us_metro.json" "$work/run1" "$work/run2"
check "us_metro: a row per moment" test "$(grep -cE ' (yes|no)$' "$work/out")" -eq \
  "$(grep -c '"name"' "$src/scenarios/targets/us_metro.json" | awk '{ print $1 - 1 }')"

# Bad input: exit 2, the file and the reason, nothing written.
expect_exit 2 "$work/nowhere: no such run directory" targets "$work/targets.json" "$work/run1" "$work/nowhere" -o "$work/bad.csv"
mkdir -p "$work/empty"
expect_exit 2 "$work/empty/indicators.csv: missing" targets "$work/targets.json" "$work/empty" -o "$work/bad.csv"
expect_exit 2 "$work/city.json: .*moments" targets "$work/city.json" "$work/run1" -o "$work/bad.csv"
sed 's/"owners"/"owner"/' "$work/targets.json" >"$work/typo.json"
expect_exit 2 "typo.json: .*'owner' is not a column of indicators.csv" targets "$work/typo.json" "$work/run1"
expect_exit 2 "no such file|cannot open|cannot read" targets "$work/missing.json" "$work/run1"
expect_exit 2 "" targets "$work/targets.json"
check "nothing written on bad input" test ! -e "$work/bad.csv"

finish targets
