#!/usr/bin/env bash
# Sweeps as a user runs them: plan, run locally (-j 2), a run that fails,
# SIGKILL of the sweep and a relaunch, job-array shards, MPI (when mpirun is
# there), status and collect. Every mode must collect to the same bytes.
# Usage: test_sweep.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
expect_in_stdout=1
trap kill_background_and_clean EXIT
started=$SECONDS

mkdir -p "$work/sweeps"
cat >"$work/base.json" <<'JSON'
{
  "schema_version": 1,
  "name": "sweep-small",
  "seed": 5,
  "ticks": 6,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1000,
            "layout": { "neighbourhoods_per_side": 3 } }
}
JSON
# 2 x 2 points (a list and a Latin hypercube range) x 2 replicates = 8 runs.
cat >"$work/sweeps/small.json" <<'JSON'
{
  "sweep_version": 1,
  "name": "small",
  "base": "../base.json",
  "parameters": [
    { "pointer": "/city/households", "values": [1000, 1300] },
    { "pointer": "/city/vacancy_rate", "name": "vacancy", "range": { "min": 0.02, "max": 0.1 } }
  ],
  "latin_hypercube": { "samples": 2, "seed": 11 },
  "replicates": 2
}
JSON
sweep_file=$work/sweeps/small.json

# plan: 8 runs, stable, and refusals that name the parameter.
expect_exit 0 "8 runs \(4 points x 2 replicates\)" sweep plan "$sweep_file" -o "$work/local"
check "plan.csv has a header and 8 runs" test "$(wc -l <"$work/local/plan.csv")" -eq 9
check "plan.csv columns" grep -q "^index,run_id,point,replicate,seed,city.households,vacancy$" "$work/local/plan.csv"
check "8 resolved scenarios" test "$(ls "$work/local/runs" | wc -l)" -eq 8
for dir in again shard mpi fail; do "$hearth" sweep plan "$sweep_file" -o "$work/$dir" >/dev/null; done
check "the same sweep file gives the same plan" cmp -s "$work/local/plan.csv" "$work/again/plan.csv"
check "sweep.json is the sweep file" cmp -s "$sweep_file" "$work/local/sweep.json"
sed 's|"/city/households"|"/city/housholds"|' "$sweep_file" >"$work/sweeps/typo.json"
expect_exit 2 "typo.json: /parameters/0/values/0: parameter 'city.housholds' .*unknown key 'housholds'" \
  sweep plan "$work/sweeps/typo.json" -o "$work/never"
sed 's|"max": 0.1|"max": 0.9|' "$sweep_file" >"$work/sweeps/range.json"
expect_exit 2 "range.json: /parameters/1/range/max: .*vacancy_rate" sweep plan "$work/sweeps/range.json" -o "$work/never"
sed 's|"replicates": 2|"replicates": 2, "seeds": 3|' "$sweep_file" >"$work/sweeps/unknown.json"
expect_exit 2 "unknown.json: /seeds: unknown key 'seeds'" sweep plan "$work/sweeps/unknown.json" -o "$work/never"
# A scenario file where a sweep file belongs is named as such.
expect_exit 2 "base.json: this is a scenario file, not a sweep file; run it with .hearth run .*base.json" \
  sweep plan "$work/base.json" -o "$work/never"
check "nothing planned for invalid sweeps" test ! -e "$work/never"
sed 's|"replicates": 2|"replicates": 3|' "$sweep_file" >"$work/sweeps/other.json"
expect_exit 2 "different sweep file" sweep plan "$work/sweeps/other.json" -o "$work/local"

# Local runner, 2 runs at a time.
t0=$SECONDS
expect_exit 0 "" sweep run "$work/local" -j 2 --threads-per-run 1 --quiet
local_seconds=$((SECONDS - t0))
expect_exit 0 "8 runs: 8 done, 0 failed, 0 missing" sweep status "$work/local"
check "status: nothing to resubmit" grep -q "resubmit: none" "$work/out"
check "journal has 8 done lines" test "$(grep -c ',done,' "$work/local/journal.csv")" -eq 8
expect_exit 0 "collected 8 runs, 56 rows" sweep collect "$work/local" -o "$work/local.csv"
check "collected header" grep -q "^run_id,index,point,replicate,seed,city.households,vacancy,tick,date," "$work/local.csv"
check "summary header" grep -q "^point,city.households,vacancy,tick,indicator,n,mean,lower,upper$" "$work/local/summary.csv"
check "summary has n = 2 rows" grep -q ",households_in_city,2," "$work/local/summary.csv"
# One run's indicators.csv cut mid-row after the sweep: collect names that
# run and file, not the run it compared the header with.
cp -r "$work/local" "$work/cut"
cut_id=$(sed -n 4p "$work/cut/plan.csv" | cut -d, -f2)
cut_file=$work/cut/results/$cut_id/indicators.csv
head -c "$(($(wc -c <"$cut_file") - 20))" "$cut_file" >"$work/cut.csv" && mv "$work/cut.csv" "$cut_file"
expect_exit 2 "^error: .*/cut/results/$cut_id/indicators.csv: line 8: cut short.*remove .*/cut/results/$cut_id/" \
  sweep collect "$work/cut"
