/**
 * What `npm start` does for card payments: use the stand-in processor on 127.0.0.1:<port>, starting it when
 * nothing listens there, and give this till a signing key for it (kept in the till's processor-key.json), so a
 * till started on this machine can take card payments out of the box. Development and demos only: the key is
 * made through the control API with the admin token from the processor's data directory, which only a processor
 * on this machine shares.
 *
 * A till must start, and sell for cash, whatever the processor does (slow, down, refusing, something else on its
 * port): ensureDevProcessor never throws and every wait in it is bounded. When the processor cannot be used it says
 * why, keeps the till's saved key, and the till shows the processor as unreachable and follows its offline rules.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROCESSOR_PATHS } from '../shared/payments/processor-api';
import { signingKeyOf, type ProcessorCredentials } from '../shared/payments/processor-credentials';
import { NonceMemory, SIGNATURE_HEADERS, signRequest, verifyReply } from '../shared/payments/signature';
import { ADMIN_TOKEN_ENV, readAdminToken } from './admin-token';
import { ADMIN_TOKEN_HEADER, CONTROL_PATHS } from './control-api';
import { portUse } from './port-use';
import { readTillKey, writeTillKey } from './till-key-file';

const RUN_PROCESSOR = fileURLToPath(new URL('./run-processor.ts', import.meta.url));

/** How long a processor's health answer may take before it counts as not answering. */
const HEALTH_TIMEOUT_MS = 2_000;
/** Each control API request (keys) and the signed check of a saved key. */
const REQUEST_TIMEOUT_MS = 5_000;

export interface DevProcessorOptions {
  port: number;
  controlPort: number;
  dataDir: string;
  terminalId: string;
  /** The till's data directory: its processor-key.json is reused while the processor still knows the key. */
  tillDataDir: string;
  say: (line: string) => void;
  /** How long a processor started here may take to answer (a minute unless a test says otherwise). */
  startTimeoutMs?: number;
}

export interface DevProcessor {
  /** `http://127.0.0.1:<port>/`, also written to the till's processor-key.json. */
  url: string;
  /** The processor process this call started, if it started one and it runs (it stops with the till). */
  child: ChildProcess | null;
  /** Null: the processor answers and this till holds a key it knows. Otherwise why cards cannot go through now. */
  problem: string | null;
}

type Health = { kassa: true } | { kassa: false; why: string };

