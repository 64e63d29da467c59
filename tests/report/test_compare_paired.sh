#!/usr/bin/env bash
# `hearth compare A_RUN... --vs B_RUN...` and `--point I --vs-point J` as a
# user runs them (docs/REPORTS.md, "Paired comparison over seeds"): a small
# flooded city with and without reconstruction grants over four seeds, runs
# paired by seed and replicate, each difference with its 95% interval and
# verdict, the CSV checked against the two-run comparisons of each pair,
# sweep points paired by replicate, and every refusal (exit 2, naming runs).
# Usage: test_compare_paired.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

cat >"$work/flood.json" <<JSON
{ "schema_version": 1, "name": "small_flood", "seed": 1, "ticks": 8,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1500,
            "layout": { "neighbourhoods_per_side": 3 } },
  "hazards": [ { "type": "flood", "tick": 2 } ] }
JSON
sed -e 's/"small_flood"/"small_flood_grants"/' \
    -e 's/"hazards"/"policies": [ { "type": "reconstruction_grants", "start_tick": 3, "budget_per_year": 3e7, "grants_targeting": "everyone" } ],\n  "hazards"/' \
    "$work/flood.json" >"$work/grants.json"
for seed in 1 2 3 4; do
  "$hearth" run "$work/flood.json" --seed $seed --out "$work/a$seed" --quiet --threads 2 || exit 1
  "$hearth" run "$work/grants.json" --seed $seed --out "$work/b$seed" --quiet --threads 2 || exit 1
done
"$hearth" run "$work/flood.json" --seed 9 --out "$work/a9" --quiet --threads 2 || exit 1
"$hearth" run "$work/flood.json" --seed 5 --ticks 6 --out "$work/short" --quiet --threads 2 || exit 1

# The table: pairs, intervals, verdicts; the runs without a counterpart listed.
expect_in_stdout=1
expect_exit 0 "Paired comparison over 4 pairs of runs" compare "$work/a1" "$work/a2" "$work/a3" \
  "$work/a4" "$work/a9" --vs "$work/b4" "$work/b3" "$work/b2" "$work/b1" --csv "$work/paired.csv"
out=$(cat "$work/out")
check "pairs listed by seed" grep -q "seed 1, replicate 0; seed 2, replicate 0; seed 3, replicate 0; seed 4" <<<"$out"
check "unpaired run named" grep -q "a9 (A, seed 9, replicate 0): no run of B has it" <<<"$out"
check "interval column" grep -q "95% interval" <<<"$out"
check "grants spending is higher in B" grep -qE "public spending: total +sum 1-8 +0 .* B higher" <<<"$out"
check "the same flood damages the same dwellings" \
  grep -qE "dwellings damaged +sum 1-8 .*\[0, 0\] +4  the same in every pair" <<<"$out"
check "by group" grep -q "tenure = private_rental" <<<"$out"

# The CSV: one row per figure; its mean difference is the mean of the
# two-run comparisons' differences of each pair.
check "csv header" grep -qx "scope,group,indicator,measure,tick,pairs,mean_a,mean_b,mean_difference,sd_difference,lower_95,upper_95,verdict" "$work/paired.csv"
check "csv spending row" grep -qE "^city,all,spending_total,sum,8,4,0,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,B higher$" "$work/paired.csv"
sum=0
for seed in 1 2 3 4; do
  "$hearth" compare "$work/a$seed" "$work/b$seed" --groups none --csv "$work/pair$seed.csv" >/dev/null || exit 1
  d=$(awk -F, '$3 == "displaced_total" && $4 == "sum" && $6 != $1 { v = $10 } END { print v }' "$work/pair$seed.csv")
  sum=$(awk -v s="$sum" -v d="$d" 'BEGIN { print s + d }')
done
paired=$(awk -F, '$1 == "city" && $3 == "displaced_total" && $4 == "sum" { print $9 }' "$work/paired.csv")
check "paired mean = mean of the pairs' differences ($paired vs $sum / 4)" \
  awk -v p="$paired" -v s="$sum" 'BEGIN { exit !(p - s / 4 < 1e-6 && s / 4 - p < 1e-6) }'

# A sweep's points, paired by replicate (the replicates share the base seed).
cat >"$work/sweep.json" <<JSON
{ "sweep_version": 1, "name": "paired-test",
  "base": { "schema_version": 1, "name": "small", "seed": 5, "ticks": 6,
            "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1500,
                      "layout": { "neighbourhoods_per_side": 3 } },
            "hazards": [ { "type": "flood", "tick": 2 } ] },
  "parameters": [ { "pointer": "/city/vacancy_rate", "name": "vacancy", "values": [0.03, 0.08] } ],
  "replicates": 3 }
JSON
"$hearth" sweep plan "$work/sweep.json" -o "$work/sweep" >/dev/null || exit 1
"$hearth" sweep run "$work/sweep" -j 2 --quiet >/dev/null 2>&1 || { echo "FAIL: sweep run"; exit 1; }
expect_exit 0 "Paired comparison over 3 pairs" compare "$work/sweep" --point 0 --vs-point 1 --groups none
check "sweep sides named by point" grep -q "B = paired-test: vacancy=0.08" "$work/out"
check "sweep pairs by replicate" grep -q "seed 5, replicate 0; seed 5, replicate 1; seed 5, replicate 2" "$work/out"
expect_in_stdout=0

# Refusals: exit 2, naming the runs and the reason.
expect_exit 2 "short: 6 ticks, but .*a1 has 8" compare "$work/a1" "$work/short" --vs "$work/b1" "$work/b2"
expect_exit 2 "a1: the same seed 1, replicate 0 as .*a1 on side A" compare "$work/a1" "$work/a1" --vs "$work/b1"
expect_exit 2 "1 pair of the same seed and replicate; an interval needs at least 2" compare "$work/a1" "$work/a9" --vs "$work/b1" "$work/b2"
expect_exit 2 "a9: seed 9, replicate 0" compare "$work/a1" "$work/a9" --vs "$work/b1" "$work/b2"
expect_exit 2 "paired runs share one horizon" compare "$work/a1" "$work/a2" --vs "$work/b1" "$work/b2" --own-horizons
expect_exit 2 "a sweep of 2 points: choose one with --point" compare "$work/sweep" --vs "$work/sweep" --vs-point 1
expect_exit 2 "no completed runs of point 7" compare "$work/sweep" --point 7 --vs-point 1
expect_exit 2 "a1 is not a sweep directory" compare "$work/a1" --point 0 --vs-point 1
expect_exit 2 "point: Value -2 not in range" compare "$work/sweep" --point -2 --vs-point 1
expect_exit 2 "name side B" compare "$work/a1" "$work/a2" --point 0
expect_exit 2 "two or more run directories" compare "$work/a1"
expect_exit 2 "two of its points with --point I --vs-point J" compare "$work/sweep" "$work/a1"
check "nothing written on refusal" test ! -e "$work/refused.csv"
expect_exit 2 "" compare "$work/a1" --vs "$work/b1" --csv "$work/refused.csv"
check "no csv after a refusal" test ! -e "$work/refused.csv"

finish compare_paired
