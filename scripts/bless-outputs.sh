#!/usr/bin/env bash
# Re-bless the pinned output hashes (tests/run/pinned_outputs.sha256) after a
# deliberate change of the model's behaviour. Builds Release first; the
# commit that changes behaviour says so and carries the new hashes.
# Usage: scripts/bless-outputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
make build >/dev/null
bash tests/run/test_pinned_outputs.sh build/release/hearth "$PWD" --bless
git --no-pager diff --stat -- tests/run/pinned_outputs.sha256 || true
