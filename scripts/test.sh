#!/usr/bin/env bash
# `npm test`: every test of the project, each step starting the services it needs itself.
#   1. type-check  2. unit + integration tests (vitest: real SQLite files, child processes)
#   3. build the renderer  4. find or install Chromium  5. Playwright e2e against browser-host tills.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp/reports

step() { printf '\n== %s ==\n' "$*"; }

step "Type-check"
npx tsc --noEmit -p tsconfig.json

step "Unit and integration tests"
KASSA_LOG_LEVEL=${KASSA_LOG_LEVEL:-error} npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/reports/unit.json

step "Build the renderer"
npx vite build --logLevel warn

step "Browser for e2e"
npx tsx scripts/ensure-chromium.ts

step "End-to-end tests (Chromium)"
rm -rf .tmp/e2e
npx playwright test
rm -rf .tmp/e2e

npx tsx scripts/test-summary.ts .tmp/reports/unit.json .tmp/reports/e2e.json
