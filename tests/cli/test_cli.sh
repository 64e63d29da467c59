#!/usr/bin/env bash
# The command line as a user meets it: exit codes, messages, and what is (not)
# written. Usage: test_cli.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

small() {  # a small valid scenario, with jq-free edits by sed on the caller's side
  cat <<'JSON'
{
  "schema_version": 1,
  "name": "cli-small",
  "seed": 3,
  "ticks": 6,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1500,
            "layout": { "neighbourhoods_per_side": 3 } }
}
JSON
}
small >"$work/small.json"

# validate: good files pass; each kind of bad file names file, pointer and reason, exit 2.
expect_exit 0 "" validate "$source_dir/scenarios/baseline.json"
sed 's/"households": 1500/"housholds": 1500/' "$work/small.json" >"$work/typo.json"
expect_exit 2 "typo.json: /city/housholds: unknown key 'housholds' \(did you mean 'households'\?\)" validate "$work/typo.json"
sed 's/"households": 1500/"households": "lots"/' "$work/small.json" >"$work/type.json"
expect_exit 2 "type.json: /city/households: .*lots" validate "$work/type.json"
sed 's/"households": 1500/"households": -4/' "$work/small.json" >"$work/negative.json"
expect_exit 2 "negative.json: /city/households: .*-4" validate "$work/negative.json"
sed 's/"ticks": 6/"ticks": 5000/' "$work/small.json" >"$work/range.json"
expect_exit 2 "range.json: /ticks: .*5000" validate "$work/range.json"
grep -v schema_version "$work/small.json" >"$work/missing.json"
expect_exit 2 "missing.json: .*schema_version" validate "$work/missing.json"
sed 's/"seed": 3,/"seed": 3/' "$work/small.json" >"$work/malformed.json"
expect_exit 2 "malformed.json: line 5, column 9: malformed JSON" validate "$work/malformed.json"
expect_exit 2 "nothere.json: cannot read: file does not exist" validate "$work/nothere.json"
# Several files: every problem of every file, exit 2 if any is bad.
expect_exit 2 "typo.json.*" validate "$work/small.json" "$work/typo.json"
check "validate prints ok for the good file" grep -q "small.json: ok" "$work/out"

# run refuses invalid input before writing anything.
expect_exit 2 "typo.json: /city/housholds" run "$work/typo.json" --out "$work/never"
check "nothing written for an invalid scenario" test ! -e "$work/never"
expect_exit 2 "--ticks" run "$work/small.json" --out "$work/never" --ticks 0
expect_exit 2 "--threads" run "$work/small.json" --out "$work/never" --threads -2
expect_exit 2 "" run "$work/small.json" --no-such-option
check "nothing written for bad options" test ! -e "$work/never"

# run writes a complete directory; the same seed at 1, 2 and 4 threads gives identical files.
for threads in 1 2 4; do
  "$hearth" run "$work/small.json" --out "$work/run$threads" --threads $threads --quiet --check-invariants
  check "run at $threads threads exits 0" test $? -eq 0
done
for file in indicators.csv groups.csv neighbourhoods.csv; do
  check "$file identical at 1 and 2 threads" cmp -s "$work/run1/$file" "$work/run2/$file"
  check "$file identical at 1 and 4 threads" cmp -s "$work/run1/$file" "$work/run4/$file"
done
check "manifest says complete" grep -q '"status": "complete"' "$work/run1/manifest.json"
check "manifest records the threads" grep -q '"threads": 4' "$work/run4/manifest.json"
check "one row per tick plus header and tick 0" test "$(wc -l <"$work/run1/indicators.csv")" -eq 8

# --seed and --ticks override the scenario and are recorded.
"$hearth" run "$work/small.json" --out "$work/seeded" --seed 99 --ticks 2 --quiet
check "seed override recorded" grep -q '"seed": 99' "$work/seeded/manifest.json"
check "ticks override applied" test "$(wc -l <"$work/seeded/indicators.csv")" -eq 4
check "a different seed changes the results" bash -c "! cmp -s '$work/run1/indicators.csv' '$work/seeded/indicators.csv'"

