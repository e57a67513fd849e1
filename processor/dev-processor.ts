/**
 * What `npm start` does for card payments: use the stand-in processor on 127.0.0.1:<port>, starting it when
 * nothing answers there, and give this till a signing key for it (kept in the till's processor-key.json), so a
 * till started on this machine can take card payments out of the box. Development and demos only: the key is
 * made through the control API with the admin token from the processor's data directory, which only a processor
 * on this machine shares.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PROCESSOR_PATHS } from '../shared/payments/processor-api';
import { signingKeyOf, type ProcessorCredentials } from '../shared/payments/processor-credentials';
import { NonceMemory, SIGNATURE_HEADERS, signRequest, verifyReply } from '../shared/payments/signature';
import { ADMIN_TOKEN_ENV, readAdminToken } from './admin-token';
import { ADMIN_TOKEN_HEADER, CONTROL_PATHS } from './control-api';
import { readTillKey, writeTillKey } from './till-key-file';

const RUN_PROCESSOR = fileURLToPath(new URL('./run-processor.ts', import.meta.url));

export interface DevProcessorOptions {
  port: number;
  controlPort: number;
  dataDir: string;
  terminalId: string;
  /** The till's data directory: its processor-key.json is reused while the processor still knows the key. */
  tillDataDir: string;
  say: (line: string) => void;
}

export interface DevProcessor {
  /** `http://127.0.0.1:<port>/`, also written to the till's processor-key.json. */
  url: string;
  /** The processor process this call started, if it started one (it stops with the till). */
  child: ChildProcess | null;
}

/** A Kassa processor answers an unsigned request with a JSON 401 `bad_signature`; anything else is not one. */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL(PROCESSOR_PATHS.health, url), { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { error?: { code?: string } };
    return response.status === 401 && body.error?.code === 'bad_signature';
  } catch {
    return false;
  }
}

export async function ensureDevProcessor(options: DevProcessorOptions): Promise<DevProcessor> {
  const url = `http://127.0.0.1:${options.port}/`;
  let child: ChildProcess | null = null;
  if (await answers(url)) {
    options.say(`Card processor (stand-in): using the one already running at ${url}`);
  } else {
    options.say(`Card processor (stand-in): starting it at ${url} (data in ${options.dataDir})`);
    child = spawn(
      process.execPath,
      ['--import', 'tsx', RUN_PROCESSOR, '--port', String(options.port), '--control-port', String(options.controlPort), '--data-dir', options.dataDir],
      { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
    );
    const deadline = Date.now() + 60_000;
    while (!(await answers(url))) {
      if (child.exitCode !== null) throw new Error(`The card processor stopped (exit ${child.exitCode}); see the messages above`);
      if (Date.now() > deadline) throw new Error('The card processor did not start within a minute');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  try {
    await tillKey(options, url);
    return { url, child };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    throw error;
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
      signal: AbortSignal.timeout(10_000),
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
    const response = await fetch(new URL(PROCESSOR_PATHS.health, url), { headers, signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    return response.status === 200 && verifyReply(response.headers, 200, headers[SIGNATURE_HEADERS.nonce], text, key, Date.now(), new NonceMemory()).ok;
  } catch {
    return false;
  }
}
