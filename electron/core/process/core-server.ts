/**
 * The core's side of the process boundary: builds the till core when the host says `start`, answers its calls,
 * forwards its pushes, and closes the store cleanly when told to or when the host goes away (so the SQLite file's
 * lock is never left to a process nobody talks to).
 */
import type { ApiResult } from '../../../shared/api/errors';
import type { SyncCredentials } from '../../../shared/sync/sync-credentials';
import type { TillCore, TillCoreOptions } from '../api/till-core-types';
import type { Logger } from '../log';
import { createFileCredentialStore, type CredentialStore } from '../sync/credential-store';
import type { CoreMessage, CoreStartOptions, CredentialsSource, HostMessage } from './core-protocol';

/** The process's line to its host: Node's IPC channel, or Electron's parentPort in a utility process. */
export interface HostPort {
  post(message: CoreMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
  /** The host went away (its end of the channel closed). */
  onGone(listener: () => void): void;
}

export interface CoreServerDeps {
  port: HostPort;
  createCore(options: TillCoreOptions): Promise<TillCore>;
  log: Logger;
  /** Ends this process (after a close, a failed start, or the host going away). */
  exit(code: number): void;
}

const notReady: ApiResult<never> = { ok: false, error: { code: 'RESTARTING', message: 'The till is still starting: try again in a moment.' } };

export function serveCore({ port, createCore, log, exit }: CoreServerDeps): void {
  let core: TillCore | null = null;
  let starting = false;
  let closing: Promise<void> | null = null;

  const close = (then: () => void): void => {
    closing ??= (async () => {
      try {
        await core?.close();
      } catch (error) {
        log.error('Closing the till core failed', { error });
      }
    })();
    void closing.then(then);
  };

  const start = async (options: CoreStartOptions): Promise<void> => {
    if (starting) return;
    starting = true;
    try {
      core = await createCore({
        ...options,
        sync: { ...options.sync, credentials: credentialStore(options.sync.credentials, options.dataDir, port, log) },
      });
      core.onPush((target) => port.post({ type: 'push', target }));
      port.post({ type: 'ready', terminalId: core.terminalId });
    } catch (error) {
      log.error('The till core could not start', { error });
      port.post({ type: 'startFailed', message: error instanceof Error ? error.message : String(error) });
      exit(1);
    }
  };

  port.onMessage((message) => {
    switch (message.type) {
      case 'start':
        void start(message.options);
        return;
      case 'call': {
        const { id } = message;
        if (!core || closing) return port.post({ type: 'result', id, result: notReady });
        void core.dispatch(message.channelId, message.name, message.input).then((result) => port.post({ type: 'result', id, result }));
        return;
      }
      case 'closeChannel':
        core?.closeChannel(message.channelId);
        return;
      case 'ping':
        port.post({ type: 'pong', id: message.id });
        return;
      case 'close':
        close(() => {
          port.post({ type: 'closed' });
          exit(0);
        });
        return;
    }
  });

  port.onGone(() => {
    log.warn('The host went away: closing the till core');
    close(() => exit(0));
  });
}

function credentialStore(source: CredentialsSource, dataDir: string, port: HostPort, log: Logger): CredentialStore {
  if (source.kind === 'file') return createFileCredentialStore(dataDir, (message) => log.warn(message));
  let current: SyncCredentials | null = source.current;
  // The host stores each change before it relays the result of the command that made it: messages keep their order.
  return {
    location: source.location,
    load: () => current,
    save(credentials) {
      current = { ...credentials };
      port.post({ type: 'credentials', credentials: current });
    },
    clear() {
      current = null;
      port.post({ type: 'credentials', credentials: null });
    },
  };
}
