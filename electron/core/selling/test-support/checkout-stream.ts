/**
 * Child process of the crash test: opens a till on the given data directory, logs the clerk in and checks out
 * sale after sale, printing `sold <receipt number>` after each checkout answered, until it is killed (or `count`
 * sales are done). Every third sale is paid by card, the others in cash.
 *
 * Usage: node --import tsx checkout-stream.ts <data directory> <count>
 */
import { createTillCore } from '../../till-core';
import { BREAD, COFFEE } from './selling-till';

const CHANNEL = 'stream';

async function main(): Promise<void> {
  const [dataDir, countArg] = process.argv.slice(2);
  if (!dataDir || !countArg) throw new Error('usage: checkout-stream.ts <data directory> <count>');
  const core = await createTillCore({ dataDir, terminalId: 'T1', demo: false });
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatch(CHANNEL, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  await call('auth.login', { username: 'clara', secret: '1234' });
  // The previous run may have been killed with items in the cart: each sale here is one coffee and one bread.
  await call('cart.clear', {});
  for (let i = 0; i < Number(countArg); i++) {
    await call('cart.scan', { code: COFFEE.barcode });
    const cart = await call('cart.scan', { code: BREAD.barcode });
    const total = cart.total as number;
    const tenders = i % 3 === 2 ? [{ method: 'card', amount: total }] : [{ method: 'cash', amount: 5000 }];
    const paid = await call('checkout.pay', { cartRevision: cart.revision, tenders });
    process.stdout.write(`sold ${(paid.receipt as { number: string }).number}\n`);
  }
  await core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
