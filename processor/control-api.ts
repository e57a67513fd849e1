/**
 * The processor's control listener, for tests, demos and `npm start`: switch latency and reachability, read the
 * ledger, provision terminal keys. Its own port, never the API's, and every request needs the admin token
 * (`kassa-admin-token` header), so a till's key can never reach it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { TERMINAL_ID_PATTERN } from '../shared/ids';
import { errorBody, headerValue, readBody, writeJson } from './http-io';
import type { Ledger } from './ledger';
import type { ProcessorLog } from './log';
import type { KeyRing } from './terminal-keys';

export const ADMIN_TOKEN_HEADER = 'kassa-admin-token';

export const CONTROL_PATHS = {
  behaviour: '/control/behaviour',
  ledger: '/control/ledger',
  keys: '/control/keys',
} as const;

export interface Behaviour {
  /** Added before every API reply (the charge itself is not delayed). */
  latencyMs: number;
  /** The API listener is closed: connections are refused, as when the network to the processor is gone. */
  down: boolean;
}

const behaviourChange = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    down: z.boolean().optional(),
  })
  .strict();

const keyRequest = z.object({ terminalId: z.string().regex(TERMINAL_ID_PATTERN) }).strict();

export interface ControlDeps {
  adminToken: string;
  ledger: Ledger;
  keys: KeyRing;
  log: ProcessorLog;
  behaviour(): Behaviour;
  /** Applies a change and resolves once the API listener is closed or listening again. */
  changeBehaviour(change: Partial<Behaviour>): Promise<Behaviour>;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function controlHandler(deps: ControlDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const json = (res: ServerResponse, status: number, value: unknown) => writeJson(res, status, JSON.stringify(value));
  const fail = (res: ServerResponse, status: number, code: string, message: string) => writeJson(res, status, errorBody(code, message));

  return async (req, res) => {
    const method = req.method ?? 'GET';
    const pathname = new URL(req.url ?? '/', 'http://control').pathname;
    if (!sameToken(headerValue(req, ADMIN_TOKEN_HEADER), deps.adminToken)) {
      deps.log('warn', 'Refused a control request without the admin token', { method, path: pathname, remote: req.socket.remoteAddress });
      return fail(res, 401, 'unauthorized', `The control API needs the processor's admin token in the ${ADMIN_TOKEN_HEADER} header`);
    }
    const read = await readBody(req);
    if (!read.ok) return writeJson(res, 413, errorBody('bad_request', 'The body is larger than 64 KiB'), {}, true);
    let body: unknown = {};
    if (read.text.trim() !== '') {
      try {
        body = JSON.parse(read.text);
      } catch {
        return fail(res, 400, 'bad_request', 'The body is not JSON');
      }
    }

    const route = `${method} ${pathname}`;
    switch (route) {
      case `GET ${CONTROL_PATHS.behaviour}`:
        return json(res, 200, deps.behaviour());
      case `POST ${CONTROL_PATHS.behaviour}`: {
        const change = behaviourChange.safeParse(body);
        if (!change.success) return fail(res, 400, 'bad_request', 'Expected { latencyMs?: whole number 0..60000, down?: boolean }');
        try {
          const now = await deps.changeBehaviour(change.data);
          deps.log('info', 'Behaviour changed', { ...now });
          return json(res, 200, now);
        } catch (error) {
          deps.log('error', 'Behaviour change failed', { error: String(error) });
          return fail(res, 500, 'internal', `The change could not be applied: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      case `GET ${CONTROL_PATHS.ledger}`:
        return json(res, 200, { entries: deps.ledger.entries().map(({ answerText: _text, ...entry }) => entry) });
      case `GET ${CONTROL_PATHS.keys}`:
        return json(res, 200, { keys: deps.keys.list() });
      case `POST ${CONTROL_PATHS.keys}`: {
        const asked = keyRequest.safeParse(body);
        if (!asked.success) return fail(res, 400, 'bad_request', 'Expected { terminalId }: 1–24 capital letters, digits or underscores (e.g. T2)');
        try {
          const key = deps.keys.provision(asked.data.terminalId);
          deps.log('info', 'Key provisioned', { keyId: key.keyId, terminalId: key.terminalId });
          return json(res, 201, { keyId: key.keyId, secret: key.secret, terminalId: key.terminalId });
        } catch (error) {
          deps.log('error', 'Key provisioning failed', { terminalId: asked.data.terminalId, error: String(error) });
          return fail(res, 500, 'internal', `The key could not be stored: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      default:
        return fail(res, 404, 'not_found', `No control route ${route}; there are GET/POST ${CONTROL_PATHS.behaviour}, GET ${CONTROL_PATHS.ledger}, GET/POST ${CONTROL_PATHS.keys}`);
    }
  };
}
