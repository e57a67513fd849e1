/**
 * Entry of the till core's own process: forked by the browser host (Node IPC) or started by Electron main as a
 * utility process (its parentPort). Everything heavy the till does — SQLite, the catalog index, sync — runs on this
 * process's event loop, never on the one that answers the screen.
 */
import { createLogger } from '../log';
import { createTillCore } from '../till-core';
import type { CoreMessage, HostMessage } from './core-protocol';
import { serveCore, type HostPort } from './core-server';

/** Electron's utility-process port; absent in plain Node. */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The port, and a promise that settles once every message posted so far has left this process. */
function hostPort(): HostPort & { flushed(): Promise<void> } {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: (message: CoreMessage) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as HostMessage)),
      // Electron ends a utility process together with the app that started it.
      onGone: () => undefined,
      // postMessage only queues: give the queue a moment before the process ends.
      flushed: () => new Promise((resolve) => setTimeout(resolve, 50)),
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    let sent: Promise<void> = Promise.resolve();
    return {
      post: (message: CoreMessage) => {
        // A host that has gone cannot be told anything more: its 'disconnect' closes the core.
        if (!process.connected) return;
        sent = new Promise((resolve) => send(message, undefined, undefined, () => resolve()));
      },
      flushed: () => sent,
      onMessage: (listener) => process.on('message', (message) => listener(message as HostMessage)),
      onGone: (listener) => process.once('disconnect', listener),
    };
  }
  throw new Error('The till core must be started by its host (Kassa or the browser host), not on its own.');
}

const log = createLogger('core-process');
// A failure nobody caught ends this process; the host starts a new one, which repairs what was left half done.
process.on('uncaughtException', (error) => {
  log.error('The till core failed; its host restarts it', { error });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  log.error('The till core failed; its host restarts it', { error });
  process.exit(70);
});

const port = hostPort();
serveCore({
  port,
  createCore: createTillCore,
  log,
  // A last message (closed, startFailed) leaves before the process ends.
  exit: (code) => void port.flushed().then(() => process.exit(code)),
});
