#!/usr/bin/env bash
# Installs the Debian 12 packages Hearth needs, skipping those already there.
# Idempotent: a second run installs nothing. Needs root or sudo for installs.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  # clang-format: the format test enforces the tree's style (make format)
  clang-format
  libtbb-dev libeigen3-dev nlohmann-json3-dev catch2
  libcli11-dev libvalijson-dev librandom123-dev
  # Open MPI: `hearth sweep run --mpi` (optional at build time; the sweep test uses it)
  libopenmpi-dev openmpi-bin
  # Headless Chromium and its DevTools client: the report page test (tests/report)
  chromium python3-websocket
)
# The SFML viewer and its screenshot test (docs/VIEWER.md): SFML, a virtual X
# server, Mesa's software OpenGL and a font. On by default so that CI builds
# and tests the viewer; HEARTH_WITH_VIEWER=0 leaves them out (without SFML
# the viewer is not built, `hearth view` says how to enable it and the viewer
# test is skipped).
if [[ "${HEARTH_WITH_VIEWER:-1}" != "0" ]]; then
  packages+=(libsfml-dev xvfb xauth fonts-dejavu-core libgl1-mesa-dri libglx-mesa0)
fi
if [[ "${HEARTH_WITH_FUZZ:-0}" == "1" ]]; then packages+=(clang libclang-rt-14-dev libfuzzer-14-dev); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo_cmd=(sudo); else
    echo "deps: missing ${missing[*]} and not root (no sudo): install them as root" >&2
    exit 1
  fi
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
