#!/usr/bin/env bash
# Files no one prepared (docs/RELIABILITY.md, "Hostile input"), fed to every
# command that reads a file: empty, binary garbage, truncated, UTF-16,
# UTF-8 with a byte order mark, NaN / infinity / 1e999 in numbers, absurd
# sizes, a directory, an unreadable file and a very long line. Each must be
# refused with exit code 2 and a message naming the file and the reason: no
# crash, no absurd allocation (each runs under `ulimit -v`), and nothing left
# behind. Then a damaged checkpoint: `hearth run --resume` falls back to
# checkpoint.prev.bin and still finishes byte-identical to an uninterrupted run.
# Usage: test_hostile_files.sh PATH/TO/hearth SOURCE_DIR
set -uo pipefail
hearth=$1
source_dir=$2
source "$source_dir/tests/support/shell_assert.sh"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
export LC_ALL=C

# Memory: an absurd allocation must fail the test, not the machine. Under a
# sanitizer `ulimit -v` cannot be used (the shadow memory alone needs
# terabytes of address space); there the allocator refuses anything over the
# same 4 GiB instead and reports it, which fails the test just the same.
memory_limit_kib=$((4 * 1024 * 1024))
if (ulimit -v $memory_limit_kib && "$hearth" --version) >/dev/null 2>&1; then
  limit_memory() { ulimit -v $memory_limit_kib; }
else
  limit_memory() { :; }
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=4096:allocator_may_return_null=0"
fi
# chmod 000 stops everyone but root; as root the unreadable cases are skipped.
unreadable_skipped=""
[[ $(id -u) -eq 0 ]] && unreadable_skipped="running as root: unreadable files not tested"

outputs=$work/outputs  # every command's output goes here, and must stay empty
mkdir -p "$outputs"
cases=0

