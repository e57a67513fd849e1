/** The embedded server's long poll, against a scripted database. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { longpollChanges } from './longpoll-changes';

describe('the long poll', () => {
  it('starts no live feed for a client that left while the changes were read', async () => {
    let answerFirstRead!: (page: unknown) => void;
    let firstReadAsked!: () => void;
    const firstRead = new Promise<void>((resolve) => (firstReadAsked = resolve));
    let liveFeeds = 0;
    class ScriptedDb {
      changes(options: { live?: boolean }) {
        if (options.live) {
          liveFeeds += 1;
          return { on: () => undefined, cancel: () => undefined };
        }
        firstReadAsked();
        return new Promise((resolve) => (answerFirstRead = resolve));
      }
    }
    const app = express();
    app.use((_req, res, next) => {
      res.locals.kassaDatabaseExists = true;
      next();
    });
    let left!: () => void;
    const clientLeft = new Promise<void>((resolve) => (left = resolve));
    app.get('/:db/_changes', (req, res, next) => {
      res.once('close', left);
      next();
    });
    app.get('/:db/_changes', longpollChanges(ScriptedDb));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const abort = new AbortController();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kassa_sales/_changes?feed=longpoll&since=5&heartbeat=10`;
      const request = fetch(url, { signal: abort.signal }).catch(() => null);
      await firstRead;
      abort.abort();
      await Promise.all([request, clientLeft]);
      answerFirstRead({ results: [], last_seq: 5 });
      // The handler goes on from the read in promise callbacks only; all of them have run before the next macrotask.
      await new Promise((resolve) => setImmediate(resolve));
      expect(liveFeeds).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