# An existing directory is kept unless --force.
expect_exit 2 "exists; pass --force" run "$work/small.json" --out "$work/run1"
"$hearth" run "$work/small.json" --out "$work/run1" --force --quiet
check "--force replaces" test $? -eq 0

# The summary and the profile.
"$hearth" run "$work/small.json" --out "$work/summary" --profile >"$work/summary.txt" 2>/dev/null
check "summary names the outputs" grep -q "outputs .*summary/" "$work/summary.txt"
check "profile lists the phases" grep -q "market" "$work/summary.txt"

# Non-terminal progress is a periodic one-line status ending at 100%.
"$hearth" run "$work/small.json" --out "$work/progress" 2>"$work/progress.txt" >/dev/null
check "progress line on stderr" grep -q "tick 6/6 (100%)" "$work/progress.txt"

# SIGTERM stops a run after its tick: exit 143, a checkpoint and an
# "interrupted" manifest in DIR.partial, no DIR; --resume finishes it with the
# same bytes as an uninterrupted run.
cat >"$work/long.json" <<'JSON'
{ "schema_version": 1, "name": "cli-long", "seed": 5, "ticks": 1200,
  "city": { "grid": { "width_cells": 60, "height_cells": 60 }, "households": 20000 } }
JSON
"$hearth" run "$work/long.json" --out "$work/whole" --quiet --ticks 300
"$hearth" run "$work/long.json" --out "$work/cut" --quiet --ticks 300 --checkpoint-every 50 &
pid=$!
sleep 0.5
kill -TERM $pid
wait $pid
code=$?
check "SIGTERM exits 143 (got $code)" test $code -eq 143
check "no finished directory after SIGTERM" test ! -e "$work/cut"
check "checkpoint kept" test -s "$work/cut.partial/checkpoint.bin"
check "manifest says interrupted" grep -q '"status": "interrupted"' "$work/cut.partial/manifest.json"
expect_exit 2 "interrupted run is here" run "$work/long.json" --out "$work/cut" --ticks 300
"$hearth" run --resume "$work/cut" --quiet --threads 1
check "resume exits 0" test $? -eq 0
for file in indicators.csv groups.csv neighbourhoods.csv; do
  check "$file after resume identical to an uninterrupted run" cmp -s "$work/whole/$file" "$work/cut/$file"
done
expect_exit 2 "already complete" run --resume "$work/cut"
expect_exit 2 "give only the run directory" run "$work/long.json" --resume "$work/cut"
printf 'HEARTHCK garbage' >"$work/bad.partial.tmp"
mkdir -p "$work/bad.partial" && mv "$work/bad.partial.tmp" "$work/bad.partial/checkpoint.bin"
expect_exit 2 "bad.partial/checkpoint.bin: checkpoint format version" run --resume "$work/bad"

# A full disk (here: a 64 KiB file-size limit) fails clearly with exit 1 and
# leaves neither a run directory nor a partial one.
(ulimit -f 64; "$hearth" run "$work/long.json" --out "$work/full" --ticks 300 --quiet 2>"$work/full.err")
code=$?
check "file-size limit exits 1 (got $code)" test $code -eq 1
check "file-size limit names the file" grep -q "cannot write .*full.partial/.*File too large" "$work/full.err"
check "no run directory after a full disk" test ! -e "$work/full"
check "no partial directory after a full disk" test ! -e "$work/full.partial"

# A really full disk: a 64 KiB tmpfs, where mounting is allowed (root in a
# container usually may; elsewhere this case is skipped and says so).
mkdir -p "$work/tiny"
if mount -t tmpfs -o size=64k tmpfs "$work/tiny" 2>/dev/null; then
  "$hearth" run "$work/long.json" --out "$work/tiny/run" --ticks 300 --quiet 2>"$work/tiny.err"
  code=$?
  check "full tmpfs exits 1 (got $code)" test $code -eq 1
  check "full tmpfs names the file and the reason" grep -q "cannot write .*tiny/run.partial/.*No space left" "$work/tiny.err"
  check "nothing left on the full tmpfs" test -z "$(ls -A "$work/tiny")"
  umount "$work/tiny"
