/**
 * The IPC side of the till core, without Electron: who may call (only our own page, in its top frame), which
 * channel a screen is, and where pushed events go. main.ts plugs Electron's webContents into `ScreenPort`.
 */
import type { AuthStatus } from '../../shared/api/commands/auth-commands';
import type { ApiResult, ErrorCode } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import type { ChannelId, TillCore } from '../core/api/till-core-types';
import { isAppUrl } from './app-origin';
import { parseReceiptPage, printOutcome, receiptPrintOptions, type ReceiptPrintOptions } from './receipt-print';
import type { ShellLog } from './shell-log';

const CHANNEL_PREFIX = 'wc:';

export function channelIdFor(webContentsId: number): ChannelId {
  return `${CHANNEL_PREFIX}${webContentsId}`;
}

/** The webContents id behind one of our channel ids, or null for channels that are not Electron screens. */
export function webContentsIdOf(channelId: ChannelId): number | null {
  if (!channelId.startsWith(CHANNEL_PREFIX)) return null;
  const digits = channelId.slice(CHANNEL_PREFIX.length);
  return /^[0-9]{1,15}$/.test(digits) ? Number(digits) : null;
}

/** What main.ts knows about the sender of an IPC call. */
export interface IpcCaller {
  webContentsId: number;
  /** URL of the frame that sent the message; null when the frame is already gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
}

export interface ScreenPort {
  sendTo(webContentsId: number, message: PushMessage): void;
  /** Every open window showing our app. */
  broadcast(message: PushMessage): void;
  /** Electron's `webContents.print` for that screen, as a promise. */
  print(webContentsId: number, options: ReceiptPrintOptions): Promise<{ success: boolean; failureReason: string }>;
}

export interface IpcRelay {
  call(caller: IpcCaller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** Prints the calling screen's receipt; only for our page with someone logged in on it. */
  printReceipt(caller: IpcCaller, input: unknown): Promise<ApiResult<{ printed: boolean }>>;
  screenClosed(webContentsId: number): void;
  dispose(): void;
}

export interface RelayOptions {
  /** KASSA_RECEIPT_PRINTER: print there without a dialog; null asks with the print dialog. */
  receiptPrinter?: string | null;
}

export function createIpcRelay(core: TillCore, port: ScreenPort, log: ShellLog = console, options: RelayOptions = {}): IpcRelay {
  const isOurs = (caller: IpcCaller, what: string): boolean => {
    if (caller.isMainFrame && isAppUrl(caller.frameUrl)) return true;
    log.warn('Refused an IPC call from a page that is not ours', { command: what, frameUrl: caller.frameUrl, isMainFrame: caller.isMainFrame });
    return false;
  };

  const stopPushes = core.onPush(({ channelId, message }) => {
    if (channelId === null) return port.broadcast(message);
    const webContentsId = webContentsIdOf(channelId);
    if (webContentsId !== null) port.sendTo(webContentsId, message);
  });

  return {
    async call(caller, name, input) {
      if (!isOurs(caller, typeof name === 'string' ? name : typeof name)) return failure('FORBIDDEN', 'This screen is not allowed to use the till.');
      if (typeof name !== 'string') return failure('UNKNOWN_COMMAND', 'That command does not exist.');
      try {
        return await core.dispatch(channelIdFor(caller.webContentsId), name, input);
      } catch (error) {
        // dispatch promises never to throw; if it does, the screen still gets an answer it can show.
        log.error('The core threw instead of answering', { command: name, error });
        return failure('INTERNAL', 'Something went wrong in the till. Try again, or restart Kassa.');
      }
    },
    async printReceipt(caller, input) {
      if (!isOurs(caller, 'print receipt')) return failure('FORBIDDEN', 'This screen is not allowed to use the till.');
      const page = parseReceiptPage(input);
      if (!page.ok) return page;
      // Printing is a clerk's job like any command: the screen must have someone logged in.
      const status = await core.dispatch(channelIdFor(caller.webContentsId), 'auth.status', {});
      if (!status.ok || !(status.value as AuthStatus).session) return failure('NOT_LOGGED_IN', 'Log in to print receipts.');
      const printer = options.receiptPrinter ?? null;
      try {
        const { success, failureReason } = await port.print(caller.webContentsId, receiptPrintOptions(page.value, printer));
        if (!success) log.warn('A receipt did not print', { printer, failureReason });
        return printOutcome(success, failureReason);
      } catch (error) {
        log.error('Printing a receipt threw', { printer, error });
        return printOutcome(false, 'the print system failed');
      }
    },
    screenClosed(webContentsId) {
      core.closeChannel(channelIdFor(webContentsId));
    },
    dispose: stopPushes,
  };
}

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
