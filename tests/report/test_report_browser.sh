#!/usr/bin/env bash
# The report page in headless Chromium (browser_check.py): loads with no
# console errors and no network, every chart has data, no labels overlap,
# printing to A4 works and a screenshot is not blank; and a broken page is
# caught. Exit 77 (CTest: skipped) when Chromium or python3-websocket is
# missing.
# Usage: test_report_browser.sh PATH/TO/hearth SOURCE_DIR [SCREENSHOT.png]
set -uo pipefail
hearth=$1
source_dir=$2
screenshot=${3:-}
here=$(cd "${0%/*}" && pwd)
python=/usr/bin/python3   # Debian's, with python3-websocket
[[ -x $python ]] || python=python3
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  echo "SKIP: chromium is not installed (scripts/install-deps.sh installs it)"; exit 77
fi
if ! "$python" -c "import websocket" 2>/dev/null; then
  echo "SKIP: python3-websocket is not installed (scripts/install-deps.sh installs it)"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$hearth" run "$source_dir/scenarios/flood_100yr.json" --ticks 24 --out "$work/flood" --quiet --threads 2 || exit 1
"$hearth" run "$source_dir/scenarios/baseline.json" --ticks 24 --out "$work/base" --quiet --threads 2 || exit 1
"$hearth" report "$work/flood" -o "$work/flood.html" >/dev/null || exit 1
"$hearth" run "$source_dir/scenarios/policy_grants_owners_only.json" --ticks 24 --out "$work/grants" --quiet --threads 2 || exit 1
"$hearth" report "$work/base" "$work/flood" -o "$work/compare.html" >/dev/null || exit 1
# Three runs with long names and events of several runs at one month: the
# legend wraps and the event labels sit in rows below it (issue 21).
"$hearth" report "$work/base" "$work/flood" "$work/grants" -o "$work/three.html" >/dev/null || exit 1

status=0
"$python" "$here/browser_check.py" --screenshot "$work/flood.png" "$work/flood.html" "$work/compare.html" "$work/three.html" || status=1
[[ -n $screenshot && -s "$work/flood.png" ]] && cp "$work/flood.png" "$screenshot"

# The check must be able to fail: a chart without data, an event label on a
# legend and a script error.
cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title></head><body>
<h1>A page with an empty chart</h1>
<svg class="chart" id="empty" role="img" aria-labelledby="empty-t empty-d" viewBox="0 0 100 50">
<title id="empty-t">empty</title><desc id="empty-d">no data</desc><g class="data"></g></svg>
<svg class="chart" id="crowded" role="img" aria-labelledby="crowded-t crowded-d" viewBox="0 0 300 100">
<title id="crowded-t">crowded</title><desc id="crowded-d">an event label on the legend</desc>
<g class="legend" font-size="11"><text x="10" y="12">baseline</text></g>
<g class="events" font-size="10"><text x="20" y="14">flood</text></g>
<path class="data" d="M0 90L300 20" stroke="#000"/></svg>
<script>console.error("broken on purpose");</script></body></html>
HTML
"$python" "$here/browser_check.py" "$work/broken.html" >"$work/broken.log" 2>&1
if [[ $? -ne 1 ]] || ! grep -q "empty: no data drawn" "$work/broken.log" || ! grep -q "console error" "$work/broken.log" ||
   ! grep -q 'crowded: labels overlap: "baseline" and "flood"' "$work/broken.log"; then
  echo "FAIL: the browser check did not catch a broken page:"; cat "$work/broken.log"; status=1
else
  echo "broken page caught: $(grep -c FAIL "$work/broken.log") problems"
fi
exit $status
