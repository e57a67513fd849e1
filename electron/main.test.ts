/**
 * main.ts's wiring, against a fake `electron` module and a fake core. Faking Electron is deliberate: its binary
 * cannot be downloaded on this machine, so this is the only way the entry point runs here. The decisions it
 * wires (origins, paths, CSP, the relay, the core's utility process and its supervisor) have their own tests in
 * electron/shell/ and electron/core/process/.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../shared/api/events';
import { IPC_CALL, IPC_PRINT_RECEIPT, IPC_PUSH } from '../shared/api/transport';
import type { PushTarget } from './core/api/till-core-types';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({ electron: {} as Record<string, unknown>, startSupervisedCore: null as unknown as Handler }));

vi.mock('electron', () => ({
  get app() {
    return fake.electron.app;
  },
  get BrowserWindow() {
    return fake.electron.BrowserWindow;
  },
  get dialog() {
    return fake.electron.dialog;
  },
  get ipcMain() {
    return fake.electron.ipcMain;
  },
  get Menu() {
    return fake.electron.Menu;
  },
  get protocol() {
    return fake.electron.protocol;
  },
  get safeStorage() {
    return fake.electron.safeStorage;
  },
  get screen() {
    return fake.electron.screen;
  },
  get session() {
    return fake.electron.session;
  },
  get utilityProcess() {
    return fake.electron.utilityProcess;
  },
  get webContents() {
    return fake.electron.webContents;
  },
}));
vi.mock('./core/process/core-supervisor', () => ({ startSupervisedCore: (...args: unknown[]) => fake.startSupervisedCore(...args) }));
vi.mock('./core/log', () => ({
  createLogger: () => ({ debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }),
}));

class FakeWebContents extends EventEmitter {
  url = '';
  sent: unknown[][] = [];
  openHandler: ((details: { url: string }) => unknown) | null = null;
  printed: unknown[] = [];
  print(options: unknown, callback: (success: boolean, failureReason: string) => void) {
    this.printed.push(options);
    callback(true, '');
  }
  constructor(readonly id: number) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.openHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

interface FakeDisplay {
  id: number;
  workArea: { x: number; y: number; width: number; height: number };
}
const tillScreen: FakeDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const customerScreen: FakeDisplay = { id: 2, workArea: { x: 1920, y: 0, width: 1024, height: 600 } };

function setUp(options: { lock?: boolean; coreFails?: boolean; displays?: FakeDisplay[] } = {}) {
  const log: string[] = [];
  const windows: FakeWindow[] = [];
  let nextId = 1;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: () => '/tmp/kassa-user-data',
    getAppPath: () => '/opt/kassa',
    enableSandbox: () => log.push('enableSandbox'),
    requestSingleInstanceLock: () => options.lock ?? true,
    whenReady: () => ready,
    quit: vi.fn(() => log.push('quit')),
    exit: vi.fn((code: number) => log.push(`exit ${code}`)),
  });
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(nextId++);
    focus = vi.fn();
    show = vi.fn();
    showInactive = vi.fn();
    restore = vi.fn();
    close = vi.fn(() => {
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
    });
    constructor(readonly options: { webPreferences: Record<string, unknown>; [key: string]: unknown }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return true;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const handlers: Record<string, Handler> = {};
  const permissionHandlers: Handler[] = [];
  const displays = options.displays ?? [tillScreen];
  const screen = Object.assign(new EventEmitter(), {
    getPrimaryDisplay: () => displays[0],
    getAllDisplays: () => displays,
  });
  fake.electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (_title: string, message: string) => log.push(`errorBox ${message}`) },
    ipcMain: { handle: (channel: string, handler: Handler) => (handlers[channel] = handler) },
    Menu: { setApplicationMenu: () => {} },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    screen,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => log.push(`privileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: Handler) => (handlers[`protocol:${scheme}`] = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => permissionHandlers.push(handler),
        setPermissionCheckHandler: (handler: Handler) => permissionHandlers.push(handler),
        webRequest: { onBeforeRequest: () => {} },
      },
    },
    webContents: { fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents },
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[], forkOptions: { serviceName: string }) => {
        log.push(`fork ${modulePath} ${JSON.stringify(args)} ${forkOptions.serviceName}`);
        return Object.assign(new EventEmitter(), { pid: 4242, postMessage: vi.fn(), kill: vi.fn(() => true) });
      }),
    },
  };

  const pushListeners = new Set<(target: PushTarget) => void>();
  const core = {
    terminalId: 'T1',
    loggedIn: true,
    dispatch: vi.fn(async (channelId: string, name: string): Promise<{ ok: true; value: unknown }> =>
      name === 'auth.status'
        ? { ok: true, value: { session: core.loggedIn ? { user: { username: 'clara' } } : null } }
        : { ok: true, value: `${name} on ${channelId}` },
    ),
    onPush: (listener: (target: PushTarget) => void) => {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    closeChannel: vi.fn(),
    close: vi.fn(async () => {}),
  };
  fake.startSupervisedCore = vi.fn(async () => {
    if (options.coreFails) throw new Error('disk full');
    return core;
  });

  return {
    app,
    core,
    log,
    windows,
    displays,
    screen,
    handlers,
    permissionHandlers,
    push: (target: PushTarget) => pushListeners.forEach((l) => l(target)),
    /** Loads main.ts and makes the app ready; returns once main has quit, or opened its window and the core. */
    async start() {
      await import('./main');
      resolveReady();
      await vi.waitFor(() => {
        if (app.quit.mock.calls.length > 0 || app.exit.mock.calls.length > 0) return;
        // The relay subscribes to the core's pushes once both are up.
        if (windows.length === 0 || pushListeners.size === 0) {
          throw new Error(`main.ts has not finished starting (windows open: ${windows.length}, relays listening to the core: ${pushListeners.size})`);
        }
      });
    },
  };
}

