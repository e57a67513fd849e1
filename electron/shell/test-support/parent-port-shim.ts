/**
 * Loaded (--import) into a child started by utility-process-stand-in.ts: gives it a `process.parentPort` shaped
 * like the one Electron gives a utility process, carried over Node's IPC channel. Node's own `process.send` is
 * hidden, so the child can only use the parentPort, as in Electron.
 */
import { EventEmitter } from 'node:events';

const send = process.send!.bind(process);
const parentPort = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
parentPort.postMessage = (message) => {
  if (process.connected) send(message as never);
};
// As in Electron, messages wait in a queue until the child listens for them.
const queued: unknown[] = [];
process.on('message', (data) => {
  if (parentPort.listenerCount('message') > 0) parentPort.emit('message', { data, ports: [] });
  else queued.push(data);
});
parentPort.on('newListener', (event: string) => {
  if (event !== 'message') return;
  setImmediate(() => {
    for (const data of queued.splice(0)) parentPort.emit('message', { data, ports: [] });
  });
});
// Electron ends a utility process with its app; here the app is the test process.
process.once('disconnect', () => process.exit(0));
Object.assign(process, { parentPort, send: undefined });
