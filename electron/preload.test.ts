/**
 * The preload against a fake `electron` module. Faking Electron is deliberate: its binary cannot be downloaded on
 * this machine, and outside an Electron process `import 'electron'` only yields the binary's path. What is tested
 * here is the preload's own contract: what it exposes and how it maps onto the two IPC channels.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../shared/api/events';
import { IPC_CALL, IPC_PRINT_RECEIPT, IPC_PUSH, type KassaBridge } from '../shared/api/transport';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: null as unknown as import('node:events').EventEmitter & { invoke: ReturnType<typeof vi.fn> },
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (fake.exposed.has(key)) throw new Error(`${key} exposed twice`);
      fake.exposed.set(key, api);
    },
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
}));

async function loadPreload(): Promise<KassaBridge> {
  vi.resetModules();
  fake.exposed.clear();
  fake.ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' })),
    send: vi.fn(),
    sendSync: vi.fn(),
  });
  await import('./preload');
  return fake.exposed.get('kassa') as KassaBridge;
}

/** What the main process does: `webContents.send(IPC_PUSH, message)` arrives with an event whose sender is ipcRenderer. */
function push(message: PushMessage): void {
  fake.ipcRenderer.emit(IPC_PUSH, { sender: fake.ipcRenderer, ports: [] }, message);
}

const catalogChanged: PushMessage<'catalog.changed'> = { event: 'catalog.changed', payload: { products: 3, categories: 1 } };
const loggedOut: PushMessage<'session.changed'> = { event: 'session.changed', payload: null };

describe('preload', () => {
  let kassa: KassaBridge;
  beforeEach(async () => {
    kassa = await loadPreload();
  });

  it('exposes exactly one object, kassa, with call, subscribe and printReceipt', () => {
    expect([...fake.exposed.keys()]).toEqual(['kassa']);
    expect(Object.keys(kassa).sort()).toEqual(['call', 'printReceipt', 'subscribe']);
    expect(typeof kassa.call).toBe('function');
    expect(typeof kassa.subscribe).toBe('function');
  });

  it('never leaks ipcRenderer or its methods', () => {
    const reachable = new Set<unknown>();
    const walk = (value: unknown) => {
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null || reachable.has(value)) return;
      reachable.add(value);
      for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key]);
    };
    walk(kassa);
    const ipc = fake.ipcRenderer as unknown as Record<string, unknown>;
    for (const forbidden of [ipc, ipc.invoke, ipc.on, ipc.send, ipc.sendSync, ipc.emit]) {
      expect(reachable.has(forbidden)).toBe(false);
    }
  });

  it('asks main to print a receipt over IPC_PRINT_RECEIPT with the page length only', async () => {
    const result = await kassa.printReceipt!({ lengthMm: 142 });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_PRINT_RECEIPT, { lengthMm: 142 });
    expect(result).toEqual({ ok: true, value: 'answer' });
  });

  it('sends calls over IPC_CALL with the name and input', async () => {
    const result = await kassa.call('auth.login', { username: 'anna', secret: '1234' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CALL, 'auth.login', { username: 'anna', secret: '1234' });
    expect(result).toEqual({ ok: true, value: 'answer' });
  });

  it('delivers only the subscribed event, and only its payload', () => {
    const received: unknown[][] = [];
    kassa.subscribe('catalog.changed', (...args: unknown[]) => received.push(args));
    push(loggedOut);
    push(catalogChanged);
    expect(received).toEqual([[{ products: 3, categories: 1 }]]);
  });

  it('stops delivering after unsubscribe, and removes its IPC listener when nobody listens', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = kassa.subscribe('catalog.changed', first);
    const stopSecond = kassa.subscribe('session.changed', second);
    expect(fake.ipcRenderer.listenerCount(IPC_PUSH)).toBe(1);
    stopFirst();
    stopFirst();
    push(catalogChanged);
    push(loggedOut);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith(null);
    stopSecond();
    expect(fake.ipcRenderer.listenerCount(IPC_PUSH)).toBe(0);
  });

  it('treats two subscriptions of one function as two', () => {
    const listener = vi.fn();
    const stopA = kassa.subscribe('catalog.changed', listener);
    kassa.subscribe('catalog.changed', listener);
    push(catalogChanged);
    expect(listener).toHaveBeenCalledTimes(2);
    stopA();
    push(catalogChanged);
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps notifying the other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    kassa.subscribe('catalog.changed', () => {
      throw new Error('broken screen');
    });
    kassa.subscribe('catalog.changed', after);
    push(catalogChanged);
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('ignores malformed pushes', () => {
    const listener = vi.fn();
    kassa.subscribe('catalog.changed', listener);
    fake.ipcRenderer.emit(IPC_PUSH, {}, undefined);
    fake.ipcRenderer.emit(IPC_PUSH, {}, { event: 'nope', payload: 1 });
    expect(listener).not.toHaveBeenCalled();
  });
});
