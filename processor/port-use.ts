/**
 * Whether something listens on 127.0.0.1:<port>, asked before a launcher starts a server there: a second server on a
 * port in use fails (EADDRINUSE), and with it whatever waited for it.
 */
import { connect } from 'node:net';

export type PortUse = 'free' | 'taken';

/**
 * `free` only when the connection is refused outright. A connection accepted, an error of another kind, or no verdict
 * within `timeoutMs` count as `taken`: in doubt, the launcher leaves the port alone.
 */
export function portUse(port: number, timeoutMs = 1_000): Promise<PortUse> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const settle = (use: PortUse) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(use);
    };
    const timer = setTimeout(() => settle('taken'), timeoutMs);
    socket.once('connect', () => settle('taken'));
    socket.once('error', (error: NodeJS.ErrnoException) => settle(error.code === 'ECONNREFUSED' ? 'free' : 'taken'));
  });
}
