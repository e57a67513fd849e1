/**
 * The IPC side of the till core, without Electron: who may call (only our own page, in its top frame), which
 * channel a screen is, and where pushed events go. main.ts plugs Electron's webContents into `ScreenPort`.
 */
import type { ApiResult } from '../../shared/api/errors';
import type { PushMessage } from '../../shared/api/events';
import type { ChannelId, TillCore } from '../core/api/till-core-types';
import { isAppUrl } from './app-origin';
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
}

export interface IpcRelay {
  call(caller: IpcCaller, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  screenClosed(webContentsId: number): void;
  dispose(): void;
}

export function createIpcRelay(core: TillCore, port: ScreenPort, log: ShellLog = console): IpcRelay {
  const stopPushes = core.onPush(({ channelId, message }) => {
    if (channelId === null) return port.broadcast(message);
    const webContentsId = webContentsIdOf(channelId);
    if (webContentsId !== null) port.sendTo(webContentsId, message);
  });

  return {
    async call(caller, name, input) {
      if (!caller.isMainFrame || !isAppUrl(caller.frameUrl)) {
        log.warn('Refused an IPC call from a page that is not ours', {
          command: String(name),
          frameUrl: caller.frameUrl,
          isMainFrame: caller.isMainFrame,
        });
        return failure('FORBIDDEN', 'This screen is not allowed to use the till.');
      }
      if (typeof name !== 'string') return failure('UNKNOWN_COMMAND', 'That command does not exist.');
      try {
        return await core.dispatch(channelIdFor(caller.webContentsId), name, input);
      } catch (error) {
        // dispatch promises never to throw; if it does, the screen still gets an answer it can show.
        log.error('The core threw instead of answering', { command: name, error });
        return failure('INTERNAL', 'Something went wrong in the till. Try again, or restart Kassa.');
      }
    },
    screenClosed(webContentsId) {
      core.closeChannel(channelIdFor(webContentsId));
    },
    dispose: stopPushes,
  };
}

function failure(code: 'FORBIDDEN' | 'UNKNOWN_COMMAND' | 'INTERNAL', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