else
  echo "cli: cannot mount a tmpfs here; the full-disk case runs under a file-size limit only"
fi

# An output directory that cannot be made (its parent is a file): exit 1, named.
: >"$work/a_file"
expect_exit 1 "cannot create .*a_file/run.partial: Not a directory" run "$work/small.json" --out "$work/a_file/run" --quiet

# import-tracts: a bad tract table names file, line, column and reason and
# writes nothing (exit 2); the Boston table gives a scenario that validates
# and runs, from the directory the table's path is relative to; tracts-fit
# reports the fit.
boston_csv="$source_dir/scenarios/data/boston/boston_tracts.csv"
sed '2s/,3962,/,39x2,/' "$boston_csv" >"$work/bad_tracts.csv"
expect_exit 2 "bad_tracts.csv: line 2, column POP: '39x2' is not a number" \
  import-tracts "$work/bad_tracts.csv" -o "$work/never.json"
check "nothing written for a bad tract table" test ! -e "$work/never.json"
: >"$work/empty.csv"
expect_exit 2 "empty.csv: file is empty" import-tracts "$work/empty.csv" -o "$work/never.json"
expect_exit 2 "--population-scale" import-tracts "$boston_csv" -o "$work/never.json" --population-scale 0
check "nothing written for bad options" test ! -e "$work/never.json"
expect_exit 0 "" import-tracts "$boston_csv" -o "$work/boston.json" --population-scale 0.01 --ticks 3 --flood-tick 2
check "import-tracts names the tracts" grep -q "506 tracts" "$work/out"
expect_exit 2 "exists" import-tracts "$boston_csv" -o "$work/boston.json"
expect_exit 0 "" validate "$work/boston.json"
expect_exit 0 "" run "$work/boston.json" --out "$work/boston_run" --quiet --check-invariants
check "the tract city's run is complete" grep -q '"status": "complete"' "$work/boston_run/manifest.json"
expect_exit 0 "" tracts-fit "$work/boston.json" --csv "$work/fit.csv"
check "tracts-fit writes one row per tract" test "$(wc -l <"$work/fit.csv")" -eq 507
expect_exit 2 "not built from tracts" tracts-fit "$work/small.json"

# view without the viewer explains how to enable it; with the viewer but no
# X display it says to use xvfb-run (tests/viz/test_viewer.sh tests the rest).
saved_display=${DISPLAY-}
unset DISPLAY
expect_exit 2 "HEARTH_BUILD_VIEWER=ON|xvfb-run" view "$work/small.json"
[[ -n "$saved_display" ]] && export DISPLAY=$saved_display

