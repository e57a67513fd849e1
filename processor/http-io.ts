/** Reading bounded JSON bodies and writing JSON replies, for both of the processor's listeners. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

/** The body as UTF-8 text; stops reading (and says so) once it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
      done = true;
    });
    req.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

export function headerValue(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Writes the reply unless the client has already gone (a till that gave up waiting). */
export function writeJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}, closeAfter = false): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...(closeAfter ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(body);
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
