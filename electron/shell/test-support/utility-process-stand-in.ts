/**
 * A STAND-IN FOR ELECTRON'S utilityProcess, which cannot run here (Electron's binary cannot be downloaded where
 * Kassa is built). `forkUtilityStandIn` starts a Node child whose `process.parentPort` behaves like Electron's (an
 * emitter of `{ data }` message events with `postMessage`), so the core process's Electron branch runs for real.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ForkUtility, UtilityProcessLike } from '../utility-core-link';

const SHIM = fileURLToPath(new URL('./parent-port-shim.ts', import.meta.url));

class UtilityStandIn implements UtilityProcessLike {
  constructor(private readonly child: ChildProcess) {}
  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }
  on(event: 'spawn' | 'message' | 'exit', listener: (arg: never) => void): this {
    if (event === 'exit') this.child.on('exit', (code) => (listener as (code: number) => void)(code ?? 1));
    else this.child.on(event, listener as () => void);
    return this;
  }
  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

export const forkUtilityStandIn: ForkUtility = (modulePath, args, options) =>
  new UtilityStandIn(
    fork(modulePath, args, {
      execArgv: ['--import', 'tsx', '--import', SHIM],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: options.env,
    }),
  );
