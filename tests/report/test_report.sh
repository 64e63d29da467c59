#!/usr/bin/env bash
# `hearth compare` and `hearth report` as a user runs them (docs/REPORTS.md):
# two short scenarios of different lengths, a comparison table and CSV, runs
# written by older or newer builds (columns missing or added), bad input
# (exit 2, nothing written), HTML reports of one run, two runs and a sweep.
# Usage: test_report.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

# Two scenarios of different lengths: the flood (month 3) for 18 months, the baseline for 12.
"$hearth" run "$source_dir/scenarios/flood_100yr.json" --ticks 18 --out "$work/flood" --quiet --threads 2 || exit 1
"$hearth" run "$source_dir/scenarios/baseline.json" --ticks 12 --out "$work/base" --quiet --threads 2 || exit 1
check "cells.csv in the run directory" test -s "$work/flood/cells.csv"
check "cells.csv has a row per cell" test "$(wc -l <"$work/flood/cells.csv")" -eq $((120 * 120 + 1))

# compare: the table, by group, at chosen ticks, and the CSV.
expect_exit 0 "" compare "$work/base" "$work/flood" --ticks 3,12,18 --csv "$work/cmp.csv"
cp "$work/out" "$work/table.txt"
check "runs named" grep -q "A = baseline" "$work/table.txt"
check "second run named" grep -q "B = flood_100yr" "$work/table.txt"
check "difference column" grep -q "B - A" "$work/table.txt"
check "peak displaced" grep -qE "displaced households +peak 0-12 +0 +[1-9]" "$work/table.txt"
# Runs of 12 and 18 ticks are compared over ticks 0 to 12, and every row says so (issue 21).
check "common horizon stated" grep -q "The runs differ in length: peak, final, mean and sum cover ticks up to 12" "$work/table.txt"
check "final rows at tick 12" grep -qE "households in the city +final 12 " "$work/table.txt"
check "runs listed with their ticks" grep -q "B = flood_100yr  ($work/flood), ticks 0-18" "$work/table.txt"
check "CSV final rows carry their tick" grep -q "^city,all,households_in_city,final,12,flood_100yr," "$work/cmp.csv"
check "CSV has no row without a tick" bash -c "! cut -d, -f5 '$work/cmp.csv' | grep -qx ''"
check "flood's final value is its tick-12 value" test \
  "$(grep '^city,all,households_in_city,final,' "$work/cmp.csv" | sed -n 2p | cut -d, -f8)" = \
  "$(grep '^city,all,households_in_city,at_tick,12,' "$work/cmp.csv" | sed -n 2p | cut -d, -f8)"
# No label cut, rows zero in every run left out unless --all-rows (issue 21).
check "no label cut" bash -c "! grep -q '~' '$work/table.txt'"
check "months displaced say over whom" grep -q "median months displaced, of all ever displaced" "$work/table.txt"
check "zero rows left out" grep -qE "^[0-9]+ rows that are zero or n/a in every run are left out" "$work/table.txt"
check "a zero row is not printed" bash -c "! grep -qE '^  homeless households +peak' '$work/table.txt'"
check "group rows" grep -q "income_quintile = q1" "$work/table.txt"
check "tenure rows" grep -q "tenure = private_rental" "$work/table.txt"
check "at chosen ticks" grep -q "at tick 12:" "$work/table.txt"
check "tick past the shorter run is n/a" grep -qE "^city,all,displaced_total,at_tick,18,baseline,[^,]*,,," "$work/cmp.csv"
check "CSV written" test -s "$work/cmp.csv"
check "CSV header" grep -q "^scope,group,indicator,measure,tick,run,run_dir,value,reference,difference,percent_difference$" "$work/cmp.csv"
check "CSV has city and group rows" grep -q "^income_quintile,q1,cost_burdened_share,final,12," "$work/cmp.csv"
check "CSV at-tick rows" grep -q "^city,all,displaced_total,at_tick,12," "$work/cmp.csv"
check "CSV has no temporary left" test -z "$(ls "$work" | grep -v -E '^(flood|base|cmp.csv|out|err|table.txt)$')"
expect_exit 0 "" compare "$work/base" "$work/flood" --groups none
check "--groups none: city only" bash -c "! grep -q 'income_quintile =' '$work/out'"
expect_exit 0 "" compare "$work/base" "$work/flood" --groups none --all-rows
check "--all-rows prints the zero rows" grep -qE "^  homeless households +peak 0-12 +0 +0 +0$" "$work/out"
check "--all-rows: nothing left out" bash -c "! grep -q 'left out' '$work/out'"
expect_exit 0 "" compare "$work/base" "$work/flood" --groups none --own-horizons
check "--own-horizons: each run over its own ticks" grep -qE "households in the city +final \(own\) " "$work/out"
expect_exit 0 "" compare "$work/base" "$work/flood" --groups tenure,origin
check "--groups tenure,origin" bash -c "grep -q 'tenure = owner_occupied' '$work/out' && grep -q 'origin = refugee' '$work/out' && ! grep -q 'income_quintile' '$work/out'"
expect_exit 0 "" compare "$work/base" "$work/flood" "$work/base" --width 80
check "three runs: C named" grep -q "C = " "$work/out"

