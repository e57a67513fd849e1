/**
 * The host's line to one core process: how the supervisor starts, talks to and stops it, whatever the process is.
 * The browser host forks a Node process (this file); Electron main starts a utility process
 * (electron/shell/utility-core-link.ts). Either way the core process runs electron/core/process/core-child.ts.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CoreMessage, HostMessage } from './core-protocol';

export interface CoreLink {
  /** For the IT person's log (and tests that stop the core the hard way). */
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(listener: (message: CoreMessage) => void): void;
  /** The process ended (it is never reused afterwards). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends the process at once (SIGKILL): for a core that does not answer or will not close. */
  kill(): void;
}

export type SpawnCore = () => CoreLink;

/**
 * The core process runs a little below normal CPU priority (nice 5; Windows maps it to its normal class). The host
 * does almost nothing but answer the screen; when both want the CPU at once — a first sync, an index build, a
 * two-core till — the screen's process should get it first, and the core everything that is left, which is nearly
 * all of it.
 */
export const CORE_NICE = 5;

/** Best effort: a system that refuses (or a process already gone) leaves the core at normal priority. */
export function lowerCorePriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, CORE_NICE);
  } catch {
    // Nothing to do: priority is a preference, not a requirement.
  }
}

/** The core entry next to this file: the .ts source under tsx (development, tests), the built .js otherwise. */
function coreEntry(): { file: string; execArgv: string[] } {
  const source = fileURLToPath(new URL('./core-child.ts', import.meta.url));
  if (existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  return { file: fileURLToPath(new URL('./core-child.js', import.meta.url)), execArgv: [] };
}

/** A core in a forked Node process, its stderr (the core's JSON log lines) going where the host's goes. */
export function forkNodeCore(env: NodeJS.ProcessEnv = process.env): CoreLink {
  const entry = coreEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env,
  });
  // A send that fails because the process has just died is answered by its 'exit'.
  child.on('error', () => undefined);
  lowerCorePriority(child.pid);
  return {
    pid: child.pid,
    send(message) {
      if (child.connected) child.send(message, (error) => void error);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as CoreMessage)),
    onExit: (listener) => child.once('exit', listener),
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
