/**
 * Child process of the shift crash test: opens a till on the given data directory, logs the clerk in, opens a
 * shift when none is open, and records paid-in after paid-in, printing `moved <movement id>` after each one the
 * till answered, until it is killed (or `count` are done).
 *
 * Usage: node --import tsx cash-stream.ts <data directory> <count>
 */
import { createTillCore } from '../../till-core';

const CHANNEL = 'stream';

async function main(): Promise<void> {
  const [dataDir, countArg] = process.argv.slice(2);
  if (!dataDir || !countArg) throw new Error('usage: cash-stream.ts <data directory> <count>');
  const core = await createTillCore({ dataDir, terminalId: 'T1', demo: false });
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatch(CHANNEL, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  await call('auth.login', { username: 'clara', secret: '1234' });
  const desk = (await call('shifts.current', {})) as { shift: unknown };
  if (!desk.shift) await call('shifts.open', { counts: [{ value: 1000, count: 10 }] });
  for (let i = 0; i < Number(countArg); i++) {
    const shift = (await call('shifts.cashMovement', { kind: 'paid_in', amount: 100 + i, reason: `Top-up ${i}` })) as { movements: { id: string }[] };
    process.stdout.write(`moved ${shift.movements.at(-1)!.id}\n`);
  }
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
