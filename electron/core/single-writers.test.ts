/**
 * One writer per collection that moves money or proves something: copies of such code drift (ours did once). This
 * reads the till core's sources and fails when a write to one of these collections appears outside its owner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = path.dirname(fileURLToPath(import.meta.url));

/** Collection → the files (relative to electron/core) that may write it. */
const OWNERS: Record<string, string[]> = {
  audit_events: ['services/audit-log.ts'],
  local_state: ['services/local-state.ts'],
  sales: ['selling/sale-book.ts'],
  payments: ['payments/payment-ledger.ts'],
  // The demo seed writes the demo catalog's opening stock into an empty store.
  stock_movements: ['selling/sale-book.ts', 'services/demo-data.ts'],
  users: ['services/users-store.ts', 'services/demo-data.ts'],
  shifts: ['shifts/shift-desk.ts'],
  terminal_status: ['reports/terminal-status.ts'],
  // The demo seed fills an empty store's catalog; every later change goes through the product book.
  products: ['catalog/product-book.ts', 'services/demo-data.ts'],
  categories: ['catalog/product-book.ts', 'services/demo-data.ts'],
};

const WRITE = /\.(insert|bulkInsert|upsert|bulkUpsert|incrementalUpsert|bulkRemove)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** `file:line` of every statement that writes `collection` through `db.<collection>.<write>(` or a held document. */
function writesOf(collection: string): string[] {
  const found: string[] = [];
  for (const file of sources(CORE)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.includes(`.${collection}.`) && WRITE.test(line)) found.push(`${path.relative(CORE, file)}:${i + 1}`);
    });
  }
  return found;
}

describe('one writer per collection', () => {
  for (const [collection, owners] of Object.entries(OWNERS)) {
    it(`${collection} is written only by ${owners.join(' and ')}`, () => {
      const strangers = writesOf(collection).filter((at) => !owners.includes(at.split(':')[0]!));
      expect(strangers).toEqual([]);
    });
  }

  it('finds the owners\u2019 own writes (so an empty list above means something)', () => {
    for (const collection of ['audit_events', 'local_state', 'sales', 'payments', 'shifts', 'terminal_status', 'products', 'categories']) expect(writesOf(collection).length).toBeGreaterThan(0);
  });
});