head -n 2 "$cut_file" >"$work/cut.csv" && mv "$work/cut.csv" "$cut_file"  # cut at a line end
expect_exit 2 "$cut_id/indicators.csv: 1 rows where the run's manifest says 6 ticks" sweep collect "$work/cut"
rm -rf "$work/cut/results/$cut_id"
expect_exit 0 "1 runs to do \(7 already complete\)" sweep run "$work/cut"
expect_exit 0 "" sweep collect "$work/cut" -o "$work/cut.csv"
check "the run removed and run again collects to the same bytes" cmp "$work/local.csv" "$work/cut.csv"
rm -rf "$work/cut"
expect_exit 0 "0 runs to do \(8 already complete\)" sweep run "$work/local"
check "a relaunch of a finished sweep changes nothing" test "$(grep -c ',done,' "$work/local/journal.csv")" -eq 8
# A changed sweep file is refused unless --force.
echo " " >>"$work/again/sweep.json"
expect_exit 2 "changed since the sweep was planned" sweep run "$work/again"
export OMPI_COMM_WORLD_SIZE=3  # as mpirun sets it
expect_exit 2 "add --mpi" sweep run "$work/again" --force
unset OMPI_COMM_WORLD_SIZE
rm -rf "$work/again"

# SIGKILL of the sweep at three moments, then a relaunch: the same bytes as
# an uninterrupted sweep. The same sweep with 6 replicates (24 runs), one run
# at a time, so that each kill lands part way whatever the machine's speed.
sed 's|"replicates": 2|"replicates": 6|' "$sweep_file" >"$work/sweeps/kill.json"
"$hearth" sweep plan "$work/sweeps/kill.json" -o "$work/kill" >/dev/null
"$hearth" sweep plan "$work/sweeps/kill.json" -o "$work/nokill" >/dev/null
expect_exit 0 "" sweep run "$work/nokill" -j 2 --quiet
expect_exit 0 "" sweep collect "$work/nokill" -o "$work/nokill.csv"
for wanted in 1 6 12; do
  "$hearth" sweep run "$work/kill" -j 1 --quiet >/dev/null 2>&1 &
  sweep_pid=$!
  background+=("$sweep_pid")
  for _ in $(seq 1 1000); do  # until `wanted` runs are journalled (or 10 s)
    [[ $(grep -c ',done,' "$work/kill/journal.csv" 2>/dev/null) -ge $wanted ]] && break
    sleep 0.01
  done
  kill -9 "$sweep_pid" 2>/dev/null
  wait "$sweep_pid" 2>/dev/null
done
done_before=$(grep -c ',done,' "$work/kill/journal.csv" 2>/dev/null)
check "the sweep was killed part way ($done_before of 24 journalled)" test "$done_before" -lt 24
sleep 0.1  # the children die with the sweep (PR_SET_PDEATHSIG)
expect_exit 0 "already complete" sweep run "$work/kill" -j 2
check "no .partial left after the relaunch" test -z "$(ls -d "$work"/kill/results/*.partial 2>/dev/null)"
expect_exit 0 "24 done, 0 failed, 0 missing" sweep status "$work/kill"
expect_exit 0 "" sweep collect "$work/kill" -o "$work/kill.csv"
check "killed and resumed sweep collects to the same bytes" cmp "$work/nokill.csv" "$work/kill.csv"
check "and the same summary" cmp "$work/nokill/summary.csv" "$work/kill/summary.csv"

