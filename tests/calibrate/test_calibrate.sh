#!/usr/bin/env bash
# `hearth calibrate` and `hearth sensitivity` as a user runs them, on a small
# city: locally with -j, killed (SIGKILL) and relaunched, planned only and
# run as job-array shards and under MPI (when mpirun is there) then analysed:
# every way gives the same bytes. Bad targets and parameters files are
# refused naming the file, the moment or pointer, and the column.
# Usage: test_calibrate.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
expect_in_stdout=1
trap kill_background_and_clean EXIT

cat >"$work/city.json" <<'JSON'
{ "schema_version": 1, "name": "calibrate-small", "seed": 3, "ticks": 14,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 800,
            "layout": { "neighbourhoods_per_side": 3 } } }
JSON
cat >"$work/params.json" <<'JSON'
{ "params_version": 1, "parameters": [
  { "pointer": "/city/vacancy_rate", "min": 0.02, "max": 0.1 },
  { "pointer": "/city/income/median_per_month", "min": 1500, "max": 5000, "log": true,
    "name": "median_income" } ] }
JSON
targets=$source_dir/scenarios/targets/us_metro.json
calibrate=(calibrate "$work/city.json" "$targets" --params "$work/params.json" --points 4
  --replicates 2 --waves 2 --quiet)
outputs=(best.json accepted.csv points.csv fitted_scenario.json fit.csv method.json)
same_outputs() {  # same_outputs DIR_A DIR_B
  for file in "${outputs[@]}"; do cmp -s "$1/$file" "$2/$file" || return 1; done
}

# Locally, two runs at a time: 2 waves x 4 points x 2 replicates = 16 runs.
expect_exit 0 "4 points x 2 replicates|8 points in 2 waves" "${calibrate[@]}" -o "$work/local" -j 2
for file in "${outputs[@]}"; do check "local: $file written" test -s "$work/local/$file"; done
check "fit.csv: one row per target and its columns" test "$(wc -l <"$work/local/fit.csv")" -eq 16
check "fit.csv header" grep -q "^moment,target,tolerance,sd,sim_mean,sim_lower,sim_upper,replicates,inside,implausibility,source$" "$work/local/fit.csv"
check "points.csv: 8 points" test "$(wc -l <"$work/local/points.csv")" -eq 9
check "wave 2 is a sweep directory" test -s "$work/local/wave-2/plan.json"
expect_exit 0 "" validate "$work/local/fitted_scenario.json"
expect_exit 0 "" run "$work/local/fitted_scenario.json" -o "$work/fitted-run" --quiet
# The same calibration one run at a time gives the same bytes.
expect_exit 0 "" "${calibrate[@]}" -o "$work/serial" -j 1
check "-j 1 and -j 2 agree" same_outputs "$work/local" "$work/serial"
# Run again on a finished directory: nothing reruns, the same outputs.
expect_exit 0 "" "${calibrate[@]}" -o "$work/local" -j 2
check "a rerun changes nothing" same_outputs "$work/local" "$work/serial"

# SIGKILL part way through wave 1, then the same command: the same bytes.
"$hearth" "${calibrate[@]}" -o "$work/killed" -j 1 >/dev/null 2>&1 &
pid=$!
background+=("$pid")
for _ in $(seq 1 1000); do  # until 3 runs are journalled (or 10 s)
  [[ $(grep -c ',done,' "$work/killed/wave-1/journal.csv" 2>/dev/null) -ge 3 ]] && break
  sleep 0.01
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "killed part way" test ! -e "$work/killed/fit.csv"
sleep 0.1  # the runs die with the runner (PR_SET_PDEATHSIG)
expect_exit 0 "" "${calibrate[@]}" -o "$work/killed" -j 2
check "killed and relaunched: the same bytes" same_outputs "$work/local" "$work/killed"

# A cluster: plan only, run the waves as job-array shards (or MPI), analyse.
expect_exit 0 "wave 1 planned" "${calibrate[@]}" -o "$work/cluster" --plan-only
expect_exit 2 "runs are not complete" calibrate --analyse "$work/cluster"
mpi_probe=$("$hearth" sweep run "$work/nowhere" --mpi 2>&1)
if command -v mpirun >/dev/null && [[ $mpi_probe != *"without MPI"* ]]; then
  if [[ $(id -u) -eq 0 ]]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
  export OMPI_MCA_btl_vader_single_copy_mechanism=none
  export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
  check "wave 1 under MPI" mpirun -n 2 --oversubscribe "$hearth" sweep run "$work/cluster/wave-1" --mpi --quiet
  mpi=with
else
  for shard in 0 1; do
    expect_exit 0 "" sweep run "$work/cluster/wave-1" --index "$shard" --count 2 --quiet
  done
  mpi=without
