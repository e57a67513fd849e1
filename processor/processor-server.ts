/**
 * A STAND-IN FOR A CARD NETWORK. No card network can be reached from where Kassa is built and tested, so Kassa
 * ships this processor to pay against: the real HTTP API of shared/payments/processor-api.ts, a durable ledger
 * (ledger.ts), signed messages both ways (shared/payments/signature.ts), and test cards that approve, decline,
 * hang or fail after charging. It moves no real money; everything a till does against it is what it would do
 * against a real gateway.
 *
 * Two listeners on 127.0.0.1: the API, where every request must be signed with a terminal's key, and a control
 * listener on its own port (control-api.ts) for tests and demos.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NonceMemory } from '../shared/payments/signature';
import { apiHandler } from './api-handler';
import { controlHandler, type Behaviour } from './control-api';
import { errorBody, writeJson } from './http-io';
import { openLedger } from './ledger';
import { stderrLog, type ProcessorLog } from './log';
import { createPaymentBook } from './payment-book';
import { openKeyRing, type TerminalKey } from './terminal-keys';

const HOST = '127.0.0.1';

/** How long the timeout test card holds a request before closing its connection without an answer. */
export const DEFAULT_HOLD_MS = 60_000;

export interface ProcessorOptions {
  /** The ledger and the provisioned keys live here. */
  dataDir: string;
  /** API port; 0 (the default) takes a free one. */
  port?: number;
  controlPort?: number;
  /** Opens the control listener (`kassa-admin-token` header). */
  adminToken: string;
  /** Keys valid for this run only, besides those provisioned into the data directory. */
  keys?: readonly TerminalKey[];
  holdMs?: number;
  log?: ProcessorLog;
}

export interface RunningProcessor {
  /** `http://127.0.0.1:<port>/`: the API. */
  url: string;
  controlUrl: string;
  port: number;
  controlPort: number;
  close(): Promise<void>;
}

export async function startProcessor(options: ProcessorOptions): Promise<RunningProcessor> {
  const log = options.log ?? stderrLog();
  const ledger = openLedger(options.dataDir);
  const keys = openKeyRing(options.dataDir, options.keys);
  const behaviour: Behaviour = { latencyMs: 0, down: false };
  /** Replies waiting out the latency, and held (timeout card) requests: cleared on close. */
  const pending = new Set<NodeJS.Timeout>();

  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      work();
    }, ms);
    pending.add(timer);
    return () => {
      clearTimeout(timer);
      return pending.delete(timer);
    };
  };

  const onApiRequest = apiHandler({
    keys,
    book: createPaymentBook(ledger),
    nonces: new NonceMemory(),
    log,
    latencyMs: () => behaviour.latencyMs,
    later,
    holdMs: options.holdMs ?? DEFAULT_HOLD_MS,
  });

  // The API handler answers its own failures (signed); this catches the control listener's.
  const guarded = (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res).catch((error: unknown) => {
      log('error', 'Request failed', { method: req.method, path: req.url, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      writeJson(res, 500, errorBody('internal', 'The processor failed on this request'));
    });
  };

  const api = createServer(guarded(onApiRequest));
  let port = 0;
  // Switches are applied one at a time, so `down` then `up` in quick succession ends listening.
  let switching: Promise<unknown> = Promise.resolve();

  const changeBehaviour = (change: Partial<Behaviour>): Promise<Behaviour> => {
    const next = switching.then(async () => {
      if (change.latencyMs !== undefined) behaviour.latencyMs = change.latencyMs;
      if (change.down === true && !behaviour.down) {
        await closeListener(api);
        behaviour.down = true;
      } else if (change.down === false && behaviour.down) {
        await listen(api, port);
        behaviour.down = false;
      }
      return { ...behaviour };
    });
    switching = next.catch(() => undefined);
    return next;
  };

  const control = createServer(guarded(controlHandler({ adminToken: options.adminToken, ledger, keys, log, behaviour: () => ({ ...behaviour }), changeBehaviour })));
  let controlPort: number;
  try {
    port = await listen(api, options.port ?? 0);
    controlPort = await listen(control, options.controlPort ?? 0);
  } catch (error) {
    if (api.listening) await closeListener(api);
    ledger.close();
    throw error;
  }

  let closed: Promise<void> | null = null;
  return {
    url: `http://${HOST}:${port}/`,
    controlUrl: `http://${HOST}:${controlPort}/`,
    port,
    controlPort,
    close: () =>
      (closed ??= (async () => {
        await switching;
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        await Promise.all([api.listening ? closeListener(api) : undefined, closeListener(control)]);
        ledger.close();
      })()),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and drops every connection at once (idle keep-alive ones too), so new ones are refused. */
function closeListener(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
