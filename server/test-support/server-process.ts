/**
 * Test helper: `npm run server` as a child process on a leveldb data directory, so a test can kill it hard
 * (SIGKILL, as a power cut would) and start it again on the same data and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DB_PREFIX } from '../../shared/sync/sync-names';

const RUN_SERVER = fileURLToPath(new URL('../run-server.ts', import.meta.url));

export interface ServerProcessOptions {
  dataDir: string;
  port: number;
  adminPassword: string;
  /** The store's database prefix; passed on the command line, so a KASSA_DB_PREFIX in the environment cannot change it. */
  prefix?: string;
  /** e.g. ['--terminal', 'T1', '--password', 'x', '--manager'] */
  extraArgs?: string[];
}

export interface ServerProcess {
  url: string;
  adminUrl: string;
  /** The prefix the server was set up with: build database and account names from it. */
  prefix: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const prefix = options.prefix ?? DEFAULT_DB_PREFIX;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', RUN_SERVER, '--port', String(options.port), '--data-dir', options.dataDir, '--db-prefix', prefix, ...(options.extraArgs ?? [])],
    { env: { ...process.env, KASSA_SERVER_ADMIN_PASSWORD: options.adminPassword }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // A deadline on a wait for the server's "listening" line, not a sleep.
    const timer = setTimeout(() => reject(new Error(`The server did not start in time:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Kassa sync server:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it listened:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${options.port}/`,
    adminUrl: `http://admin:${encodeURIComponent(options.adminPassword)}@127.0.0.1:${options.port}/`,
    prefix,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
