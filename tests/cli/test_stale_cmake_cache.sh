#!/usr/bin/env bash
# `make build` (so `make demo` and `make test`) in a checkout copied with its
# build/ directory: scripts/reset-stale-cmake-cache.sh must remove a CMake
# cache that names another source or build directory, and only such a cache.
# Usage: test_stale_cmake_cache.sh SOURCE_DIR
set -uo pipefail
src=$1
hearth=unused
source "$src/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT
reset="bash $src/scripts/reset-stale-cmake-cache.sh"

# A build directory as CMake leaves it, made for SOURCE from BUILD.
fake_build() {  # fake_build DIR RECORDED_SOURCE RECORDED_BUILD
  mkdir -p "$1/CMakeFiles/3.25.1" "$1/sim"
  printf 'CMAKE_CACHEFILE_DIR:INTERNAL=%s\nCMAKE_HOME_DIRECTORY:INTERNAL=%s\n' "$3" "$2" \
    >"$1/CMakeCache.txt"
  echo object >"$1/sim/kept.o"
}

# No build directory yet: nothing to do, nothing said.
check "no cache: silent success" test -z "$($reset "$work/none/build/release" "$work/none")"

# The checkout where the cache was made (also through a symlink): kept.
mkdir -p "$work/here"
fake_build "$work/here/build/release" "$work/here" "$work/here/build/release"
ln -s "$work/here" "$work/link"
check "own cache: silent" test -z "$($reset "$work/link/build/release" "$work/link")"
check "own cache: kept" test -f "$work/here/build/release/CMakeCache.txt"

# A copy of that checkout: its cache names the original's paths.
cp -a "$work/here" "$work/copy"
said=$($reset "$work/copy/build/release" "$work/copy")
check "copied cache: one line naming the old source" \
  grep -q "stale (it names the source directory $work/here" <<<"$said"
check "copied cache: removed" test ! -e "$work/copy/build/release/CMakeCache.txt"
check "copied cache: CMakeFiles removed" test ! -e "$work/copy/build/release/CMakeFiles"
check "copied cache: compiled objects kept" test -f "$work/copy/build/release/sim/kept.o"
check "copied cache: the original untouched" test -f "$work/here/build/release/CMakeCache.txt"

# The original moved away: the source still matches by name, the build dir not.
fake_build "$work/moved/build/release" "$work/moved" "$work/gone/build/release"
check "cache made in another build dir: removed" \
  grep -q "made in $work/gone/build/release" <<<"$($reset "$work/moved/build/release" "$work/moved")"
check "cache made in another build dir: gone" test ! -e "$work/moved/build/release/CMakeCache.txt"

# The Makefile runs the check before configuring.
plan=$(make -n -C "$src" build PRESET=release 2>&1)
check "make build resets a stale cache before cmake --preset" python3 - "$plan" <<'PY'
import sys
lines = sys.argv[1].splitlines()
reset = [i for i, l in enumerate(lines) if "reset-stale-cmake-cache.sh build/release" in l]
preset = [i for i, l in enumerate(lines) if "cmake --preset release" in l]
sys.exit(0 if reset and preset and reset[0] < preset[0] else 1)
PY
finish stale_cmake_cache