# Runs from an older or a newer build: a column missing, a column added (a spending_* one).
mkdir -p "$work/old" "$work/new"
cp "$work/base/manifest.json" "$work/base/groups.csv" "$work/old/"
cut -d, -f1-20 "$work/base/indicators.csv" >"$work/old/indicators.csv"   # no later columns, no maps
cp -r "$work/flood/." "$work/new/"
awk -F, 'BEGIN{OFS=","} NR==1{print $0,"spending_future_programme";next}{print $0,(NR>2?250:0)}' \
  "$work/flood/indicators.csv" >"$work/new/indicators.csv"
expect_exit 0 "" compare "$work/old" "$work/new" --csv "$work/cmp2.csv"
check "missing columns are n/a" grep -qE "cost-burdened share .*n/a" "$work/out"
check "an unknown spending_ column is summed" grep -qE "public spending: future programme +sum 1-12 +n/a +3,000" "$work/out"
expect_exit 0 "" compare "$work/old" "$work/new" --own-horizons
check "... over its own 18 ticks with --own-horizons" grep -qE "public spending: future programme +sum \(own\) +n/a +4,500" "$work/out"
rm -f "$work/cmp2.csv"

# Bad input: exit 2, a message naming the file and the reason, nothing written.
expect_exit 2 "nothere: no such run directory" compare "$work/base" "$work/nothere" --csv "$work/no.csv"
check "no CSV after an error" test ! -e "$work/no.csv"
mkdir -p "$work/broken" && cp "$work/base/"* "$work/broken/"
{ head -n 2 "$work/base/indicators.csv"; head -n 3 "$work/base/indicators.csv" | tail -n 1 | head -c 100; } >"$work/broken/indicators.csv"   # cut mid-row
expect_exit 2 "broken/indicators.csv: line [0-9]+: [0-9]+ cells, but the header has" compare "$work/base" "$work/broken"
cp "$work/base/indicators.csv" "$work/broken/indicators.csv"
echo "{ not json" >"$work/broken/manifest.json"
expect_exit 2 "broken/manifest.json: .*malformed JSON" compare "$work/base" "$work/broken"
rm "$work/broken/manifest.json"
expect_exit 2 "broken/manifest.json: cannot read: file does not exist" report "$work/broken" -o "$work/no.html"
check "no HTML after an error" test ! -e "$work/no.html"
expect_exit 2 "--ticks: expected ticks" compare "$work/base" "$work/flood" --ticks 3,x
expect_exit 2 "" compare "$work/base"
expect_exit 2 "no group kind 'colour'" compare "$work/base" "$work/flood" --groups colour
expect_exit 1 "cannot write" compare "$work/base" "$work/flood" --csv /proc/hearth-cannot-write/cmp.csv

# report: one run, two runs, a sweep; one file, no scripts, no network.
expect_exit 0 "" report "$work/flood" -o "$work/flood.html"
check "report written" test -s "$work/flood.html"
check "report says where" grep -q "report: $work/flood.html" "$work/out"
check "no script" bash -c "! grep -qi '<script' '$work/flood.html'"
check "no external reference" bash -c "! grep -qE '(src=|href=\"[^#]|url\\([^#]|@import)' '$work/flood.html'"
check "under 5 MB" test "$(stat -c %s "$work/flood.html")" -lt 5000000
check "flood marked" grep -q ">flood</text>" "$work/flood.html"
check "maps drawn" grep -q 'class="chart map' "$work/flood.html"
check "scenario in words" grep -q "a 100-year flood in month 3 (2026-04)" "$work/flood.html"
expect_exit 0 "" report "$work/base" "$work/flood" "$work/old" -o "$work/cmp.html" --map-ticks 0,12
check "comparison report" grep -q $'B \xe2\x88\x92 A' "$work/cmp.html"
check "old run without maps is named" grep -q "old" "$work/cmp.html"

# A sweep: 2 points x 2 replicates of a small city; mean and 95% interval.
cat >"$work/sweep.json" <<JSON
{ "sweep_version": 1, "name": "report-test",
  "base": { "schema_version": 1, "name": "small", "seed": 5, "ticks": 6,
            "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1500,
                      "layout": { "neighbourhoods_per_side": 3 } },
            "hazards": [ { "type": "flood", "tick": 2 } ] },
  "parameters": [ { "pointer": "/city/vacancy_rate", "name": "vacancy", "values": [0.03, 0.08] } ],
  "replicates": 2 }
JSON
"$hearth" sweep plan "$work/sweep.json" -o "$work/sweep" >/dev/null || exit 1
expect_exit 2 "no completed runs" report "$work/sweep" -o "$work/sweep.html"
"$hearth" sweep run "$work/sweep" -j 2 --quiet >/dev/null 2>&1 || { echo "FAIL: sweep run"; exit 1; }
expect_exit 0 "" report "$work/sweep" -o "$work/sweep.html"
check "sweep report" grep -q "Hearth sweep report: report-test" "$work/sweep.html"
check "sweep points" grep -q "vacancy=0.08" "$work/sweep.html"
check "sweep intervals" grep -q "n=2" "$work/sweep.html"
check "sweep bands" grep -q 'class="band"' "$work/sweep.html"
expect_exit 2 "reported on its own" report "$work/sweep" "$work/base" -o "$work/mixed.html"
expect_exit 2 "a sweep directory: compare its runs" compare "$work/sweep" "$work/base"

finish report
