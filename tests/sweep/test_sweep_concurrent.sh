#!/usr/bin/env bash
# Runners started side by side on one sweep directory, in every combination
# (local, job-array shards, MPI when mpirun is there): the one that would
# share runs with another is refused before it touches anything, no run is
# journalled failed, and the sweep ends with every run done. Then SIGINT and
# SIGTERM to a running sweep: it says what is finished and how to go on.
# Usage: test_sweep_concurrent.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
expect_in_stdout=1
trap kill_background_and_clean EXIT
started=$SECONDS

# 4 runs of 60 ticks (a tenth of a second each in a release build): long
# enough that a runner started when the first one's first run is in flight
# meets it still working.
cat >"$work/base.json" <<'JSON'
{
  "schema_version": 1, "name": "concurrent", "seed": 5, "ticks": 60,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1000,
            "layout": { "neighbourhoods_per_side": 3 } }
}
JSON
cat >"$work/sweep.json" <<'JSON'
{ "sweep_version": 1, "name": "concurrent", "base": "base.json",
  "parameters": [ { "pointer": "/city/households", "values": [1000, 1200] } ],
  "replicates": 2 }
JSON
"$hearth" sweep plan "$work/sweep.json" -o "$work/planned" >/dev/null

# first NAME ARGS...: a fresh copy of the plan, and a runner on it in the
# background that has taken its locks and has a run in flight. `paused`
# stops it there (SIGSTOP: it keeps its locks, its run goes on), so the
# second runner meets it working however fast the machine is.
paused=0
first() {
  local name=$1
  shift
  dir=$work/$name
  cp -r "$work/planned" "$dir"
  "$hearth" sweep run "$dir" "$@" --quiet >"$work/$name.first.log" 2>&1 &
  first_pid=$!
  background+=("$first_pid")
  for _ in $(seq 1 1000); do # until a run is in flight (or 10 s)
    compgen -G "$dir/results/*.partial" >/dev/null && break
    sleep 0.01
  done
  [[ $paused -eq 1 ]] && kill -STOP "$first_pid"
}

# second CODE PATTERN ARGS...: a runner started beside the first; then the
# first must finish all its runs, none failed.
second() {
  local code=$1 pattern=$2
  shift 2
  local name
  name=$(basename "$dir")
  local before
  before=$(ls "$dir")
  expect_exit "$code" "$pattern" sweep run "$dir" "$@"
  if [[ $code -eq 2 ]]; then
    check "$name: the refused runner created no file" test "$(ls "$dir")" = "$before"
  fi
  [[ $paused -eq 1 ]] && kill -CONT "$first_pid"
}

# all_done NAME: the first runner exited 0 and every run is done, none failed.
all_done() {
  local name=$1
  if [[ -n $first_pid ]]; then # not waited for already
    wait "$first_pid"
    local rc=$?
    check "$name: the first runner exits 0 (got $rc)" test $rc -eq 0 || cat "$work/$name.first.log"
  fi
  "$hearth" sweep run "$dir" --quiet >/dev/null 2>&1 # finishes what a refused shard left
  expect_exit 0 "4 runs: 4 done, 0 failed, 0 missing" sweep status "$dir"
  check "$name: no run journalled failed" test -z "$(grep -h ',failed,' "$dir"/journal*.csv)"
  check "$name: no run done twice" \
    test "$(cat "$dir"/journal*.csv | cut -d, -f1 | sort | uniq -d)" = ""
  expect_exit 0 "" sweep collect "$dir" -o "$work/$name.csv"
  check "$name: collects to the same bytes" cmp "$work/$name.csv" "$work/local-local.csv"
}

# The reference: one local runner alone.
cp -r "$work/planned" "$work/alone"
expect_exit 0 "" sweep run "$work/alone" -j 2 --quiet
expect_exit 0 "" sweep collect "$work/alone" -o "$work/local-local.csv"

paused=1
first local-local -j 1
second 2 "another sweep runner \(local or MPI\) is running on this sweep.*nothing was touched" -j 2
all_done local-local

first local-shard -j 1
second 2 "a local or MPI sweep runner is running on this sweep" --index 0 --count 2
all_done local-shard

first shard-local --index 0 --count 2
second 2 "job-array shards .* are running on this sweep" -j 2
all_done shard-local

first shard-same --index 1 --count 2
second 2 "shard 1 of 2 is already running" --index 1 --count 2
all_done shard-same

