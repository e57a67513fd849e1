/**
 * Child process of the durability test: writes batches to the SQLite storage and prints `committed <n>` after each
 * bulkWrite resolved, until it is killed. It continues from the last batch already on disk, so the test can kill
 * it, restart it, and kill it again.
 *
 * Usage: node --import tsx durability-writer.ts <directory> <docs per batch>
 */
import { getRxStorageSQLite } from '../sqlite-storage';
import { durabilityInstance, ledgerDoc, MAX_BATCHES, receiptDoc } from './durability-schema';

async function main(): Promise<void> {
  const [directory, perBatchArg] = process.argv.slice(2);
  if (!directory || !perBatchArg) throw new Error('usage: durability-writer.ts <directory> <docs per batch>');
  const perBatch = Number(perBatchArg);
  const instance = await durabilityInstance(getRxStorageSQLite({ directory }));
  const [ledger] = await instance.findDocumentsById(['ledger'], true);
  let previous = ledger;
  for (let batch = (ledger?.lastBatch ?? -1) + 1; batch < MAX_BATCHES; batch++) {
    const receipts = Array.from({ length: perBatch }, (_, i) => ({ document: receiptDoc(batch, i) }));
    const next = ledgerDoc(batch, previous);
    // The ledger update and the receipts share one bulkWrite: on disk they must be all there or all absent.
    const result = await instance.bulkWrite([{ previous, document: next }, ...receipts], `batch-${batch}`);
    if (result.error.length > 0) throw new Error(`batch ${batch} failed: ${JSON.stringify(result.error[0])}`);
    previous = next;
    process.stdout.write(`committed ${batch}\n`);
  }
  await instance.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
