/**
 * The renderer's only door to the till: one `kassa` object with `call` and `subscribe`. Runs sandboxed, so it is
 * bundled into a single file whose one import is `electron`. The IPC event object is never handed to the page:
 * its `sender` is ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PushEventName, PushMessage } from '../shared/api/events';
import { IPC_CALL, IPC_PRINT_RECEIPT, IPC_PUSH, type KassaBridge } from '../shared/api/transport';

type Listener = (payload: unknown) => void;

/** One IPC listener for all subscriptions, so many screens subscribing never pile up listeners on the channel. */
const listeners = new Map<PushEventName, Set<Listener>>();
let subscriptionCount = 0;

function onPush(_event: IpcRendererEvent, message: PushMessage): void {
  const forEvent = listeners.get(message?.event);
  if (!forEvent) return;
  for (const listener of [...forEvent]) {
    try {
      listener(message.payload);
    } catch (error) {
      // One broken screen must not stop the others hearing about the change.
      console.error(`[kassa] a listener for ${message.event} failed`, error);
    }
  }
}

const kassa = {
  call: (name, input) => ipcRenderer.invoke(IPC_CALL, name, input),
  printReceipt: (page) => ipcRenderer.invoke(IPC_PRINT_RECEIPT, page),
  subscribe(event, listener) {
    const forEvent = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, forEvent);
    // Wrapped, so subscribing the same function twice gives two subscriptions, each ended by its own unsubscribe.
    const entry: Listener = (payload) => listener(payload as never);
    forEvent.add(entry);
    if (subscriptionCount++ === 0) ipcRenderer.on(IPC_PUSH, onPush);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      forEvent.delete(entry);
      if (forEvent.size === 0) listeners.delete(event);
      if (--subscriptionCount === 0) ipcRenderer.removeListener(IPC_PUSH, onPush);
    };
  },
} satisfies KassaBridge;

contextBridge.exposeInMainWorld('kassa', kassa);