fi
expect_exit 0 "wave 2 planned" calibrate --analyse "$work/cluster"
for shard in 0 1 2; do
  expect_exit 0 "" sweep run "$work/cluster/wave-2" --index "$shard" --count 3 --quiet
done
expect_exit 0 "8 points in 2 waves" calibrate --analyse "$work/cluster"
check "planned, sharded and analysed: the same bytes" same_outputs "$work/local" "$work/cluster"

# Bad input: exit 2, nothing run, the file, the moment and the column named.
sed 's/"column": "vacancy_rate"/"column": "vacancy_rat"/' "$targets" >"$work/typo.json"
expect_exit 2 "typo.json: /moments/3/formula/column: moment 'vacancy': 'vacancy_rat' is not a column of indicators.csv \(did you mean 'vacancy_rate'\?\)" \
  calibrate "$work/city.json" "$work/typo.json" --params "$work/params.json" -o "$work/typo"
check "nothing planned for a bad targets file" test ! -e "$work/typo/wave-1"
sed 's|/city/vacancy_rate|/city/vacancy|' "$work/params.json" >"$work/badparams.json"
expect_exit 2 "badparams.json: /parameters/0/pointer: /city/vacancy is not a key of the scenario" \
  calibrate "$work/city.json" "$targets" --params "$work/badparams.json" -o "$work/badparams"
sed 's|/city/vacancy_rate|/name|' "$work/params.json" >"$work/stringparam.json"
expect_exit 2 "/name holds string in the scenario, not a number" \
  calibrate "$work/city.json" "$targets" --params "$work/stringparam.json" -o "$work/badparams"
expect_exit 2 "holds another calibration" calibrate "$work/city.json" "$targets" \
  --params "$work/params.json" --points 5 -o "$work/local"

# Sensitivity: Morris (3 trajectories x 3 points) and Saltelli (4 x 4 rows).
sensitivity=(sensitivity "$work/city.json" --params "$work/params.json"
  --outputs vacancy_rate,owner_share,median_rent_per_month --trajectories 3 --samples 4
  --bootstrap 50 --quiet)
expect_exit 0 "25 design points" "${sensitivity[@]}" -o "$work/sens" -j 2
check "morris.csv: 3 outputs x 2 parameters" test "$(wc -l <"$work/sens/morris.csv")" -eq 7
check "sobol.csv: 3 outputs x 2 parameters" test "$(wc -l <"$work/sens/sobol.csv")" -eq 7
check "sobol.csv header" grep -q "^output,parameter,first,first_lower,first_upper,total,total_lower,total_upper$" "$work/sens/sobol.csv"
check "morris.csv header" grep -q "^output,parameter,mu,mu_star,mu_star_lower,mu_star_upper,sigma,sigma_lower,sigma_upper,effects$" "$work/sens/morris.csv"
expect_exit 0 "planned in" "${sensitivity[@]}" -o "$work/sens-shards" --plan-only
for shard in 0 1; do
  expect_exit 0 "" sweep run "$work/sens-shards/sweep" --index "$shard" --count 2 --quiet
done
expect_exit 0 "" sensitivity --analyse "$work/sens-shards"
check "sensitivity: shards and local agree" cmp -s "$work/sens/sobol.csv" "$work/sens-shards/sobol.csv"
check "sensitivity: shards and local agree (Morris)" cmp -s "$work/sens/morris.csv" "$work/sens-shards/morris.csv"
expect_exit 2 "'owner_shar' is not a column of indicators.csv" sensitivity "$work/city.json" \
  --params "$work/params.json" --outputs owner_shar -o "$work/sens-bad"
expect_exit 2 "must be even" "${sensitivity[@]}" --levels 3 -o "$work/sens-bad"

# Report pages of both kinds of directory.
expect_exit 0 "report: " report "$work/local" -o "$work/calibration.html"
check "calibration report: the fit table and the ranges" grep -q "Fit of the best point" "$work/calibration.html"
check "calibration report: a target's source" grep -q "Eviction Lab" "$work/calibration.html"
check "calibration report: implausibility bars" grep -q 'id="implausibility"' "$work/calibration.html"
check "calibration report: a moment its runs are too short for is undefined" grep -q "undefined (inf)" "$work/calibration.html"
expect_exit 0 "report: " report "$work/sens" -o "$work/sensitivity.html"
check "sensitivity report: Morris and Sobol charts" grep -q "Sobol indices: median_rent_per_month" "$work/sensitivity.html"
check "sensitivity report: whiskers" grep -q "Morris mu\*: owner_share" "$work/sensitivity.html"

finish test_calibrate "MPI: $mpi"