const event = () => ({ prevented: false, preventDefault() { this.prevented = true; } });

describe('electron main', () => {
  beforeEach(() => {
    vi.resetModules();
    for (const key of ['KASSA_DATA_DIR', 'KASSA_TERMINAL_ID', 'KASSA_DEMO', 'KASSA_DEMO_PRODUCTS', 'KASSA_COUCH_URL', 'KASSA_DB_PREFIX', 'KASSA_CUSTOMER_DISPLAY', 'KASSA_RECEIPT_PRINTER']) vi.stubEnv(key, undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('registers app:// as privileged and enables the sandbox before anything else', async () => {
    const shell = setUp();
    await shell.start();
    expect(shell.log[0]).toMatch(/^privileged .*"scheme":"app".*"standard":true.*"secure":true/);
    expect(shell.log[0]).not.toContain('bypassCSP');
    expect(shell.log[1]).toBe('enableSandbox');
    expect(shell.handlers['protocol:app']).toBeTypeOf('function');
  });

  it('quits at once when another Kassa holds the lock, without opening the store', async () => {
    const shell = setUp({ lock: false });
    await shell.start();
    expect(shell.app.quit).toHaveBeenCalled();
    expect(fake.startSupervisedCore).not.toHaveBeenCalled();
    expect(shell.windows).toHaveLength(0);
  });

  it('opens one hardened window on the app origin and brings it forward for a second instance', async () => {
    const shell = setUp();
    await shell.start();
    const [window] = shell.windows;
    expect(window!.webContents.url).toBe('app://kassa/index.html');
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    shell.app.emit('second-instance');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
  });

  it('starts the core in a utility process with the terminal and data dir from the environment; main keeps the sync account', async () => {
    vi.stubEnv('KASSA_TERMINAL_ID', 'T4');
    vi.stubEnv('KASSA_DATA_DIR', '/srv/kassa/t4');
    vi.stubEnv('KASSA_COUCH_URL', 'https://couch.example/');
    const shell = setUp();
    await shell.start();
    expect(fake.startSupervisedCore).toHaveBeenCalledWith({
      spawn: expect.any(Function),
      options: {
        dataDir: '/srv/kassa/t4',
        terminalId: 'T4',
        demo: true,
        sync: { url: 'https://couch.example/', prefix: 'kassa_', credentials: { kind: 'relayed', current: null, location: '' } },
      },
      hostCredentials: expect.objectContaining({ load: expect.any(Function), save: expect.any(Function) }),
      log: expect.anything(),
    });
    // Each (re)start of the core is a new utility process running the built core entry.
    const { spawn } = (fake.startSupervisedCore as unknown as { mock: { calls: [{ spawn: () => { pid: number } }][] } }).mock.calls[0]![0];
    expect(spawn().pid).toBe(4242);
    expect(shell.log.filter((line) => line.startsWith('fork '))).toEqual([expect.stringMatching(/^fork .*[/\\]core-process\.cjs \[\] Kassa till core$/)]);
  });

  it('dispatches IPC calls from our page on its channel and refuses other pages', async () => {
    const shell = setUp();
    await shell.start();
    const sender = shell.windows[0]!.webContents;
    const call = shell.handlers[IPC_CALL]!;
    const from = (url: string) => ({ sender, senderFrame: { url, parent: null } });
    expect(await call(from('app://kassa/index.html'), 'catalog.summary', {})).toEqual({ ok: true, value: 'catalog.summary on wc:1' });
    expect(await call(from('https://evil.example/'), 'catalog.summary', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call({ sender, senderFrame: null }, 'catalog.summary', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(shell.core.dispatch).toHaveBeenCalledOnce();
  });

  it('sends pushes to the target screen and ends its session when it is destroyed', async () => {
    const shell = setUp();
    await shell.start();
    const contents = shell.windows[0]!.webContents;
    const message: PushMessage = { event: 'session.changed', payload: null };
    shell.push({ channelId: 'wc:1', message });
    shell.push({ channelId: null, message });
    shell.push({ channelId: 'wc:99', message });
    expect(contents.sent).toEqual([
      [IPC_PUSH, message],
      [IPC_PUSH, message],
    ]);
    contents.emit('destroyed');
    await vi.waitFor(() => expect(shell.core.closeChannel).toHaveBeenCalledWith('wc:1'));
  });

  it('keeps every webContents on the app: no navigation away, no new windows, no webviews, no permissions', async () => {
    const shell = setUp();
    await shell.start();
    const contents = shell.windows[0]!.webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { ...event(), url: 'https://evil.example/' };
      const home = { ...event(), url: 'app://kassa/index.html' };
      contents.emit(name, away);
      contents.emit(name, home);
      expect([name, away.prevented, home.prevented]).toEqual([name, true, false]);
    }
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    const [onRequest, onCheck] = shell.permissionHandlers;
    const granted: boolean[] = [];
    onRequest!(contents, 'media', (ok: boolean) => granted.push(ok), {});
    expect(granted).toEqual([false]);
    expect(onCheck!(contents, 'clipboard-read', 'app://kassa', {})).toBe(false);
  });

  it('closes the core before quitting, once', async () => {
    const shell = setUp();
    await shell.start();
    const first = event();
    shell.app.emit('before-quit', first);
    expect(first.prevented).toBe(true);
    await vi.waitFor(() => expect(shell.app.quit).toHaveBeenCalled());
    expect(shell.core.close).toHaveBeenCalledOnce();
    expect(shell.app.quit).toHaveBeenCalledOnce();
    const second = event();
    shell.app.emit('before-quit', second);
    expect(second.prevented).toBe(false);
  });

  it('tells the person at the till and exits when the core cannot start', async () => {
    const shell = setUp({ coreFails: true });
    await shell.start();
    expect(shell.log.some((line) => line.startsWith('errorBox') && line.includes('disk full'))).toBe(true);
    expect(shell.app.exit).toHaveBeenCalledWith(1);
    const answer = await shell.handlers[IPC_CALL]!({ sender: { id: 1 }, senderFrame: { url: 'app://kassa/', parent: null } }, 'auth.status', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('opens one customer display window when our page asks for it, and none for anyone else', async () => {
    const shell = setUp();
    await shell.start();
    const till = shell.windows[0]!;
    expect(shell.windows).toHaveLength(1);
    expect(till.webContents.openHandler!({ url: 'app://kassa/customer-display' })).toEqual({ action: 'deny' });
    expect(shell.windows).toHaveLength(2);
    const display = shell.windows[1]!;
    expect(display.webContents.url).toBe('app://kassa/customer-display');
    expect(display.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // One screen: a window in its top right corner, not full screen.
    expect(display.options).toMatchObject({ x: 1120, y: 0, width: 800, height: 600, fullscreen: false });
    // Asking again brings the same window forward; the display page itself cannot open more windows.
    till.webContents.openHandler!({ url: 'app://kassa/customer-display' });
    display.webContents.openHandler!({ url: 'app://kassa/index.html' });
    expect(shell.windows).toHaveLength(2);
    expect(display.showInactive).toHaveBeenCalled();
    // A foreign page asking for it gets nothing.
    till.webContents.url = 'https://evil.example/';
    display.close();
    till.webContents.openHandler!({ url: 'app://kassa/customer-display' });
    expect(shell.windows).toHaveLength(1);
  });

  it('puts the customer display full screen on a second monitor at start, and closes it with the till', async () => {
    const shell = setUp({ displays: [tillScreen, customerScreen] });
    await shell.start();
    expect(shell.windows).toHaveLength(2);
    const display = shell.windows[1]!;
    expect(display.options).toMatchObject({ ...customerScreen.workArea, fullscreen: true, focusable: false });
    shell.windows[0]!.emit('closed');
    expect(display.close).toHaveBeenCalled();
  });

  it('opens the customer display when a second monitor is plugged in, unless told not to', async () => {
    const shell = setUp();
    await shell.start();
    shell.displays.push(customerScreen);
    shell.screen.emit('display-added');
    expect(shell.windows.map((w) => w.webContents.url)).toEqual(['app://kassa/index.html', 'app://kassa/customer-display']);

    vi.resetModules();
    vi.stubEnv('KASSA_CUSTOMER_DISPLAY', 'off');
    const off = setUp({ displays: [tillScreen, customerScreen] });
    await off.start();
    off.screen.emit('display-added');
    expect(off.windows).toHaveLength(1);
  });

  it('prints a receipt on an 80 mm page for a logged-in screen of ours, to the configured printer', async () => {
    vi.stubEnv('KASSA_RECEIPT_PRINTER', 'TM_T20');
    const shell = setUp();
    await shell.start();
    const sender = shell.windows[0]!.webContents;
    const print = shell.handlers[IPC_PRINT_RECEIPT]!;
    const ours = { sender, senderFrame: { url: 'app://kassa/index.html', parent: null } };
    expect(await print(ours, { lengthMm: 120 })).toEqual({ ok: true, value: { printed: true } });
    expect(sender.printed).toEqual([
      { silent: true, deviceName: 'TM_T20', printBackground: false, color: false, margins: { marginType: 'none' }, pageSize: { width: 80_000, height: 120_000 } },
    ]);
    expect(await print({ sender, senderFrame: { url: 'https://evil.example/', parent: null } }, { lengthMm: 120 })).toMatchObject({ ok: false });
    expect(await print(ours, { lengthMm: -1 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    shell.core.loggedIn = false;
    expect(await print(ours, { lengthMm: 120 })).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(sender.printed).toHaveLength(1);
  });
});
