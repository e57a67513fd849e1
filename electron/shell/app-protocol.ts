/**
 * Serves the built renderer for the app:// scheme. Pure apart from the injected `readFile`, so the path rules
 * (nothing outside the renderer folder, however the URL is encoded) are tested in plain Node.
 */
import path from 'node:path';
import { isAppUrl } from './app-origin';
import { SECURITY_HEADERS } from './content-security-policy';
import type { ShellLog } from './shell-log';

export type AppPath =
  | { kind: 'file'; filePath: string; segments: string[] }
  | { kind: 'refused'; reason: string };

/** Characters no file of ours has in its name, and that could step out of the folder on some platform. */
const UNSAFE_SEGMENT = /[/\\:\0]/;

/** Map an app:// URL onto a file under `rendererRoot`, or refuse it. Query and fragment are ignored. */
export function resolveAppPath(rendererRoot: string, requestUrl: string): AppPath {
  if (!isAppUrl(requestUrl)) return { kind: 'refused', reason: 'not an app URL' };
  const segments: string[] = [];
  for (const raw of new URL(requestUrl).pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'bad percent-encoding' };
    }
    // The URL parser already folds plain and %2e dot segments; an encoded slash can still smuggle one in.
    if (segment === '.' || segment === '..' || UNSAFE_SEGMENT.test(segment)) {
      return { kind: 'refused', reason: `unsafe path segment ${JSON.stringify(segment)}` };
    }
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'refused', reason: 'outside the renderer folder' };
  }
  return { kind: 'file', filePath, segments };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

export interface ServeAppOptions {
  rendererRoot: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
  log?: ShellLog;
}

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export async function serveAppRequest(
  request: { url: string; method: string },
  { rendererRoot, readFile, log = console }: ServeAppOptions,
): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const resolved = resolveAppPath(rendererRoot, request.url);
  if (resolved.kind === 'refused') {
    log.warn('Refused an app:// request', { url: request.url, reason: resolved.reason });
    return plain(404, 'Not found');
  }
  let filePath = resolved.filePath;
  let body = await readIfPresent(readFile, filePath, log);
  // Screens are client-side routes: a path without a file extension gets the app shell.
  const last = resolved.segments[resolved.segments.length - 1] ?? '';
  if (body === undefined && !last.includes('.')) {
    filePath = path.resolve(rendererRoot, 'index.html');
    body = await readIfPresent(readFile, filePath, log);
  }
  if (body === undefined) return plain(404, 'Not found');
  if (body === null) return plain(500, 'Could not read the file');
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(filePath), 'Cache-Control': 'no-cache' },
    body: request.method === 'HEAD' ? null : body,
  };
}

/** The file's bytes; undefined when there is no such file; null when it exists but could not be read. */
async function readIfPresent(
  readFile: ServeAppOptions['readFile'],
  filePath: string,
  log: ShellLog,
): Promise<Uint8Array | null | undefined> {
  try {
    return await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code && MISSING_FILE_CODES.has(code)) return undefined;
    log.error('Cannot read a renderer file', { filePath, error });
    return null;
  }
}

function plain(status: number, text: string): AppResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(text),
  };
}
