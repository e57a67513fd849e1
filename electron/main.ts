/**
 * The Electron entry: starts the till core in a utility process of its own (so nothing it does stalls the windows,
 * menus and IPC this process serves, and a core that dies is started again), serves the renderer over app://,
 * relays IPC, and locks the window down. The decisions live in electron/shell/ and electron/core/process/ (tested
 * in plain Node); this file only wires Electron to them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  utilityProcess,
  webContents,
  type Event as ElectronEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { ApiResult } from '../shared/api/errors';
import type { PushMessage } from '../shared/api/events';
import { IPC_CALL, IPC_PRINT_RECEIPT, IPC_PUSH } from '../shared/api/transport';
import type { TillCore } from './core/api/till-core-types';
import { createLogger } from './core/log';
import { startSupervisedCore } from './core/process/core-supervisor';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl } from './shell/app-origin';
import { serveAppRequest } from './shell/app-protocol';
import { CUSTOMER_DISPLAY_URL, customerDisplayPlacement, isCustomerDisplayUrl, opensByItself } from './shell/customer-display';
import { createIpcRelay, type IpcCaller, type IpcRelay } from './shell/ipc-relay';
import type { ReceiptPrintOptions } from './shell/receipt-print';
import { createSafeStorageCredentialStore, type StringCipher } from './shell/safe-storage-credentials';
import { resolveShellConfig, type ShellConfig } from './shell/shell-config';
import { utilityCoreLink } from './shell/utility-core-link';
import { secureWebPreferences } from './shell/web-preferences';

const log = createLogger('shell');
/** How long quitting waits for the core to flush and close before giving up on it. */
const CLOSE_TIMEOUT_MS = 10_000;

// Both must happen before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  startShell();
} else {
  // Another Kassa already runs on this till; it comes to the front through 'second-instance'.
  app.quit();
}

function startShell(): void {
  let config: ShellConfig;
  try {
    config = resolveShellConfig(process.env, {
      isPackaged: app.isPackaged,
      userDataPath: app.getPath('userData'),
      cwd: process.cwd(),
    });
  } catch (error) {
    fail('Kassa\u2019s settings are not valid.', error);
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  let customerDisplay: BrowserWindow | null = null;
  let quitting = false;
  // safeStorage (the sync account's keychain) can only be used once the app is ready, and only here in main: the
  // core gets the account from main and sends every change back (`relayed`).
  const coreReady: Promise<TillCore> = app.whenReady().then(() =>
    startSupervisedCore({
      spawn: () => utilityCoreLink(utilityProcess.fork, path.join(__dirname, 'core-process.cjs')),
      options: { ...config.core, sync: { ...config.sync, credentials: { kind: 'relayed', current: null, location: '' } } },
      hostCredentials: createSafeStorageCredentialStore(config.core.dataDir, osKeychain(), (message) => log.warn(message)),
      log,
    }),
  );
  const relayReady: Promise<IpcRelay> = coreReady.then((core) =>
    createIpcRelay(core, { sendTo: sendToScreen, broadcast: broadcastToScreens, print: printScreen }, log, {
      receiptPrinter: config.receiptPrinter,
    }),
  );
  coreReady.catch((error: unknown) => fail('The till could not open its data.', error));
  relayReady.catch(() => {
    // Same failure as coreReady's, already reported there.
  });
  log.info('Starting', {
    terminalId: config.core.terminalId,
    dataDir: config.core.dataDir,
    demo: config.core.demo,
    customerDisplay: config.customerDisplay,
    receiptPrinter: config.receiptPrinter,
  });

  /** The one customer display window: opened (or brought forward) on the customer's screen when there is one. */
  const openCustomerDisplay = (): void => {
    if (customerDisplay) {
      customerDisplay.showInactive();
      return;
    }
    const primary = screen.getPrimaryDisplay();
    const place = customerDisplayPlacement(screen.getAllDisplays(), primary.id);
    const window = new BrowserWindow({
      ...place.bounds,
      fullscreen: place.fullscreen,
      title: 'Kassa – customer display',
      show: false,
      backgroundColor: '#ffffff',
      // The till keeps the keyboard: a scan must never land in the customer's window.
      focusable: !place.fullscreen,
      webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
    });
    customerDisplay = window;
    window.once('ready-to-show', () => window.showInactive());
    window.on('closed', () => {
      if (customerDisplay === window) customerDisplay = null;
    });
    window.loadURL(CUSTOMER_DISPLAY_URL).catch((error: unknown) => log.error('The customer display did not load', { error }));
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openCustomerDisplay);
    const id = contents.id; // No longer readable once 'destroyed' fires.
    contents.once('destroyed', () => {
      relayReady.then((relay) => relay.screenClosed(id)).catch(() => {
        // The core never started, so this screen has no session to end.
      });
    });
  });

  ipcMain.handle(IPC_CALL, async (event, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const relay = await relayReady.catch(() => null);
    if (!relay) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The till is not running. Restart Kassa.' } };
    return relay.call(callerOf(event), name, input);
  });

  ipcMain.handle(IPC_PRINT_RECEIPT, async (event, page: unknown): Promise<ApiResult<{ printed: boolean }>> => {
    const relay = await relayReady.catch(() => null);
    if (!relay) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The till is not running. Restart Kassa.' } };
    return relay.printReceipt(callerOf(event), page);
  });

  app.on('window-all-closed', () => app.quit());

  // The core must flush and close its database before the process goes. Quitting waits for that once (also
  // for a core that is still opening), then quits for real.
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    const closed = relayReady
      .then(async (relay) => {
        relay.dispose();
        await (await coreReady).close();
      })
      .catch((error: unknown) => log.error('Closing the till core failed', { error }));
    const timeout = new Promise<void>((resolve) =>
      setTimeout(() => {
        log.error('The till core did not close in time; quitting anyway', { timeoutMs: CLOSE_TIMEOUT_MS });
        resolve();
      }, CLOSE_TIMEOUT_MS).unref(),
    );
    void Promise.race([closed, timeout]).then(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      lockDownSession();
      const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
      protocol.handle(APP_SCHEME, async (request) => {
        const answer = await serveAppRequest(
          { url: request.url, method: request.method },
          { rendererRoot, readFile: (filePath) => readFile(filePath), log },
        );
        return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
      });
      // Windows and Linux need no menu on a till. macOS keeps its default one: without the Edit menu's roles,
      // copy and paste stop working in text fields.
      if (app.isPackaged && process.platform !== 'darwin') Menu.setApplicationMenu(null);
      mainWindow = createMainWindow();
      mainWindow.on('closed', () => {
        mainWindow = null;
        // The customer display is part of the till: it does not stay open (and keep Kassa running) on its own.
        customerDisplay?.close();
      });
      if (opensByItself(config.customerDisplay, screen.getAllDisplays().length)) openCustomerDisplay();
      screen.on('display-added', () => {
        if (mainWindow && opensByItself(config.customerDisplay, screen.getAllDisplays().length)) openCustomerDisplay();
      });
    })
    .catch((error: unknown) => fail('Kassa could not open its window.', error));
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Kassa',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => fail('Kassa could not load its screens.', error));
  return window;
}