# Job-array shards: shard 0 alone, status lists what is missing; then shard 1.
expect_exit 0 "" sweep run "$work/shard" --index 0 --count 2 --quiet
expect_exit 0 "4 done, 0 failed, 4 missing" sweep status "$work/shard" --count 2
check "status lists the runs to resubmit" grep -q "^resubmit: 1 3 5 7$" "$work/out"
check "status lists the shard to resubmit" grep -q "shards to resubmit (of 2): 1$" "$work/out"
expect_exit 2 "4 of 8 runs are not complete \(indices 1 3 5 7\)" sweep collect "$work/shard"
expect_exit 0 "collected 4 runs" sweep collect "$work/shard" --allow-missing -o "$work/partial.csv"
expect_exit 0 "" sweep run "$work/shard" --index 1 --count 2 --quiet
check "each shard has its own journal" test -s "$work/shard/journal-0-of-2.csv" -a -s "$work/shard/journal-1-of-2.csv"
expect_exit 0 "8 done" sweep status "$work/shard"
expect_exit 0 "" sweep collect "$work/shard" -o "$work/shard.csv"
check "shards collect to the same bytes" cmp "$work/local.csv" "$work/shard.csv"
expect_exit 2 "give both" sweep run "$work/shard" --index 1

# MPI: 3 ranks, oversubscribed; rank 0 hands out the runs and journals them.
mpi_probe=$("$hearth" sweep run "$work/nowhere" --mpi 2>&1)  # fails either way; says if MPI is built in
if [[ $mpi_probe == *"without MPI"* ]]; then
  expect_exit 2 "built without MPI.*HEARTH_WITH_MPI=ON" sweep run "$work/mpi" --mpi
fi
if command -v mpirun >/dev/null && [[ $mpi_probe != *"without MPI"* ]]; then
  if [[ $(id -u) -eq 0 ]]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
  # Containers often forbid the cross-memory attach of Open MPI's shared-memory
  # transport; the messages here are a few bytes, copies are fine.
  export OMPI_MCA_btl_vader_single_copy_mechanism=none
  rm -rf "$work/mpi/results" "$work/mpi/journal.csv"
  # Open MPI keeps some allocations until exit; under AddressSanitizer that is not our leak.
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    mpirun -n 3 --oversubscribe "$hearth" sweep run "$work/mpi" --mpi --quiet >"$work/mpi.log" 2>&1
  check "mpirun -n 3 sweep exits 0" test $? -eq 0 || cat "$work/mpi.log"
  check "rank 0 journalled all 8 runs" test "$(grep -c ',done,' "$work/mpi/journal.csv")" -eq 8
  expect_exit 0 "" sweep collect "$work/mpi" -o "$work/mpi.csv"
  check "MPI collects to the same bytes" cmp "$work/local.csv" "$work/mpi.csv"
else
  echo "note: no mpirun or no MPI in this build: the MPI runner was not tested"
fi

# A run that fails: one point asks for 900 neighbourhoods (a valid scenario)
# whose neighbourhood table outgrows a file-size limit (ulimit -f) set for
# the sweep; that run's writes fail with EFBIG, `hearth run` exits 1, and the
# sweep journals it as failed and finishes the others. It is a real failure
# of a real run (a full disk behaves the same), not a simulated one.
cat >"$work/sweeps/fail.json" <<'JSON'
{
  "sweep_version": 1,
  "name": "fail",
  "base": { "schema_version": 1, "name": "fail", "seed": 5, "ticks": 6,
            "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1000 },
            "outputs": { "neighbourhood_table": true } },
  "parameters": [ { "pointer": "/city/layout/neighbourhoods_per_side", "values": [2, 30, 3] } ]
}
JSON
"$hearth" sweep plan "$work/sweeps/fail.json" -o "$work/fail" --force >/dev/null
(ulimit -f 100; "$hearth" sweep run "$work/fail" -j 2 --quiet >"$work/out" 2>"$work/err"; echo $? >"$work/fail.rc")
check "a sweep with a failed run exits 1" test "$(cat "$work/fail.rc")" -eq 1
check "the failure names the run and its log" grep -q "run 1 (.*) failed: exit 1; see .*logs/" "$work/err"
expect_exit 0 "3 runs: 2 done, 1 failed, 0 missing" sweep status "$work/fail"
check "status shows how it failed" grep -qE "^  1 [0-9a-f]{16} \(exit 1\)$" "$work/out"
check "status: resubmit the failed run" grep -q "^resubmit: 1$" "$work/out"
check "its log says why" grep -q "File too large" "$work/fail/logs/$(sed -n 3p "$work/fail/plan.csv" | cut -d, -f2).log"
expect_exit 2 "indices 1\)" sweep collect "$work/fail"
# Without the limit, the relaunch runs only the failed run.
expect_exit 0 "1 runs to do \(2 already complete\)" sweep run "$work/fail"
expect_exit 0 "3 done, 0 failed" sweep status "$work/fail"

finish "sweep tests" "local sweep of 8 runs: ${local_seconds} s; all: $((SECONDS - started)) s"