# --- Run directories under stress (issue 21) ---------------------------------
# One writer per run directory: while a run holds DIR.lock, a second run (with
# or without --force) and a resume are refused with exit 2 and the holder's
# pid, and the directory ends up holding one whole run.
"$hearth" run "$work/long.json" --out "$work/locked" --ticks 120 --quiet &
holder=$!
for _ in $(seq 100); do [[ -e $work/locked.lock ]] && break; sleep 0.05; done
expect_exit 2 "another hearth process \(pid $holder\) is writing" run "$work/small.json" --out "$work/locked" --quiet
expect_exit 2 "another hearth process \(pid $holder\) is writing" run "$work/small.json" --out "$work/locked" --force --quiet
expect_exit 2 "another hearth process \(pid $holder\) is writing" run --resume "$work/locked" --quiet
wait $holder
check "the lock holder finished (exit $?)" test -s "$work/locked/manifest.json"
check "the locked run holds its own 120 ticks" test "$(wc -l <"$work/locked/indicators.csv")" -eq 122
check "the lock file is gone with its holder" test ! -e "$work/locked.lock"
# Started together (as in the report: 36 and 120 ticks, --force): whoever
# loses is refused; the directory is never mixed.
"$hearth" run "$work/long.json" --out "$work/raced" --ticks 36 --quiet
for try in 1 2 3; do
  "$hearth" run "$work/long.json" --out "$work/raced" --ticks 36 --force --quiet 2>"$work/race36.err" &
  a=$!
  "$hearth" run "$work/long.json" --out "$work/raced" --ticks 120 --force --quiet 2>"$work/race120.err" &
  b=$!
  wait $a; code_a=$?
  wait $b; code_b=$?
  echo "cli: race $try: the 36-tick run exited $code_a, the 120-tick run $code_b"
  for pair in "$code_a:$work/race36.err" "$code_b:$work/race120.err"; do
    code=${pair%%:*} err=${pair#*:}
    check "race $try: each run finishes or is refused as locked (exit $code)" \
      bash -c "[[ $code -eq 0 ]] || { [[ $code -eq 2 ]] && grep -q 'another hearth process' '$err'; }"
  done
  ticks=$(grep -o '"ticks": [0-9]*' "$work/raced/manifest.json" | head -1 | grep -o '[0-9]*$')
  check "race $try: manifest ($ticks ticks) and indicators.csv agree" \
    test "$(wc -l <"$work/raced/indicators.csv")" -eq $((ticks + 2))
done

# --force replaces a run directory only: anything else at --out is refused
# before running, untouched.
mkdir -p "$work/precious/sub" && echo "years of work" >"$work/precious/sub/thesis.tex"
expect_exit 2 "precious: exists and is not a Hearth run directory" run "$work/small.json" --out "$work/precious" --force --quiet
check "--force left the thesis alone" grep -q "years of work" "$work/precious/sub/thesis.tex"
echo "a file" >"$work/plain.txt"
expect_exit 2 "plain.txt: exists and is not a Hearth run directory" run "$work/small.json" --out "$work/plain.txt" --force --quiet
check "--force left the file alone" grep -q "a file" "$work/plain.txt"
check "nothing written beside them" test ! -e "$work/precious.partial" -a ! -e "$work/plain.txt.partial"

# A run killed just before its final rename (a finished DIR.partial): a plain
# run says to finish it with --resume, and --resume does, after checking it.
"$hearth" run "$work/small.json" --out "$work/fin" --quiet
mv "$work/fin" "$work/fin.partial"
expect_exit 2 "finish it with .hearth run --resume" run "$work/small.json" --out "$work/fin" --quiet
expect_exit 0 "" run --resume "$work/fin"
check "--resume says it only renamed" grep -q "stopped before its final rename" "$work/out"
check "the finished run is in place" grep -q '"status": "complete"' "$work/fin/manifest.json"
# Killed before the first checkpoint: run and --resume give the same advice.
mkdir -p "$work/early.partial" && echo "tick,date" >"$work/early.partial/indicators.csv"
expect_exit 2 "early.partial: .*cannot be resumed; start again with .*--force" run --resume "$work/early" --quiet
expect_exit 2 "early.partial: .*cannot be resumed; start again with .*--force" run "$work/small.json" --out "$work/early" --quiet
expect_exit 0 "" run "$work/small.json" --out "$work/early" --force --quiet
check "--force replaced the stale partial" test ! -e "$work/early.partial" -a -s "$work/early/manifest.json"

# A scenario file name that is not UTF-8 is kept in the manifest (invalid
# bytes as \xHH), with or without checkpoints; nothing is left behind.
latin1="$work/caf$(printf '\xe9').json"
cp "$work/small.json" "$latin1"
expect_exit 0 "" run "$latin1" --out "$work/latin1" --quiet --checkpoint-every 2
check "manifest keeps the Latin-1 file name escaped" grep -qF 'caf\\xE9.json' "$work/latin1/manifest.json"
check "no partial left by a Latin-1 file name" test ! -e "$work/latin1.partial"

# A FIFO, a directory or a device as the scenario: exit 2 at once, not a hang.
mkfifo "$work/fifo.json"
timeout 20 "$hearth" run "$work/fifo.json" --out "$work/never" --quiet 2>"$work/err"
code=$?
check "a FIFO scenario is refused with exit 2 (got $code)" test $code -eq 2
check "a FIFO scenario is named as a FIFO" grep -q "fifo.json: cannot read: is a FIFO" "$work/err"
timeout 20 "$hearth" validate "$work/fifo.json" 2>"$work/err"
check "validate refuses a FIFO too (exit $?)" grep -q "is a FIFO" "$work/err"
expect_exit 2 "/dev/null: cannot read: is a character device" run /dev/null --out "$work/never" --quiet
expect_exit 2 "cannot read: is a directory" run "$work/precious" --out "$work/never" --quiet
check "nothing written for a non-file scenario" test ! -e "$work/never"
# --- Issue 21: options and input messages --------------------------------------
# Seeds: CLI11 read "-5" as 2^64 - 5; every --seed takes 0 .. 2^53 - 1.
expect_exit 2 "--seed: a seed is a whole number from 0 to 9007199254740991 \(got '-5'\)" \
  run "$work/small.json" --out "$work/never" --seed -5
expect_exit 2 "--seed: a seed is a whole number" run "$work/small.json" --out "$work/never" --seed 9007199254740992
expect_exit 2 "--seed: a seed is a whole number" run "$work/small.json" --out "$work/never" --seed 3x
expect_exit 2 "--seed: a seed is a whole number" import-tracts "$boston_csv" -o "$work/never.json" --seed -1
expect_exit 2 "--seed: a seed is a whole number" bench households --sizes 1k --seed -1 --out ''
check "nothing written for a bad seed" test ! -e "$work/never" -a ! -e "$work/never.json"
"$hearth" run "$work/small.json" --out "$work/big_seed" --seed 9007199254740991 --ticks 1 --quiet
check "the largest seed runs" grep -q '"seed": 9007199254740991' "$work/big_seed/manifest.json"
# An option that does not exist: the closest one of that subcommand.
expect_exit 2 "hearth run: no option '--tick'; did you mean '--ticks'\?" run "$work/small.json" --tick 24
expect_exit 2 "hearth compare: no option '--group'; did you mean '--groups'\?" compare "$work/run1" "$work/run2" --group tenure
expect_exit 2 "hearth sweep plan: no option '--forse'; did you mean '--force'\\?" sweep plan x.json -o "$work/never" --forse
expect_exit 2 "hearth validate: no option '--zzzzzzzz'; .hearth validate --help. lists the options" validate "$work/small.json" --zzzzzzzz
# validate says a sweep file is one.
expect_exit 2 "example_sweep.json: this is a sweep file .*hearth sweep plan" \
  validate "$source_dir/scenarios/sweeps/example_sweep.json"
# A flood after the end: refused in the file; after a shorter --ticks a warning.
sed 's/"ticks": 6,/"ticks": 6, "hazards": [ { "type": "flood", "tick": 5 } ],/' "$work/small.json" >"$work/flood5.json"
sed 's/"tick": 5/"tick": 9/' "$work/flood5.json" >"$work/flood9.json"
expect_exit 2 "flood9.json: /hazards/0/tick: a flood at tick 9 never happens in a 6-tick run" validate "$work/flood9.json"
expect_exit 0 "warning: .*flood5.json: /hazards/0/tick: a flood at tick 5 never happens in a 3-tick run \(--ticks 3\)" \
  run "$work/flood5.json" --out "$work/short" --ticks 3 --quiet
# Density and length: warnings, not errors. A million households on the
# default 120 x 120 grid for 1200 ticks is long (the run is refused after the
# warning, for its directory exists); 20M on it is denser than any city.
mkdir -p "$work/exists"
sed 's/"ticks": 6/"ticks": 1200/; s/"households": 1500/"households": 1000000/; s/"width_cells": 30, "height_cells": 30/"width_cells": 120, "height_cells": 120/' \
  "$work/small.json" >"$work/long_run.json"
expect_exit 2 "warning: .*long_run.json: 1000000 households x 1200 ticks is a long run" run "$work/long_run.json" --out "$work/exists"
expect_exit 2 "exists" run "$work/long_run.json" --out "$work/exists" --quiet
check "no long-run warning with --quiet" bash -c "! grep -q 'long run' '$work/err'"
sed 's/"households": 1000000/"households": 20000000/' "$work/long_run.json" >"$work/crowded.json"
expect_exit 0 "warning: .*crowded.json: /city/households: 20000000 households on 14400 hectares is 1389 per hectare" \
  validate "$work/crowded.json"

finish cli