function callerOf(event: IpcMainInvokeEvent): IpcCaller {
  try {
    const frame = event.senderFrame;
    return { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
  } catch {
    // A frame disposed mid-call throws on access: answer it like a closed frame, which the relay refuses.
    return { webContentsId: event.sender.id, frameUrl: null, isMainFrame: false };
  }
}

/**
 * Every webContents (our windows, and anything a bug or a page might try to open) gets the same rules. A page asking
 * for the customer display gets main's own customer display window; no page opens a window of its own.
 */
function hardenWebContents(contents: WebContents, openCustomerDisplay: () => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isCustomerDisplayUrl(url) && isAppUrl(contents.getURL())) {
      openCustomerDisplay();
      return { action: 'deny' };
    }
    log.warn('Blocked a new window', { url });
    return { action: 'deny' };
  });
  const stayHome = (event: ElectronEvent<{ url: string }>) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('Blocked navigation away from the app', { url: event.url });
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Denied a permission request', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  // No remote content. The CSP says so too; this also covers requests the CSP does not govern. The core's own
  // traffic (replication) goes through Node, not through this session.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (details, callback) => {
      log.warn('Blocked a renderer request', { url: details.url });
      callback({ cancel: true });
    },
  );
}

/** The OS keychain through safeStorage; a Linux till without a keyring gets only a fixed key, which counts as none. */
function osKeychain(): StringCipher {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

function printScreen(webContentsId: number, options: ReceiptPrintOptions): Promise<{ success: boolean; failureReason: string }> {
  const target = webContents.fromId(webContentsId);
  if (!target || target.isDestroyed()) return Promise.resolve({ success: false, failureReason: 'the screen closed' });
  return new Promise((resolve) => target.print(options, (success, failureReason) => resolve({ success, failureReason })));
}

function sendToScreen(webContentsId: number, message: PushMessage): void {
  const target = webContents.fromId(webContentsId);
  if (target && !target.isDestroyed() && isAppUrl(target.getURL())) target.send(IPC_PUSH, message);
}

function broadcastToScreens(message: PushMessage): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_PUSH, message);
  }
}

/** Something the till cannot run without failed: tell the person at the till, log it for IT, and stop. */
function fail(what: string, error: unknown): void {
  log.error(what, { error });
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Kassa', `${what}\n\n${detail}\n\nKassa will close. The details are in its log.`);
  app.exit(1);
}