first shard-count --index 0 --count 2
second 2 "shards of --count 2 are running on this sweep.*use --count 2" --index 0 --count 3
all_done shard-count

# Two shards of one count side by side: both run, each its own runs.
first shard-other --index 0 --count 2
second 0 "" --index 1 --count 2 --quiet
all_done shard-other
check "shard-other: each shard journalled its own 2 runs" \
  test "$(grep -c ',done,' "$work/shard-other/journal-0-of-2.csv")" -eq 2 -a \
  "$(grep -c ',done,' "$work/shard-other/journal-1-of-2.csv")" -eq 2

mpi_probe=$("$hearth" sweep run "$work/nowhere" --mpi 2>&1)
if command -v mpirun >/dev/null && [[ $mpi_probe != *"without MPI"* ]]; then
  if [[ $(id -u) -eq 0 ]]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
  export OMPI_MCA_btl_vader_single_copy_mechanism=none
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
  # MPI first, a local runner beside it (not paused: stopping mpirun does
  # not stop its ranks).
  paused=0
  dir=$work/mpi-local
  cp -r "$work/planned" "$dir"
  mpirun -n 2 --oversubscribe "$hearth" sweep run "$dir" --mpi --quiet >"$work/mpi-local.first.log" 2>&1 &
  first_pid=$!
  background+=("$first_pid")
  for _ in $(seq 1 2000); do
    compgen -G "$dir/results/*.partial" >/dev/null && break
    sleep 0.01
  done
  second 2 "another sweep runner \(local or MPI\) is running on this sweep" -j 2
  all_done mpi-local
  # A local runner first, MPI beside it: rank 0 is refused, every rank exits 2.
  paused=1
  first local-mpi -j 1
  mpirun -n 2 --oversubscribe "$hearth" sweep run "$dir" --mpi --quiet >"$work/out" 2>"$work/err"
  check "local-mpi: the MPI runner is refused with exit 2 (got $?)" test $? -eq 2
  check "local-mpi: and says why" grep -q "another sweep runner (local or MPI)" "$work/err"
  kill -CONT "$first_pid"
  all_done local-mpi
else
  echo "note: no mpirun or no MPI in this build: MPI beside a local runner was not tested"
fi

paused=0

# SIGINT (Ctrl-C) to a local sweep part way: exit 130, what is done, and the
# command that continues; the runs in flight are stopped, not failed.
first interrupted -j 2
for _ in $(seq 1 1000); do # until a run is done (or 10 s)
  [[ $(grep -c ',done,' "$dir/journal.csv" 2>/dev/null) -ge 1 ]] && break
  sleep 0.01
done
kill -INT "$first_pid"
wait "$first_pid"
check "SIGINT: the sweep exits 130 (got $?)" test $? -eq 130
first_pid=
report=$(cat "$work/interrupted.first.log")
check "SIGINT: says what is finished: $report" \
  grep -qE "^sweep: stopped by SIGINT: [1-3] of 4 runs done, 0 failed, [1-3] not finished" \
  <<<"$report"
check "SIGINT: and the exact command to continue" \
  grep -qxF "  continue with: $hearth sweep run $dir -j 2 --quiet" <<<"$report"
check "SIGINT: runs in flight are not journalled failed" \
  test -z "$(grep -h ',failed,' "$dir"/journal*.csv)"
continue_command=$(sed -n 's/^  continue with: //p' <<<"$report")
$continue_command
check "SIGINT: the command it gave finishes the sweep (exit $?)" test $? -eq 0
all_done interrupted

# SIGTERM (a Slurm time limit) to a shard: exit 143, the shard's own command.
first terminated --index 0 --count 2 -j 1
kill -TERM "$first_pid"
wait "$first_pid"
check "SIGTERM: the shard exits 143 (got $?)" test $? -eq 143
check "SIGTERM: the command continues this shard" \
  grep -qxF "  continue with: $hearth sweep run $dir --index 0 --count 2 --quiet" \
  "$work/terminated.first.log"
check "SIGTERM: says the runs in flight were stopped" \
  grep -q "stopped in flight: not journalled as failed" "$work/terminated.first.log"
expect_exit 0 "" sweep run "$dir" --quiet
expect_exit 0 "4 runs: 4 done, 0 failed, 0 missing" sweep status "$dir"

finish "concurrent sweep tests" "$((SECONDS - started)) s"
