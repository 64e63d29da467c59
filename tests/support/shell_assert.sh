# Sourced by the shell tests (tests/*/test_*.sh): a scratch directory and
# assertions that count passes and failures. Set `hearth` (the binary) first.
# After sourcing: $work (removed by the caller's trap), check, expect_exit,
# finish. expect_exit looks for its pattern in stderr; set
# expect_in_stdout=1 to look in stdout as well.
work=$(mktemp -d)
failures=0
passes=0
expect_in_stdout=0

# For tests that start hearth in the background: put each pid into
# `background`, then `trap kill_background_and_clean EXIT` kills any still
# running and removes $work.
background=()
kill_background_and_clean() {
  for pid in "${background[@]}"; do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$work"
}

check() {  # check DESCRIPTION COMMAND...: the command must succeed
  local description=$1
  shift
  if "$@"; then passes=$((passes + 1)); else
    echo "FAIL: $description"
    failures=$((failures + 1))
  fi
}

expect_exit() {  # expect_exit CODE PATTERN ARGS...: hearth's exit code and a message pattern
  local code=$1 pattern=$2
  shift 2
  "$hearth" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  local streams=("$work/err")
  [[ $expect_in_stdout -eq 1 ]] && streams=("$work/out" "$work/err")
  if [[ $got -ne $code ]]; then
    echo "FAIL: hearth $* exited $got, expected $code"
    cat "${streams[@]}"
    failures=$((failures + 1))
    return
  fi
  if [[ -n $pattern ]] && ! grep -qE -- "$pattern" "${streams[@]}"; then
    echo "FAIL: hearth $*: output lacks /$pattern/:"
    cat "${streams[@]}"
    failures=$((failures + 1))
    return
  fi
  passes=$((passes + 1))
}

finish() {  # finish NAME [DETAIL]: prints the counts; succeeds when nothing failed
  echo "$1: $passes passed, $failures failed${2:+ ($2)}"
  [[ $failures -eq 0 ]]
}
