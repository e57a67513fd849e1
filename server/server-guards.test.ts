/** The start-up gate of the guards, on a real HTTP server (express) with a stand-in behind it. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuards } from './server-guards';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function serve(ready: () => boolean): Promise<string> {
  const app = express();
  let selfUrl = '';
  app.use(createGuards({ selfUrl: () => selfUrl, adminAuthorization: 'Basic YWRtaW46cHc=', onError: () => undefined, ready }));
  app.use((_req, res) => void res.json({ couchdb: 'Welcome' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => server.close());
  selfUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return selfUrl;
}

describe('while the server sets the store up', () => {
  it('serves only its admin and asks everyone else to come back (503), then serves everyone', async () => {
    let ready = false;
    const url = await serve(() => ready);
    const early = await fetch(`${url}_up`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(await early.json()).toEqual({ error: 'service_unavailable', reason: 'The sync server is starting; try again in a moment.' });
    expect((await fetch(`${url}_up`, { headers: { authorization: 'Basic YWRtaW46cHc=' } })).status).toBe(200);
    expect((await fetch(`${url}_session`, { method: 'POST' })).status).toBe(503);
    ready = true;
    expect((await fetch(`${url}_up`)).status).toBe(200);
  });
});
