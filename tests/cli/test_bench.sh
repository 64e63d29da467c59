#!/usr/bin/env bash
# `hearth bench`: a plain bench prints its figures and writes nothing (a
# casual bench in a checkout must not dirty the tracked results/bench/*.csv);
# --record appends to results/bench/<workload>.csv under the working
# directory, --out FILE to FILE. Tiny workloads: this checks the files, not speed.
# Usage: test_bench.sh HEARTH SOURCE_DIR
set -uo pipefail
hearth=$1
src=$2
source "$src/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
households=(bench households --sizes 2k --ticks 2 --threads 1)
schelling=(bench schelling --agents 2000 --steps 2 --threads 1)
rows() { wc -l <"$1"; }

# Plain: figures on stdout, no file anywhere under the working directory.
expect_in_stdout=1
expect_exit 0 "household-ticks/s" "${households[@]}"
expect_exit 0 "not recorded \(--record appends these rows to results/bench/households.csv" \
  "${households[@]}"
expect_exit 0 "agent-steps/s" "${schelling[@]}"
check "a plain bench writes no file" test -z "$(find . -mindepth 1 -not -name out -not -name err)"

# --record: the header once, then a row per run.
expect_exit 0 "appended to results/bench/households.csv" "${households[@]}" --record
check "--record: header and one row" test "$(rows results/bench/households.csv)" -eq 2
expect_exit 0 "" "${households[@]}" --record
check "--record again: appends a row" test "$(rows results/bench/households.csv)" -eq 3
check "--record: the row names its command" grep -q "bench households --sizes 2k.*--record" \
  results/bench/households.csv
expect_exit 0 "appended to results/bench/schelling.csv" "${schelling[@]}" --record
check "schelling --record: header and one row" test "$(rows results/bench/schelling.csv)" -eq 2

# --out FILE: there and nowhere else; with --record it is refused.
expect_exit 0 "appended to mine.csv" "${schelling[@]}" --out mine.csv
check "--out: header and one row" test "$(rows mine.csv)" -eq 2
check "--out: the record untouched" test "$(rows results/bench/schelling.csv)" -eq 2
expect_exit 2 "excludes" "${schelling[@]}" --out mine.csv --record
# HEARTH_BENCH_SMOKE (the README test runs the README's benchmarks with it):
# a million households or agents cut to 2,000 and two ticks or steps.
HEARTH_BENCH_SMOKE=1 expect_exit 0 "      2000 households      2 ticks" \
  bench households --sizes 1M --ticks 120 --threads 1
HEARTH_BENCH_SMOKE=1 expect_exit 0 "HEARTH_BENCH_SMOKE is set" \
  bench schelling --agents 1000000 --steps 10 --threads 1
check "smoke: no file either" test ! -e results/bench/households.csv -o \
  "$(rows results/bench/households.csv)" -eq 3
finish bench_files
