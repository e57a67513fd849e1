/** The sync commands: status for every screen; pairing and refused documents for managers. */
import type { HandlerMap } from '../api/handler-types';
import { sessionOf } from '../api/handler-types';
import type { SyncEngine } from './sync-engine';

type SyncCommands = 'sync.status' | 'sync.testConnection' | 'sync.pair' | 'sync.rejections' | 'sync.retryRejected';

export function createSyncHandlers(engine: SyncEngine): HandlerMap<SyncCommands> {
  return {
    'sync.status': () => engine.status(),
    'sync.testConnection': (input) => engine.testConnection(input),
    'sync.pair': (input, call) => engine.pair(input, sessionOf(call).user.id),
    'sync.rejections': async () => engine.rejectionList(),
    'sync.retryRejected': () => engine.retryRejected(),
  };
}
