/**
 * `npm start`'s sync server step when its port is held by something that is not a CouchDB: it says so within a
 * bounded time and never starts a second server there (npm start then runs the till without it).
 */
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../electron/core/test-support/temp-till';
import { ensureDevServer } from './dev-server';

const spawned = vi.hoisted(() => ({ commands: [] as string[][] }));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  const spawn = ((command: string, args: readonly string[], ...rest: unknown[]) => {
    spawned.commands.push([command, ...args]);
    return (actual.spawn as (...a: unknown[]) => unknown)(command, args, ...rest);
  }) as typeof actual.spawn;
  return { ...actual, spawn, default: { ...actual, spawn } };
});

const dirs = [makeTempDir('kassa-devserver-'), makeTempDir('kassa-devserver-till-')];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded sync server step of npm start', () => {
  it('leaves a port held by something else alone, and says so within seconds', async () => {
    const sockets = new Set<Socket>();
    const holder = createServer((socket) => sockets.add(socket));
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };
    try {
      const started = Date.now();
      await expect(
        ensureDevServer({ port, dataDir: dirs[0]!, prefix: 'kassa_', terminalId: 'T1', tillDataDir: dirs[1]!, say: () => undefined }),
      ).rejects.toThrow(`something else holds 127.0.0.1:${port}`);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(spawned.commands).toEqual([]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
