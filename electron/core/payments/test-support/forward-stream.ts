/**
 * Child process of the forwarding crash test: opens the till on the given data directory (its processor named in
 * processor-key.json) and lets it forward the card payments it holds, printing `forwarding` when it has started and
 * `done` when nothing waits any more. It is SIGKILLed at random moments in between.
 *
 * Usage: node --import tsx forward-stream.ts <data directory>
 */
import { createTillCore } from '../../till-core';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: forward-stream.ts <data directory>');

const core = await createTillCore({
  dataDir,
  terminalId: 'T1',
  demo: false,
  // One at a time, looking again quickly: forwarding is spread over many kills.
  paymentTiming: { concurrency: 1, minBackoffMs: 20, maxBackoffMs: 100, idleMs: 50 },
});
core.onPush(({ message }) => {
  if (message.event !== 'payments.status') return;
  const { forwarding, waiting } = message.payload as { forwarding: boolean; waiting: { count: number } };
  if (forwarding) process.stdout.write('forwarding\n');
  if (waiting.count === 0) {
    process.stdout.write('done\n');
    void core.close().then(() => process.exit(0));
  }
});