# refuses PATTERN ARGS...: hearth ARGS exits 2 with PATTERN in stderr, does
# not crash (no signal, no C++ terminate, no sanitizer report) and leaves
# nothing in $outputs.
refuses() {
  local pattern=$1
  shift
  cases=$((cases + 1))
  (limit_memory; exec "$hearth" "$@") >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  local problem=""
  if [[ $got -ne 2 ]]; then
    problem="exited $got, expected 2"
  elif grep -qE "terminate called|Sanitizer|runtime error:|std::bad_alloc|\[json\.exception" \
    "$work/err"; then
    problem="crashed or leaked an internal error"
  elif ! grep -qE -- "$pattern" "$work/err"; then
    problem="stderr lacks /$pattern/"
  elif [[ -n $(ls -A "$outputs") ]]; then
    problem="left files behind: $(ls -A "$outputs" | tr '\n' ' ')"
  fi
  if [[ -n $problem ]]; then
    echo "FAIL: ${label:+[$label] }hearth $*: $problem"
    sed 's/^/  | /' "$work/err" | head -20
    failures=$((failures + 1))
    rm -rf "${outputs:?}"/* "$outputs"/.[!.]* 2>/dev/null
    return
  fi
  [[ -n ${HEARTH_HOSTILE_VERBOSE-} ]] && sed 's/^/  ok | /' "$work/err" | head -3
  passes=$((passes + 1))
}

# accepts ARGS...: hearth ARGS succeeds (a file that is odd but fine).
accepts() {
  cases=$((cases + 1))
  (limit_memory; exec "$hearth" "$@") >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  if [[ $got -ne 0 ]]; then
    echo "FAIL: hearth $* exited $got, expected 0"
    sed 's/^/  | /' "$work/err" | head -20
    failures=$((failures + 1))
  else
    passes=$((passes + 1))
  fi
  rm -rf "${outputs:?}"/* 2>/dev/null
}

# Byte-level helpers (python3 is used by the other shell tests as well).
garbage() {  # garbage FILE: 4096 bytes of seeded noise (the same every time)
  python3 -c 'import random, sys
r = random.Random(9)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))' >"$1"
}
utf16() {  # utf16 IN OUT: IN as UTF-16LE with its byte order mark FF FE
  python3 -c 'import sys
text = open(sys.argv[1], "rb").read().decode("latin-1")  # any bytes, also a binary file
sys.stdout.buffer.write(b"\xff\xfe" + text.encode("utf-16-le"))' "$1" >"$2"
}
with_bom() { printf '\xef\xbb\xbf' >"$2" && cat "$1" >>"$2"; }
truncated() { head -c $(($(stat -c %s "$1") / 2)) "$1" >"$2"; }
long_line() { head -c 20000000 /dev/zero | tr '\0' 'a' >"$1"; }  # 20 MB, no line end
patch_bytes() {  # patch_bytes FILE OFFSET HEX: overwrite bytes at OFFSET
  python3 -c 'import sys
path, offset, data = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(offset); f.write(data)' "$1" "$2" "$3"
}
flip_byte() {  # flip_byte FILE OFFSET: invert every bit of the byte at OFFSET (always a change)
  python3 -c 'import sys
path, offset = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek(offset); b = f.read(1); f.seek(offset); f.write(bytes([b[0] ^ 0xff]))' "$1" "$2"
}
offset_of() {  # offset_of FILE TEXT [NTH]: byte offset of the NTH (default 1st) TEXT
  python3 -c 'import sys
data, needle, nth = open(sys.argv[1], "rb").read(), sys.argv[2].encode(), int(sys.argv[3])
at = -1
for _ in range(nth):
    at = data.find(needle, at + 1)
print(at)' "$1" "$2" "${3:-1}"
}

# hostile_set VALID STEM: STEM-{empty,garbage,truncated,utf16,bom,dir,unreadable,long}
# from the valid file VALID (bom: VALID with a UTF-8 byte order mark, which is fine).
hostile_set() {
  local valid=$1 stem=$2
  : >"$stem-empty"
  garbage "$stem-garbage"
  truncated "$valid" "$stem-truncated"
  utf16 "$valid" "$stem-utf16"
  with_bom "$valid" "$stem-bom"
  mkdir -p "$stem-dir"
  cp "$valid" "$stem-unreadable" && chmod 000 "$stem-unreadable"
  long_line "$stem-long"
}
hostile_kinds="empty garbage truncated utf16 dir long"
[[ -z $unreadable_skipped ]] && hostile_kinds="$hostile_kinds unreadable"

# --- Scenario files: validate, run, view --------------------------------------
cat >"$work/small.json" <<'JSON'
{
  "schema_version": 1,
  "name": "hostile-small",
  "seed": 3,
  "ticks": 6,
  "city": { "grid": { "width_cells": 30, "height_cells": 30 }, "households": 1500,
            "layout": { "neighbourhoods_per_side": 3 } }
}
JSON
mkdir -p "$work/in"
hostile_set "$work/small.json" "$work/in/scenario"
sed 's/"households": 1500/"households": NaN/' "$work/small.json" >"$work/in/scenario-nan"
sed 's/"households": 1500/"households": Infinity/' "$work/small.json" >"$work/in/scenario-inf"
sed 's/"households": 1500/"households": 1e999/' "$work/small.json" >"$work/in/scenario-1e999"
sed 's/"households": 1500/"households": 1000000000000/' "$work/small.json" >"$work/in/scenario-huge"
sed 's/"width_cells": 30/"width_cells": 1000000/' "$work/small.json" >"$work/in/scenario-wide"
for kind in $hostile_kinds nan inf 1e999 huge wide; do
  file=$work/in/scenario-$kind
  refuses "scenario-$kind: .+" validate "$file"
  refuses "scenario-$kind: .+" run "$file" --out "$outputs/run" --quiet
  refuses "scenario-$kind: .+" tracts-fit "$file"
done
accepts validate "$work/in/scenario-bom"
# A value nested 100,000 levels deep crashed validate, run and sweep plan on
# the stack, quoting it in the message (issue 21); a repeated key hid an
# invalid value behind a valid one.
python3 -c 'deep = "[" * 100000 + "]" * 100000
print("{\"schema_version\": 1,\n \"name\": " + deep + "}")' >"$work/in/scenario-deep"
python3 -c 'deep = "[" * 100000 + "]" * 100000
print("{\"sweep_version\": 1, \"name\": " + deep + ", \"base\": {}, \"parameters\": []}")' >"$work/in/sweep-deep"
sed 's/"households": 1500/"households": -7, "households": 1500/' "$work/small.json" >"$work/in/scenario-twice"
refuses "scenario-deep: line 2: nested deeper than 64 levels" validate "$work/in/scenario-deep"
refuses "scenario-deep: line 2: nested deeper than 64 levels" run "$work/in/scenario-deep" --out "$outputs/run" --quiet
refuses "scenario-twice: /city/households: duplicate key 'households'" validate "$work/in/scenario-twice"
refuses "scenario-twice: /city/households: duplicate key 'households'" run "$work/in/scenario-twice" --out "$outputs/run" --quiet


# --- Flood rasters (.asc) named by a scenario: validate and run ---------------
{
  printf 'ncols 30\nnrows 30\nxllcorner 0\nyllcorner 0\ncellsize 100\nNODATA_value -9999\n'
  for _ in $(seq 30); do printf '0.5 %.0s' $(seq 29); printf '0.5\n'; done
} >"$work/depth.asc"
hostile_set "$work/depth.asc" "$work/in/depth"
sed 's/^0.5 0.5 0.5/0.5 nan 0.5/' "$work/depth.asc" >"$work/in/depth-nan"
sed 's/^0.5 0.5 0.5/0.5 inf 0.5/' "$work/depth.asc" >"$work/in/depth-inf"
sed 's/^0.5 0.5 0.5/0.5 1e999 0.5/' "$work/depth.asc" >"$work/in/depth-1e999"
sed 's/^ncols 30/ncols 1000000/; s/^nrows 30/nrows 1000000/' "$work/depth.asc" >"$work/in/depth-huge"
sed 's/^ncols 30/ncols 16384/; s/^nrows 30/nrows 16384/' "$work/depth.asc" >"$work/in/depth-big"
sed 's/^cellsize 100/cellsize nan/' "$work/depth.asc" >"$work/in/depth-nancell"
sed '7,$s/0\.5/-9999/g' "$work/depth.asc" >"$work/in/depth-nodata"  # every cell NODATA
flood_scenario() {  # flood_scenario RASTER OUT: small.json with a flood read from RASTER
  sed "s|\"layout\"|\"layout\"|; s|^}|, \"hazards\": [ { \"type\": \"flood\", \"tick\": 2, \"depth_file\": \"$1\" } ] }|" \
    "$work/small.json" >"$2"
}
flood_scenario "$work/depth.asc" "$work/flood.json"
accepts validate "$work/flood.json"
for kind in $hostile_kinds nan inf 1e999 huge big nancell nodata bom; do
  flood_scenario "$work/in/depth-$kind" "$work/in/flood-$kind.json"
  [[ $kind == bom ]] && { accepts run "$work/in/flood-$kind.json" --out "$outputs/run" --quiet; continue; }
  refuses "flood-$kind.json: /hazards/0/depth_file: .*depth-$kind.*: .+" validate "$work/in/flood-$kind.json"
  refuses "flood-$kind.json: /hazards/0/depth_file: .*depth-$kind.*: .+" \
    run "$work/in/flood-$kind.json" --out "$outputs/run" --quiet
done

# --- Tract tables (CSV): import-tracts, and a scenario's city.tracts ----------
boston_csv="$source_dir/scenarios/data/boston/boston_tracts.csv"
hostile_set "$boston_csv" "$work/in/tracts"
sed '2s/,3962,/,nan,/' "$boston_csv" >"$work/in/tracts-nan"
sed '2s/,3962,/,inf,/' "$boston_csv" >"$work/in/tracts-inf"
sed '2s/,3962,/,1e999,/' "$boston_csv" >"$work/in/tracts-1e999"
sed '2s/,3962,/,1e15,/' "$boston_csv" >"$work/in/tracts-huge"
# Every tract at the largest population one tract may have: 5 * 10^10 persons in all.
awk -F, 'BEGIN{OFS=","} NR==1{for(i=1;i<=NF;i++) if($i=="POP") c=i; print; next}{$c=100000000; print}' \
  "$boston_csv" >"$work/in/tracts-crowded"
"$hearth" import-tracts "$boston_csv" -o "$work/tracts.json" --population-scale 0.01 --ticks 3 --flood-tick 2 >/dev/null ||
  echo "FAIL: import-tracts of the Boston table"
for kind in $hostile_kinds nan inf 1e999 huge crowded; do
  refuses "tracts-$kind: .+" import-tracts "$work/in/tracts-$kind" -o "$outputs/t.json"
  sed "s|\"file\": \".*boston_tracts.csv\"|\"file\": \"$work/in/tracts-$kind\"|" "$work/tracts.json" \
    >"$work/in/city-$kind.json"
  refuses "city-$kind.json: /city/tracts/file: .*tracts-$kind.*: .+" validate "$work/in/city-$kind.json"
  refuses "city-$kind.json: /city/tracts/file: .*tracts-$kind.*: .+" \
    run "$work/in/city-$kind.json" --out "$outputs/run" --quiet
done
accepts import-tracts "$work/in/tracts-bom" -o "$outputs/t.json" --population-scale 0.01
# CR-only line ends (classic Mac) were read as one row of "more than 1000 fields".
tr '\n' '\r' <"$boston_csv" >"$work/in/tracts-cr"
refuses "tracts-cr: line 1: .*CR-only \(classic Mac\) line endings; convert it to LF or CRLF" \
  import-tracts "$work/in/tracts-cr" -o "$outputs/t.json"

# --- Sweep files: sweep plan ---------------------------------------------------
cat >"$work/sweep.json" <<JSON
{ "sweep_version": 1, "name": "hostile-sweep",
  "base": $(cat "$work/small.json"),
  "parameters": [ { "pointer": "/city/vacancy_rate", "name": "vacancy", "values": [0.03, 0.08] } ],
  "replicates": 2 }
JSON
hostile_set "$work/sweep.json" "$work/in/sweep"
sed 's/0.08/NaN/' "$work/sweep.json" >"$work/in/sweep-nan"
sed 's/0.08/1e999/' "$work/sweep.json" >"$work/in/sweep-1e999"
sed 's/"replicates": 2/"replicates": 1000000000000/' "$work/sweep.json" >"$work/in/sweep-huge"
python3 -c 'import json, sys
sweep = json.load(open(sys.argv[1])); sweep["base"] = "scenario-garbage"; print(json.dumps(sweep))' \
  "$work/sweep.json" >"$work/in/sweep-base"
for kind in $hostile_kinds nan 1e999 huge; do
  refuses "sweep-$kind: .+" sweep plan "$work/in/sweep-$kind" -o "$outputs/sweep"
done
refuses "sweep-base: .*scenario-garbage.*: .+" sweep plan "$work/in/sweep-base" -o "$outputs/sweep"
refuses "sweep-deep: line 1: nested deeper than 64 levels" sweep plan "$work/in/sweep-deep" -o "$outputs/sweep"
accepts sweep plan "$work/in/sweep-bom" -o "$outputs/sweep"

# --- Run directories: compare and report ----------------------------------------
"$hearth" run "$work/small.json" --out "$work/base" --quiet --threads 2 || echo "FAIL: the base run"
for name in indicators.csv groups.csv cells.csv manifest.json; do
  stem=$work/in/${name%%.*}
  hostile_set "$work/base/$name" "$stem"
  if [[ $name == *.csv ]]; then
    # Every number of one row but the keys (tick, date, group, cell), since
    # a column the commands do not read is not parsed; and a NaN key.
    case $name in
      indicators.csv) first=3 nan_at='3s/^[0-9]*,/nan,/' ;;
      groups.csv) first=5 nan_at='3s/^[0-9]*,/nan,/' ;;
      cells.csv) first=2 nan_at='3s/^\([0-9]*\),[0-9]*,/\1,nan,/' ;;
    esac
    for bad in inf 1e999; do
      awk -F, -v first=$first -v bad=$bad 'BEGIN{OFS=","} NR==3{for(i=first;i<=NF;i++) if($i ~ /^-?[0-9.]+$/) $i=bad} {print}' \
        "$work/base/$name" >"$stem-$bad"
    done
    sed "$nan_at" "$work/base/$name" >"$stem-nan"
    kinds="$hostile_kinds inf 1e999 nan"
  else
    sed 's/"scenario_name": "[^"]*"/"scenario_name": 5/' "$work/base/$name" >"$stem-types"
    sed 's/"seed": [0-9]*/"seed": "three"/; s/"replicate": [0-9]*/"replicate": "x"/' "$work/base/$name" >"$stem-seed"
    python3 -c 'import json, sys
manifest = json.load(open(sys.argv[1])); manifest["scenario"]["hazards"] = 7
manifest["scenario"]["city"]["layout"]["river"]["enabled"] = "yes"; print(json.dumps(manifest))' \
      "$work/base/$name" >"$stem-scenario"
    kinds="$hostile_kinds types seed scenario"
  fi
  for kind in $kinds bom; do
    label="$name $kind"
    rm -rf "$work/broken"
    cp -r "$work/base" "$work/broken"
    rm -rf "$work/broken/$name"
    cp -r "$stem-$kind" "$work/broken/$name"
    if [[ $kind == bom ]]; then
      accepts compare "$work/base" "$work/broken" --csv "$outputs/cmp.csv"
      accepts report "$work/broken" -o "$outputs/r.html"
      continue
    fi
    refuses "broken/$name: .+" compare "$work/base" "$work/broken" --csv "$outputs/cmp.csv"
    refuses "broken/$name: .+" compare "$work/base" "$work/broken" "$work/broken"
    refuses "broken/$name: .+" report "$work/broken" -o "$outputs/r.html"
    refuses "broken/$name: .+" report "$work/base" "$work/broken" -o "$outputs/r.html"
  done
done

label=""

# --- Checkpoints: hearth run --resume --------------------------------------------
# A run stopped by SIGTERM once it has written two checkpoints (checkpoint.bin
# and checkpoint.prev.bin), and the same run uninterrupted to compare with.
cat >"$work/long.json" <<'JSON'
{ "schema_version": 1, "name": "hostile-long", "seed": 5, "ticks": 1200,
  "city": { "grid": { "width_cells": 60, "height_cells": 60 }, "households": 20000 } }
JSON
"$hearth" run "$work/long.json" --out "$work/whole" --quiet --ticks 200 || echo "FAIL: the whole run"
"$hearth" run "$work/long.json" --out "$work/cut" --quiet --ticks 200 --checkpoint-every 5 &
pid=$!
for _ in $(seq 2400); do  # up to 2 minutes: CI machines may be loaded
  [[ -e $work/cut.partial/checkpoint.prev.bin ]] && break
  sleep 0.05
done
kill -TERM $pid
wait $pid
code=$?
check "SIGTERM exits 143 (got $code)" test $code -eq 143
check "two checkpoints kept" test -s "$work/cut.partial/checkpoint.prev.bin"
checkpoint=$work/cut.partial/checkpoint.bin
# fresh NAME: a copy of the interrupted run as $work/NAME(.partial)
fresh() { rm -rf "$work/$1" "$work/$1.partial" && cp -r "$work/cut.partial" "$work/$1.partial"; }
# Damaged newest checkpoints, no previous one to fall back to: refused, nothing changed.
damage() {  # damage KIND FILE
  case $1 in
    empty) : >"$2" ;;
    garbage) garbage "$2" ;;
    truncated) truncate -s $(($(stat -c %s "$2") / 2)) "$2" ;;
    flipped) flip_byte "$2" $(($(stat -c %s "$2") / 2)) ;;
    dir) rm "$2" && mkdir "$2" ;;
    unreadable) chmod 000 "$2" ;;
    string) patch_bytes "$2" 12 0000000000010000 ;;  # the build id claims 2^56 bytes
    column) patch_bytes "$2" $(($(offset_of "$2" land_use) + 8 + 4)) 0000000000010000 ;;  # 2^56 cells
    layers) patch_bytes "$2" $(($(offset_of "$2" values) - 8 - 8 - 8)) ffffffffffffff7f ;;
  esac
}
damage_kinds="empty garbage truncated flipped dir string column"
[[ -z $unreadable_skipped ]] && damage_kinds="$damage_kinds unreadable"
for kind in $damage_kinds; do
  fresh alone
  rm "$work/alone.partial/checkpoint.prev.bin"
  damage $kind "$work/alone.partial/checkpoint.bin"
  refuses "alone.partial/checkpoint.bin: .+" run --resume "$work/alone" --quiet
  check "nothing finished after a refused resume ($kind)" test ! -e "$work/alone"
  check "outputs untouched after a refused resume ($kind)" \
    cmp -s "$work/cut.partial/indicators.csv" "$work/alone.partial/indicators.csv"
