/**
 * Electron's way to run the till core: a utility process (Node without a window, started by Chromium's service
 * layer), talking to main over its parentPort, a MessagePort. main.ts passes Electron's `utilityProcess.fork`; the
 * test passes a stand-in, because Electron's binary cannot run where Kassa is built.
 */
import { lowerCorePriority, type CoreLink } from '../core/process/core-link';
import type { CoreMessage, HostMessage } from '../core/process/core-protocol';

/** The part of Electron's UtilityProcess used here. */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkUtility = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; stdio: 'inherit'; env: NodeJS.ProcessEnv },
) => UtilityProcessLike;

/** `entry`: the built core process (dist-electron/core-process.cjs). */
export function utilityCoreLink(forkUtility: ForkUtility, entry: string, env: NodeJS.ProcessEnv = process.env): CoreLink {
  const child = forkUtility(entry, [], { serviceName: 'Kassa till core', stdio: 'inherit', env });
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('spawn', () => lowerCorePriority(child.pid));
  return {
    get pid() {
      return child.pid ?? pid;
    },
    send(message: HostMessage) {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => void child.on('message', (message) => listener(message as CoreMessage)),
    onExit: (listener) => void child.on('exit', (code) => listener(code, null)),
    kill() {
      if (exited) return;
      // UtilityProcess.kill() asks politely (SIGTERM); a core that stopped answering may not listen.
      const target = child.pid;
      if (target === undefined) {
        child.kill();
        return;
      }
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        child.kill();
      }
    },
  };
}
