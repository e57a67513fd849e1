#!/usr/bin/env bash
# `npm run test:couchdb`: every vitest file that uses a sync backend, run against Apache CouchDB instead of the
# embedded server (`npm test` keeps the embedded one). The files are found by what they contain, so a test added
# later is included: a test file that mentions startSyncBackend or KASSA_TEST_COUCH_URL, or imports a helper that
# does.
#
# The server: KASSA_TEST_COUCH_URL if set (any CouchDB 3.x; an admin URL, e.g. http://admin:pw@host:5984/).
# Otherwise a CouchDB started here, fresh each run (a temporary data folder, a port of its own, never 5984) and
# stopped on exit, from the first folder holding couchdb-start and couchdb-stop of:
#   $KASSA_COUCHDB_DIR; shared/couchdb in a parent folder of this checkout; /work/shared/couchdb.
# `--list-files` prints the files and stops; other arguments go to vitest (e.g. `-t <name>`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '%s\n' "$*" >&2; }
# shellcheck source=scripts/test-files.sh
. scripts/test-files.sh

# --- which test files use a sync backend ---------------------------------------------------------------------
pattern='startSyncBackend|KASSA_TEST_COUCH_URL'

select_files() {
  local tests helpers helper name
  tests=$(files_matching "$pattern" '*.test.ts' '*.test.tsx')
  # Helpers that start a backend (the sync harness, and any written later): the tests that import them count too.
  helpers=$(files_matching "$pattern" '*.ts' | grep -vE '\.test\.tsx?$|^bench/|^scripts/' || true)
  for helper in $helpers; do
    name=$(basename "$helper" .ts)
    tests+=$'\n'$(files_matching "/${name}['\"]" '*.test.ts' '*.test.tsx')
  done
  printf '%s\n' "$tests" | grep -v '^$' | sort -u
}

mapfile -t files < <(select_files)
if [ "${#files[@]}" -eq 0 ]; then
  say "test:couchdb: no test file uses a sync backend (looked for $pattern); nothing to run."
  exit 1
fi
if [ "${1:-}" = --list-files ]; then
  printf '%s\n' "${files[@]}"
  exit 0
fi
say "test:couchdb: ${#files[@]} test files use a sync backend:"
printf '  %s\n' "${files[@]}" >&2

# --- the server -------------------------------------------------------------------------------------------------
find_couchdb() {
  local dir
  if [ -n "${KASSA_COUCHDB_DIR:-}" ]; then
    if [ -x "$KASSA_COUCHDB_DIR/couchdb-start" ] && [ -x "$KASSA_COUCHDB_DIR/couchdb-stop" ]; then echo "$KASSA_COUCHDB_DIR"; return 0; fi
    say "test:couchdb: KASSA_COUCHDB_DIR=$KASSA_COUCHDB_DIR holds no executable couchdb-start and couchdb-stop."
    return 1
  fi
  dir=$(dirname "$root")
  while :; do
    if [ -x "$dir/shared/couchdb/couchdb-start" ] && [ -x "$dir/shared/couchdb/couchdb-stop" ]; then echo "$dir/shared/couchdb"; return 0; fi
    [ "$dir" = / ] && break
    dir=$(dirname "$dir")
  done
  if [ -x /work/shared/couchdb/couchdb-start ] && [ -x /work/shared/couchdb/couchdb-stop ]; then echo /work/shared/couchdb; return 0; fi
  say "test:couchdb: no Apache CouchDB found. Looked for couchdb-start and couchdb-stop in \$KASSA_COUCHDB_DIR (unset),"
  say "  in shared/couchdb of every parent folder of $root, and in /work/shared/couchdb."
  say "  Set KASSA_COUCHDB_DIR to a folder with those scripts, or KASSA_TEST_COUCH_URL to a running CouchDB's admin URL."
  return 1
}

# A port for the node: KASSA_TEST_COUCH_PORT, else the first free one of 5990–5999 (5984 is a developer's CouchDB).
free_port() {
  node -e '
    const net = require("node:net");
    const wanted = process.argv[1] ? [Number(process.argv[1])] : [5990, 5991, 5992, 5993, 5994, 5995, 5996, 5997, 5998, 5999];
    const free = (port) => new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    (async () => {
      for (const port of wanted) if (await free(port)) return console.log(port);
      console.error("test:couchdb: no free port among " + wanted.join(", "));
      process.exit(1);
    })();
  ' "${KASSA_TEST_COUCH_PORT:-}"
}

couch_url=${KASSA_TEST_COUCH_URL:-}
if [ -n "$couch_url" ]; then
  say "test:couchdb: against KASSA_TEST_COUCH_URL (${couch_url%%://*}://…@${couch_url#*@})"
else
  couchdb=$(find_couchdb)
  port=$(free_port)
  data=$(mktemp -d "${TMPDIR:-/tmp}/kassa-couchdb.XXXXXX")
  stop_couchdb() {
    "$couchdb/couchdb-stop" --dir "$data" >/dev/null 2>&1 || say "test:couchdb: could not stop the CouchDB in $data"
    rm -rf "$data"
  }
  trap stop_couchdb EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  started=$SECONDS
  couch_url=$("$couchdb/couchdb-start" --port "$port" --dir "$data" --admin "admin:$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')")
  say "test:couchdb: Apache CouchDB from $couchdb on 127.0.0.1:$port (data in $data), up in $((SECONDS - started)) s"
fi

KASSA_TEST_COUCH_URL=$couch_url KASSA_LOG_LEVEL=${KASSA_LOG_LEVEL:-error} npx vitest run "${files[@]}" "$@"
