#!/usr/bin/env bash
# Usage: scripts/reset-stale-cmake-cache.sh BUILD_DIR SOURCE_DIR
# A build directory copied or moved with its checkout keeps a CMakeCache.txt
# that names the old source and build paths, and CMake then refuses to
# configure ("does not match the source ... used to generate cache"). When
# BUILD_DIR/CMakeCache.txt names another source directory (or was made in
# another build directory), this removes the cache and CMakeFiles/ so that the
# next `cmake --preset` configures afresh; compiled objects stay and ccache
# keeps rebuilds cheap. Says so in one line; silent otherwise. `make build`
# (and so `make demo` and `make test`) runs it before `cmake --preset`.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build_dir=$1
source_dir=$2
cache=$build_dir/CMakeCache.txt
[[ -f $cache ]] || exit 0

# The value of a cache entry NAME:TYPE=VALUE, or nothing.
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -n 1; }
# Paths compared physically, so that a symlinked path to the same directory
# still matches (realpath -m: the recorded path may no longer exist).
same_path() { [[ "$(realpath -m -- "$1")" == "$(realpath -m -- "$2")" ]]; }

recorded_source=$(cache_value CMAKE_HOME_DIRECTORY)
recorded_build=$(cache_value CMAKE_CACHEFILE_DIR)
stale=""
if [[ -n $recorded_source ]] && ! same_path "$recorded_source" "$source_dir"; then
  stale="it names the source directory $recorded_source, not $(realpath -m -- "$source_dir")"
elif [[ -n $recorded_build ]] && ! same_path "$recorded_build" "$build_dir"; then
  stale="it was made in $recorded_build"
fi
if [[ -n $stale ]]; then
  echo "$cache is stale ($stale): removing it and $build_dir/CMakeFiles to reconfigure"
  rm -rf -- "$cache" "$build_dir/CMakeFiles"
fi
