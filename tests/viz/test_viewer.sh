#!/usr/bin/env bash
# The viewer under a virtual X server (docs/VIEWER.md): screenshots of a
# flood scenario after the flood, live and from a recorded run, for several
# layers; each must show a picture (enough distinct colours in the map area)
# and the layers must differ. Also the viewer's input errors.
# Usage: test_viewer.sh HEARTH SOURCE_DIR 1|REASON_TO_SKIP
# Exit 77 (skipped, with the reason) without the viewer or without xvfb-run.
set -euo pipefail
hearth=$1
src=$2
viewer=$3
if [[ "$viewer" != "1" ]]; then
  echo "SKIP: $viewer"
  exit 77
fi
if ! command -v xvfb-run >/dev/null; then
  echo "SKIP: xvfb-run not found (scripts/install-deps.sh installs xvfb)"
  exit 77
fi
# One virtual X server for the whole test (xvfb-run per picture costs seconds each).
if [[ -z "${HEARTH_VIEWER_TEST_XVFB:-}" ]]; then
  HEARTH_VIEWER_TEST_XVFB=1 exec xvfb-run -a -s "-screen 0 1400x900x24" bash "$0" "$@"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stats="python3 $src/tests/viz/png_stats.py"
panel=390      # the side panel's width and the timeline's height (viz/src/viewer/style.hpp)
timeline=60
size="--width 800 --height 600"
fail() { echo "FAIL: $*"; exit 1; }

# A short flood run: the flood strikes at tick 3; frames every 2 ticks.
python3 - "$src/scenarios/flood_100yr.json" "$work/flood.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["ticks"] = 8
json.dump(doc, open(sys.argv[2], "w"))
PY
"$hearth" run "$work/flood.json" --out "$work/run" --record-frames 2 --quiet
[[ -s "$work/run/frames.bin" ]] || fail "no frames.bin"

view() { "$hearth" view "$@"; }

layers=(tenure rent cost_burden damage displaced flood_depth_100yr informal services)
pictures=()
for layer in "${layers[@]}"; do
  view "$work/run" --screenshot "$work/replay-$layer.png" --at-tick 6 --layer "$layer" $size >/dev/null
  pictures+=("$work/replay-$layer.png")
done
$stats check $panel $timeline 4 0.02 "${pictures[@]}" || fail "blank pictures or layers alike"

# Damage needs the flood: before it the damage map is one colour, after it many.
view "$work/run" --screenshot "$work/before.png" --at-tick 2 --layer damage $size >/dev/null
before=$($stats colours "$work/before.png" $panel $timeline)
after=$($stats colours "$work/replay-damage.png" $panel $timeline)
echo "damage: $before colours before the flood, $after after"
(( after > before )) || fail "the flood does not show on the damage layer"

# Live: the scenario simulated to the tick, the same picture as the replay.
view "$work/flood.json" --screenshot "$work/live-damage.png" --at-tick 6 --layer damage $size >/dev/null
share=$($stats differ "$work/live-damage.png" "$work/replay-damage.png" $panel $timeline)
echo "live vs replay, damage at tick 6: $share of map pixels differ"
python3 -c "import sys; sys.exit(0 if float('$share') == 0 else 1)" || fail "live and replay maps differ"

# Input errors: exit 2 and a message.
expect_input_error() {
  local message=$1; shift
  set +e
  out=$(view "$@" 2>&1)
  rc=$?
  set -e
  [[ $rc -eq 2 ]] || fail "expected exit 2 for '$*', got $rc: $out"
  grep -q -- "$message" <<<"$out" || fail "expected '$message' for '$*': $out"
}
expect_input_error "unknown layer" "$work/run" --screenshot "$work/x.png" --layer nonsense
expect_input_error "outside the recorded" "$work/run" --screenshot "$work/x.png" --at-tick 99
expect_input_error "no frames.bin" "$work" --screenshot "$work/x.png"
set +e
out=$(env -u DISPLAY "$hearth" view "$work/run" --screenshot "$work/x.png" 2>&1)
rc=$?
set -e
[[ $rc -eq 2 ]] && grep -q "xvfb-run" <<<"$out" || fail "no DISPLAY: expected exit 2 and advice, got $rc: $out"
# --hover-cell off the grid (120 x 120 cells) names the option, the cell and the grid.
expect_input_error "--hover-cell: cell 120 5 is outside the grid of 120 x 120 cells" \
  "$work/run" --screenshot "$work/x.png" --hover-cell 120 5
expect_input_error "cell -1 0 is outside the grid of 120 x 120" \
  "$work/flood.json" --screenshot "$work/x.png" --hover-cell -1 0
view "$work/run" --screenshot "$work/hover.png" --at-tick 6 --hover-cell 119 119 $size >/dev/null ||
  fail "--hover-cell on the grid's last cell refused"

# The window on this 1400 x 900 screen without a window manager: asked for
# more than the screen, it must shrink and sit wholly on it.
placed=$(view "$work/run" --benchmark-frames 3 --width 1600 --height 1000 2>&1) ||
  fail "the window did not open: $placed"
echo "$placed"
python3 - "$placed" <<'PY' || fail "the window is not wholly on the 1400 x 900 screen"
import re, sys
m = re.search(r"window (\d+) x (\d+) at (-?\d+),(-?\d+) on a 1400 x 900 desktop", sys.argv[1])
w, h, x, y = map(int, m.groups())
sys.exit(0 if x >= 0 and y >= 0 and x + w <= 1400 and y + h <= 900 else 1)
PY
grep -q "to fit the 1400 x 900 desktop (asked for 1600 x 1000)" <<<"$placed" ||
  fail "a shrunk window is not reported"
printf 'garbage' >"$work/run/frames.bin"  # shorter than the magic
expect_input_error "bad magic" "$work/run" --screenshot "$work/x.png"
[[ ! -e "$work/x.png" ]] || fail "a failed screenshot left a file"
echo "viewer: ok"
