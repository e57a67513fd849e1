/**
 * `npm run server`: the embedded sync server for development and demos (express-pouchdb on leveldb, 127.0.0.1
 * only), set up for the store on start. Flags: --port (KASSA_SERVER_PORT, 5985), --data-dir
 * (KASSA_SERVER_DATA_DIR, .kassa/server), --db-prefix (KASSA_DB_PREFIX, kassa_), --memory (nothing on disk),
 * and --terminal T2 [--password …] [--manager] to create terminal accounts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertDbPrefix, DEFAULT_DB_PREFIX } from '../shared/sync/sync-names';
import { adminCredentialsFile, loadOrCreateAdminCredentials } from './admin-credentials';
import { flagValue, terminalFlags, wholeNumberFlag } from './cli-args';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';

export const DEFAULT_SERVER_PORT = 5985;

export interface ServerConfig {
  port: number;
  dataDir: string | null;
  prefix: string;
}

export function resolveServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const port = wholeNumberFlag(flagValue(argv, 'port') ?? env.KASSA_SERVER_PORT, 'The server port', 0, 65535) ?? DEFAULT_SERVER_PORT;
  const dataDir = argv.includes('--memory') ? null : path.resolve(cwd, flagValue(argv, 'data-dir') ?? env.KASSA_SERVER_DATA_DIR ?? '.kassa/server');
  const prefix = flagValue(argv, 'db-prefix') ?? env.KASSA_DB_PREFIX ?? DEFAULT_DB_PREFIX;
  assertDbPrefix(prefix);
  return { port, dataDir, prefix };
}

export async function runServer(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<EmbeddedServer> {
  const config = resolveServerConfig(argv, env, process.cwd());
  const admin = config.dataDir
    ? loadOrCreateAdminCredentials(config.dataDir, env.KASSA_SERVER_ADMIN_PASSWORD)
    : { name: 'admin', password: env.KASSA_SERVER_ADMIN_PASSWORD ?? randomBytes(24).toString('base64url') };
  const server = await startEmbeddedServer({
    port: config.port,
    ...(config.dataDir ? { dataDir: path.join(config.dataDir, 'db') } : {}),
    admin,
    prefix: config.prefix,
    terminals: terminalFlags(argv),
    onError: (message, error) => process.stderr.write(`${JSON.stringify({ level: 'error', scope: 'server', message, error: String(error) })}\n`),
  });
  const where = config.dataDir ? `data in ${config.dataDir}` : 'in memory';
  const adminNote = env.KASSA_SERVER_ADMIN_PASSWORD
    ? 'admin password from KASSA_SERVER_ADMIN_PASSWORD'
    : config.dataDir
      ? `admin account in ${adminCredentialsFile(config.dataDir)}`
      : 'random admin password for this run';
  process.stdout.write(`Kassa sync server: ${server.url} (${where}; ${adminNote})\n`);
  for (const t of server.setup?.terminals ?? []) {
    process.stdout.write(`Terminal account ${t.username} (${t.roles.join(', ')}) ${t.created ? 'created' : 'updated'}\n`);
  }
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // express-pouchdb has left promises unhandled on bad requests before: log them, keep serving the store.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', scope: 'server', message: 'Unhandled rejection', error: String(reason) })}\n`);
  });
  runServer(process.argv.slice(2), process.env).then(
    (server) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void server.close().finally(() => process.exit(0)));
      }
    },
    (error: unknown) => {
      process.stderr.write(`The sync server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
