#!/usr/bin/env bash
# The tenancy seam (docs/ARCHITECTURE.md): the household-dwelling links and
# rents are written only in sim/src/state/tenancy.cpp and
# sim/src/state/rents.cpp. Any other assignment to these columns is a move or
# a rent that bypasses the seam. Usage: test_seams.sh SOURCE_DIR
set -uo pipefail
source_dir=$1
hearth=true  # shell_assert wants it; this test runs no binary
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

columns='(\.dwelling|occupant|\bhost|origin_dwelling|owner_household|rent_per_month)'
# An element of one of the columns on the left of =, +=, -= ... (not ==).
pattern="${columns}\[[^]]*\] *[-+*/]?=([^=]|$)"
grep -rnE "$pattern" "$source_dir/sim/src" \
  | grep -v -e "sim/src/state/tenancy.cpp:" -e "sim/src/state/rents.cpp:" >"$work/bypass"
if [[ -s $work/bypass ]]; then
  echo "FAIL: links or rents written outside state/tenancy.cpp and state/rents.cpp:"
  cat "$work/bypass"
  failures=$((failures + 1))
else
  passes=$((passes + 1))
fi
# The check itself must see an assignment when there is one.
printf 'x.occupant[d] = h;\n' >"$work/probe.cpp"
check "the pattern finds a bypass" grep -qE "$pattern" "$work/probe.cpp"
printf 'if (dw.occupant[d] == h) {}\n' >"$work/probe.cpp"
check "the pattern ignores a comparison" bash -c "! grep -qE '$pattern' '$work/probe.cpp'"
finish seams "links and rents written only through the tenancy and rents modules"
