#!/usr/bin/env bash
# README.md as a tested contract: every ```sh block runs in order, as
# written, in a fresh directory where build/release, scenarios/ and scripts/
# are the build's and the checkout's (tests/cli/readme_commands.py says how blocks,
# sample output, Ctrl-C and viewer lines are treated and how a block is
# marked as skipped). Each example must make what later ones use.
# Usage: test_readme.sh HEARTH SOURCE_DIR 1|WHY_NO_VIEWER
# HEARTH_BENCH_SMOKE=1 cuts the README's benchmarks (millions of households)
# to seconds; the commands themselves are run as the README writes them.
set -uo pipefail
hearth=$1
src=$2
viewer=${3:-"no viewer argument"}
if [[ "$viewer" == "1" && -z "${DISPLAY:-}" ]]; then
  if command -v xvfb-run >/dev/null; then
    # One virtual X server for the viewer's commands (the screenshot line
    # starts its own with xvfb-run -a, as the README says).
    exec xvfb-run -a -s "-screen 0 1400x900x24" bash "$0" "$@"
  fi
  viewer="xvfb-run not found (scripts/install-deps.sh installs xvfb)"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/build"
ln -s "$(cd "$(dirname "$hearth")" && pwd)" "$work/build/release"
ln -s "$src/scenarios" "$work/scenarios"
ln -s "$src/scripts" "$work/scripts"
# Nothing may be written into the checkout (e.g. through scenarios/).
tree_state() { git -C "$src" status --porcelain --untracked-files=all 2>/dev/null; }
before=$(tree_state)
HEARTH_BENCH_SMOKE=1 python3 "$src/tests/cli/readme_commands.py" "$src/README.md" "$work" "$viewer"
rc=$?
if [[ "$(tree_state)" != "$before" ]]; then
  echo "FAIL: the README's commands changed the checkout:"
  diff <(echo "$before") <(tree_state)
  rc=1
fi
exit $rc
