/**
 * `npm run server:setup -- --url http://admin:password@host:5984/ [--db-prefix kassa_] [--shards 8 --replicas 3]
 *  [--terminal T2 [--password …] [--manager]]…`
 * Prepares a CouchDB for a store (see setup-backend.ts). The admin URL may also come from KASSA_COUCH_ADMIN_URL,
 * which keeps the password out of the shell history. A terminal without --password gets a random one, printed
 * once here for the pairing screen.
 */
import { redactUrl } from '../shared/sync/couch-url';
import { assertDbPrefix, DEFAULT_DB_PREFIX } from '../shared/sync/sync-names';
import { flagValue, terminalFlags, wholeNumberFlag } from './cli-args';
import { setupBackend } from './setup-backend';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const adminUrl = flagValue(argv, 'url') ?? process.env.KASSA_COUCH_ADMIN_URL;
  if (!adminUrl) throw new Error('Give the server: --url http://admin:password@host:5984/ (or KASSA_COUCH_ADMIN_URL)');
  const prefix = flagValue(argv, 'db-prefix') ?? process.env.KASSA_DB_PREFIX ?? DEFAULT_DB_PREFIX;
  assertDbPrefix(prefix);
  const shards = wholeNumberFlag(flagValue(argv, 'shards'), '--shards (q)', 1, 256);
  const replicas = wholeNumberFlag(flagValue(argv, 'replicas'), '--replicas (n)', 1, 16);
  const terminals = terminalFlags(argv);
  const givenPassword = new Set(terminals.filter((t) => t.password !== undefined).map((t) => t.terminalId));
  const report = await setupBackend({
    adminUrl,
    prefix,
    ...(shards ? { shards } : {}),
    ...(replicas ? { replicas } : {}),
    terminals,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  for (const db of report.createdDatabases) process.stdout.write(`  created ${db}\n`);
  for (const db of report.updatedSecurity) process.stdout.write(`  _security of ${db} updated\n`);
  for (const db of report.updatedDesignDocs) process.stdout.write(`  validation rules of ${db} updated\n`);
  for (const t of report.terminals) {
    const given = givenPassword.has(t.terminalId);
    process.stdout.write(`  account ${t.username} (${t.roles.join(', ')}) ${t.created ? 'created' : 'updated'}`);
    process.stdout.write(given ? '\n' : `, password: ${t.password}  (shown once: enter it on the terminal's pairing screen)\n`);
  }
  process.stdout.write(`Terminals connect to ${redactUrl(adminUrl).replace(/\/\/\*\*\*@/, '//')} with their own account.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Set-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
