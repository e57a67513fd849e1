/** The ledger file itself: settings that make a commit durable, rows that read back whole, one row per key. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../shared/payments/processor-api';
import { openLedger, type NewLedgerEntry } from './ledger';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kassa-ledger-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const approved = (key: string, reference: string): NewLedgerEntry => ({
  idempotencyKey: key,
  kind: 'payment',
  terminalId: 'T1',
  amount: 1299,
  currency: 'EUR',
  card: TEST_CARDS.approve,
  offline: true,
  takenAt: '2025-03-01T10:00:00.000Z',
  paymentReference: null,
  paymentIdempotencyKey: null,
  receivedAt: '2025-03-01T10:05:00.000Z',
  answerText: JSON.stringify({ kind: 'payment', status: 'approved', idempotencyKey: key, reference, amount: 1299, currency: 'EUR', at: '2025-03-01T10:05:00.000Z' }),
});

describe('the ledger', () => {
  it('commits in WAL mode with synchronous=FULL', () => {
    const ledger = openLedger(dataDir);
    expect(ledger.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    ledger.close();
  });

  it('reads a row back whole after a reopen, answer bytes included', () => {
    const first = openLedger(dataDir);
    const recorded = first.record(approved('K1', 'pay_1'));
    first.close();
    const again = openLedger(dataDir);
    expect(again.byKey('K1')).toEqual(recorded);
    expect(again.approvedPayment('pay_1')?.idempotencyKey).toBe('K1');
    again.close();
  });

  it('holds one row per idempotency key, even from a second connection', () => {
    const a = openLedger(dataDir);
    const b = openLedger(dataDir);
    a.record(approved('K1', 'pay_1'));
    expect(() => b.transaction(() => b.record(approved('K1', 'pay_2')))).toThrow(/UNIQUE/);
    expect(b.entries()).toHaveLength(1);
    a.close();
    b.close();
  });

  it('refuses an answer about another key', () => {
    const ledger = openLedger(dataDir);
    expect(() => ledger.record({ ...approved('K1', 'pay_1'), idempotencyKey: 'K2' })).toThrow(/not about that key/);
    expect(ledger.entries()).toEqual([]);
    ledger.close();
  });
});
