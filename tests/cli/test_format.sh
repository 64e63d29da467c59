#!/usr/bin/env bash
# clang-format is enforced: every tracked C++ file is formatted as .clang-format
# says (`make format` formats them). Usage: test_format.sh SOURCE_DIR
# Skipped (77) where clang-format is not installed (scripts/install-deps.sh installs it).
set -uo pipefail
cd "$1" || exit 1
command -v clang-format >/dev/null || { echo "format: clang-format not found"; exit 77; }
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null)
[[ -n $files ]] || { echo "format: not a git checkout"; exit 77; }
unformatted=()
for f in $files; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [[ ${#unformatted[@]} -gt 0 ]]; then
  echo "FAIL: not formatted (run make format): ${unformatted[*]}"
  exit 1
fi
echo "format: $(echo "$files" | wc -l) files formatted as .clang-format says"
