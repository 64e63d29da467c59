#!/usr/bin/env bash
# `cmake --install` (what `make install PREFIX=...` runs) into a scratch
# prefix gives a hearth that runs from there, away from the build tree.
# Usage: test_install.sh CMAKE BUILD_DIR SOURCE_DIR
set -uo pipefail
cmake_command=$1
build_dir=$2
source_dir=$3
hearth=unused  # shell_assert.sh wants it; the installed binary is tested below
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

check "cmake --install into a prefix" "$cmake_command" --install "$build_dir" --prefix "$work/prefix"
installed=$work/prefix/bin/hearth
check "hearth is installed in PREFIX/bin" test -x "$installed"
version=$(cd / && "$installed" --version 2>&1)
check "the installed hearth runs: $version" grep -qE "^hearth [0-9]+\.[0-9]+\.[0-9]+$" <<<"$version"
# The schema is compiled in: validating needs nothing from the source tree.
cp "$source_dir/scenarios/baseline.json" "$work/baseline.json"
check "the installed hearth validates a scenario" \
  bash -c "cd '$work' && '$installed' validate baseline.json >/dev/null"
# PRESET is named: under `make asan` the sanitizer preset reaches this make
# through MAKEFLAGS (the CI's ASan run failed here before it was).
check "make install runs cmake --install with PREFIX" \
  bash -c "make -s -n -C '$source_dir' install PRESET=release PREFIX=/opt/x | grep -q -- 'cmake --install build/release --prefix /opt/x'"
finish "install tests"