/** A Kassa processor answers an unsigned request with a JSON 401 `bad_signature`; anything else is not one. */
async function health(url: string): Promise<Health> {
  try {
    const response = await fetch(new URL(PROCESSOR_PATHS.health, url), { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    const text = await response.text();
    let code: unknown;
    try {
      code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined; // not JSON: not a Kassa processor, which the status check below says
    }
    if (response.status === 401 && code === 'bad_signature') return { kassa: true };
    return { kassa: false, why: `answers HTTP ${response.status}, not as a Kassa card processor` };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { kassa: false, why: `does not answer within ${HEALTH_TIMEOUT_MS / 1000} s` };
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return { kassa: false, why: `cannot be asked (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})` };
  }
}

export async function ensureDevProcessor(options: DevProcessorOptions): Promise<DevProcessor> {
  const url = `http://127.0.0.1:${options.port}/`;
  let child: ChildProcess | null = null;
  let problem: string;
  try {
    const found = await processorAt(options, url);
    child = found.child;
    if (found.problem === null) {
      await tillKey(options, url);
      return { url, child, problem: null };
    }
    problem = found.problem;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  problem = problem.replace(/\.$/, '');
  const keyId = savedKeyId(options.tillDataDir);
  options.say(
    `Card processor: ${problem[0]!.toUpperCase()}${problem.slice(1)}. The till starts anyway: cash sales work, cards follow the offline rules` +
      (keyId ? ` (its saved key ${keyId} is kept).` : '; this till has no processor key, so cards are refused until it has one.'),
  );
  return { url, child, problem };
}

/** The processor at `url`: the one already there, or one started here when nothing listens on its ports. */
async function processorAt(options: DevProcessorOptions, url: string): Promise<{ child: ChildProcess | null; problem: string | null }> {
  if ((await portUse(options.port)) === 'taken') {
    const answer = await health(url);
    if (answer.kassa) {
      options.say(`Card processor (stand-in): using the one already running at ${url}`);
      return { child: null, problem: null };
    }
    return { child: null, problem: `something listens at ${url} but ${answer.why}; no second processor is started on a port in use` };
  }
  if ((await portUse(options.controlPort)) === 'taken') {
    return { child: null, problem: `nothing listens at ${url}, but its control port ${options.controlPort} is in use, so no processor is started here` };
  }
  options.say(`Card processor (stand-in): starting it at ${url} (data in ${options.dataDir})`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', RUN_PROCESSOR, '--port', String(options.port), '--control-port', String(options.controlPort), '--data-dir', options.dataDir],
    { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
  );
  const failed: { error?: Error } = {};
  child.once('error', (error) => (failed.error = error));
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if ((await health(url)).kassa) return { child, problem: null };
    if (failed.error || child.exitCode !== null || child.signalCode !== null) {
      const how = failed.error ? failed.error.message : `exit ${child.exitCode ?? child.signalCode}`;
      return { child: null, problem: `the card processor started here stopped (${how}); see the messages above` };
    }
    if (Date.now() > deadline) {
      return { child, problem: `the card processor started here did not answer within ${Math.round(startTimeoutMs / 1000)} s (it keeps starting beside the till)` };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** For the message only: a key file that cannot be read is the till's to report when it starts, not the launcher's. */
function savedKeyId(tillDataDir: string): string | null {
  try {
    return readTillKey(tillDataDir)?.keyId ?? null;
  } catch {
    return null;
  }
}

/** Keeps the till's saved key while it still works for this terminal; otherwise provisions a new one. */
async function tillKey(options: DevProcessorOptions, url: string): Promise<void> {
  const token = process.env[ADMIN_TOKEN_ENV] || readAdminToken(options.dataDir);
  if (!token) {
    throw new Error(
      `The card processor at ${url} was not started from ${options.dataDir}, so this till cannot get a key there. ` +
        `Start it with ${ADMIN_TOKEN_ENV}, or give the till a processor-key.json.`,
    );
  }
  const controlUrl = `http://127.0.0.1:${options.controlPort}/`;
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, controlUrl), {
      method,
      headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: token },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`The card processor's control API at ${controlUrl} refused ${method} ${path} (${response.status}): ${JSON.stringify(json.error ?? json)}`);
    return json;
  };

  const saved = readTillKey(options.tillDataDir);
  if (saved && saved.url === url) {
    const { keys } = (await control('GET', CONTROL_PATHS.keys)) as { keys: { keyId: string; terminalId: string }[] };
    if (keys.some((k) => k.keyId === saved.keyId && k.terminalId === options.terminalId) && (await keyWorks(url, saved))) {
      options.say(`Card processor: terminal ${options.terminalId} keeps its key ${saved.keyId}`);
      return;
    }
  }
  const made = (await control('POST', CONTROL_PATHS.keys, { terminalId: options.terminalId })) as { keyId: string; secret: string };
  const file = writeTillKey(options.tillDataDir, { url, keyId: made.keyId, secret: made.secret });
  options.say(`Card processor: terminal ${options.terminalId} has a new key ${made.keyId} (in ${file})`);
}

/** Whether a signed health check with the saved key is answered, and the answer signed with that same key. */
async function keyWorks(url: string, credentials: ProcessorCredentials): Promise<boolean> {
  const key = signingKeyOf(credentials);
  const headers = signRequest(key, 'GET', PROCESSOR_PATHS.health, '', Date.now());
  try {
    const response = await fetch(new URL(PROCESSOR_PATHS.health, url), { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    return response.status === 200 && verifyReply(response.headers, 200, headers[SIGNATURE_HEADERS.nonce], text, key, Date.now(), new NonceMemory()).ok;
  } catch {
    return false;
  }
}
