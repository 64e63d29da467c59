#!/usr/bin/env bash
# The include rule between phases and policies (docs/ARCHITECTURE.md, "Typed
# policies and active rules"): no file in sim/src/phases/ includes a policy
# header (phases read what programmes set from ActiveRules in the phase
# context), and no file in sim/src/policy/ includes a phase's internals (only
# phases/phases.hpp, the phase interface: PhaseContext and the phase list).
# The shared modules the two use (housing/, rules/, state/) include neither.
# Usage: test_includes.sh SOURCE_DIR
set -uo pipefail
source_dir=$1
hearth=true  # shell_assert wants it; this test runs no binary
source "$source_dir/tests/support/shell_assert.sh"
trap 'rm -rf "$work"' EXIT

# Prints every include that breaks the rule in the tree under $1 (sim/src).
violations() {
  local src=$1
  # Phases: no policy header.
  grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"policy/' "$src/phases"
  # Policies and the shared modules: no phase header but the interface.
  local dir
  for dir in policy housing rules state; do
    [[ -d $src/$dir ]] || continue
    grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"phases/' "$src/$dir" |
      grep -vE '"phases/phases\.hpp"'
  done
  # The shared modules: no policy header either.
  for dir in housing rules state; do
    [[ -d $src/$dir ]] || continue
    grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"policy/' "$src/$dir"
  done
  return 0
}

violations "$source_dir/sim/src" >"$work/found"
if [[ -s $work/found ]]; then
  echo "FAIL: includes across the phases/policy line (see docs/ARCHITECTURE.md):"
  cat "$work/found"
  failures=$((failures + 1))
else
  passes=$((passes + 1))
fi

# The check itself must see a violation when there is one, and only then.
probe=$work/probe
mkdir -p "$probe/phases" "$probe/policy" "$probe/housing"
printf '#include "phases/phases.hpp"\n#include "housing/market_model.hpp"\n' >"$probe/policy/ok.cpp"
printf '#include "rules/active_rules.hpp"\n' >"$probe/phases/ok.cpp"
violations "$probe" >"$work/probe_found"
check "the interface and the shared modules are allowed" test ! -s "$work/probe_found"
printf '#include "policy/housing_levers.hpp"\n' >"$probe/phases/bad.cpp"
printf '#include "phases/market.hpp"\n' >"$probe/policy/bad.cpp"
printf '#  include "policy/policies.hpp"\n' >"$probe/housing/bad.hpp"
violations "$probe" >"$work/probe_found"
check "a phase including a policy, a policy including a phase internal and a shared module \
including a policy are all found" test "$(wc -l <"$work/probe_found")" -eq 3
finish includes "phases include no policy code, policies no phase internals"
