/**
 * Test helper: a TCP proxy in front of the sync server that a test can switch off and on, like pulling a
 * terminal's network cable. Off: open connections are cut and new ones are reset at once.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface NetworkSwitch {
  /** The proxied server address, ending in '/'. */
  url: string;
  setOnline(online: boolean): void;
  close(): Promise<void>;
}

export async function createNetworkSwitch(target: string, online = true): Promise<NetworkSwitch> {
  const targetUrl = new URL(target);
  const sockets = new Set<net.Socket>();
  let isOnline = online;
  const server = net.createServer((client) => {
    if (!isOnline) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(targetUrl.port || 80), targetUrl.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const path = targetUrl.pathname.endsWith('/') ? targetUrl.pathname : `${targetUrl.pathname}/`;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    setOnline(next) {
      isOnline = next;
      if (!next) for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
