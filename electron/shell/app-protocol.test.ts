import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath, serveAppRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const ROOT = '/opt/kassa/dist/renderer';

describe('resolveAppPath', () => {
  it('maps app URLs onto files in the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://kassa/')).toMatchObject({ kind: 'file', filePath: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://kassa/assets/index-abc.js?v=1#x')).toMatchObject({
      kind: 'file',
      filePath: `${ROOT}/assets/index-abc.js`,
    });
    expect(resolveAppPath(ROOT, 'app://kassa/assets/My%20Font.woff2')).toMatchObject({
      filePath: `${ROOT}/assets/My Font.woff2`,
    });
  });

  it('keeps dot segments inside the folder (the URL parser folds them before we see the path)', () => {
    for (const url of ['app://kassa/../../etc/passwd', 'app://kassa/assets/%2e%2e/%2E%2E/etc/passwd', 'app://kassa/./a/../b.js']) {
      const resolved = resolveAppPath(ROOT, url);
      expect(resolved.kind, url).toBe('file');
      if (resolved.kind === 'file') expect(resolved.filePath.startsWith(`${ROOT}/`), url).toBe(true);
    }
  });

  it('refuses encoded separators, NULs, drive letters and foreign URLs', () => {
    for (const url of [
      'app://kassa/..%2f..%2fetc%2fpasswd',
      'app://kassa/assets/..%2F..%2F..%2Fetc/passwd',
      'app://kassa/..%5c..%5cwindows%5cwin.ini',
      'app://kassa/C:%5Cwindows%5Cwin.ini',
      'app://kassa/c%3a/windows/win.ini',
      'app://kassa/index.html%00.png',
      'app://kassa/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://kassa/index.html',
    ]) {
      expect(resolveAppPath(ROOT, url).kind, url).toBe('refused');
    }
  });
});

describe('serveAppRequest', () => {
  let base: string;
  let root: string;
  const quiet = { warn: () => {}, error: () => {} };
  const serve = (url: string, method = 'GET') =>
    serveAppRequest({ url, method }, { rendererRoot: root, readFile: (p) => readFile(p), log: quiet });

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'kassa-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kassa</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves files with their type and the CSP', async () => {
    const response = await serve('app://kassa/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(new TextDecoder().decode(response.body!)).toBe('console.log(1)');
  });

  it('serves the app shell for client-side routes, but 404s missing assets', async () => {
    const route = await serve('app://kassa/checkout');
    expect(route.status).toBe(200);
    expect(new TextDecoder().decode(route.body!)).toContain('<title>Kassa</title>');
    expect((await serve('app://kassa/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    expect(readFileSync(path.join(root, '..', 'secret.txt'), 'utf8')).toBe('do not serve');
    for (const url of ['app://kassa/..%2fsecret.txt', 'app://kassa/../secret.txt', 'app://kassa/assets/..%2F..%2Fsecret.txt']) {
      const response = await serve(url);
      expect(new TextDecoder().decode(response.body ?? new Uint8Array()), url).not.toContain('do not serve');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serve('app://kassa/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await serve('app://kassa/index.html', 'POST')).status).toBe(405);
  });

  it('reports unreadable files as a server error, not as missing', async () => {
    const errors: unknown[] = [];
    const response = await serveAppRequest(
      { url: 'app://kassa/index.html', method: 'GET' },
      {
        rendererRoot: root,
        readFile: () => Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })),
        log: { warn: () => {}, error: (message, context) => errors.push([message, context]) },
      },
    );
    expect(response.status).toBe(500);
    expect(errors).toHaveLength(1);
  });
});

describe('contentTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/blob')).toBe('application/octet-stream');
  });
});
