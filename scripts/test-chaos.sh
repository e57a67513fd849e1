#!/usr/bin/env bash
# `npm run test:chaos`: the SIGKILL suites at their full size (KASSA_CHAOS=full: more kills, a larger time budget,
# every kill required). `npm test` runs the same files at their quick size. The files are those that plan their
# kills with electron/core/test-support/chaos-budget.ts, so a suite added later is included. Extra arguments go to
# vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-files.sh
. scripts/test-files.sh
mapfile -t files < <(files_matching "/chaos-budget['\"]" '*.test.ts' '*.test.tsx' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "test:chaos: no test file imports chaos-budget; nothing to run." >&2
  exit 1
fi
printf 'test:chaos: %s\n' "${files[@]}" >&2
KASSA_CHAOS=full KASSA_LOG_LEVEL=${KASSA_LOG_LEVEL:-error} npx vitest run "${files[@]}" "$@"