done

# Foreign: a sound checkpoint of another scenario put into this run's directory.
"$hearth" run "$work/small.json" --out "$work/other" --quiet --ticks 200 --checkpoint-every 2 &
other=$!
for _ in $(seq 2400); do  # up to 48 s: CI machines may be loaded
  [[ -e $work/other.partial/checkpoint.bin ]] && break
  sleep 0.02
done
kill -TERM $other
wait $other
fresh foreign
cp "$work/other.partial/checkpoint.bin" "$work/foreign.partial/checkpoint.bin"
refuses "foreign.partial/checkpoint.bin: checkpoint of scenario [0-9a-f]+, not of this scenario" \
  run --resume "$work/foreign" --quiet
check "a foreign checkpoint is not replaced by the previous one" \
  cmp -s "$work/other.partial/checkpoint.bin" "$work/foreign.partial/checkpoint.bin"
# Both checkpoints damaged: refused, naming both.
fresh both
damage truncated "$work/both.partial/checkpoint.bin"
damage flipped "$work/both.partial/checkpoint.prev.bin"
refuses "and the previous checkpoint .*both.partial/checkpoint.prev.bin: corrupt: checksum mismatch" \
  run --resume "$work/both" --quiet
# Outputs shorter than the checkpoint recorded: refused (cutting them "back"
# would pad them with zeros).
fresh short
truncate -s 100 "$work/short.partial/groups.csv"
refuses "short.partial/groups.csv: holds 100 bytes, but .*checkpoint.bin recorded [0-9]+" \
  run --resume "$work/short" --quiet

