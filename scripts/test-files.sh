# Sourced by the test scripts: test files chosen by what they contain, so a test added later is included.

# files_matching REGEX GLOB...: files of this checkout (node_modules left out) named like a GLOB whose text matches
# the extended REGEX; one per line. Run from the checkout's root.
files_matching() {
  local regex=$1; shift
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # --untracked: a test file written but not yet committed counts too.
    git grep -lE --untracked "$regex" -- "$@" ':!node_modules' ':!**/node_modules/**' || true
  else
    local includes=() glob
    for glob in "$@"; do includes+=("--include=${glob##*/}"); done
    grep -rlE "${includes[@]}" --exclude-dir=node_modules --exclude-dir=.git "$regex" . | sed 's|^\./||' || true
  fi
}