# Damaged newest checkpoint with a sound previous one: a warning naming both
# files and the reason, and the finished run is byte-identical to the whole one.
for kind in $damage_kinds missing; do
  fresh fallback
  if [[ $kind == missing ]]; then rm "$work/fallback.partial/checkpoint.bin"; else
    damage $kind "$work/fallback.partial/checkpoint.bin"
  fi
  (limit_memory; exec "$hearth" run --resume "$work/fallback" --quiet --threads 2) 2>"$work/err"
  code=$?
  check "resume falls back from a $kind checkpoint (exit $code)" test $code -eq 0
  check "the warning names both checkpoints ($kind)" \
    grep -qE "warning: .*fallback.partial/checkpoint.bin is damaged \(.+\); resuming from the previous checkpoint .*fallback.partial/checkpoint.prev.bin \(tick [0-9]+\)" "$work/err"
  for file in indicators.csv groups.csv neighbourhoods.csv; do
    check "$file identical to an uninterrupted run after falling back ($kind)" \
      cmp -s "$work/whole/$file" "$work/fallback/$file"
  done
  check "no checkpoint left in the finished run ($kind)" \
    test -z "$(ls "$work/fallback" | grep checkpoint)"
done

# --- frames.bin: hearth view RUN_DIR, refused before any window (no display) ---
# (The message is captured first: under pipefail, `hearth view | grep -q`
# takes hearth's exit code 2, not grep's answer.)
viewer_says=$(env -u DISPLAY "$hearth" view "$work/small.json" 2>&1)
if [[ $viewer_says != *"has no viewer"* ]]; then
  "$hearth" run "$work/small.json" --out "$work/replay" --quiet --record-frames 2 || echo "FAIL: recording frames"
  hostile_set "$work/replay/frames.bin" "$work/in/frames"
  cp "$work/replay/frames.bin" "$work/in/frames-flipped"
  flip_byte "$work/in/frames-flipped" $(($(stat -c %s "$work/in/frames-flipped") - 20))
  cp "$work/replay/frames.bin" "$work/in/frames-cells"
  patch_bytes "$work/in/frames-cells" 16 ffffff7fffffff7f  # width x height 2^31 x 2^31
  cp "$work/replay/frames.bin" "$work/in/frames-record"
  patch_bytes "$work/in/frames-record" $(($(offset_of "$work/in/frames-record" FRAM) + 4)) ffffffffffffff7f
  for kind in $hostile_kinds flipped cells record; do
    rm -rf "$work/viewed" && cp -r "$work/replay" "$work/viewed"
    rm -f "$work/viewed/frames.bin" && cp -r "$work/in/frames-$kind" "$work/viewed/frames.bin"
    saved_display=${DISPLAY-}
    unset DISPLAY
    refuses "viewed/frames.bin: .+" view "$work/viewed"
    [[ -n $saved_display ]] && export DISPLAY=$saved_display
  done
else
  echo "hostile: the viewer is not built; frames.bin cases skipped"
fi
finish hostile "$cases cases${unreadable_skipped:+; $unreadable_skipped}"
