/** The pull guard against a real store: what a pulled revision may change of the copy a till holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import type { PaymentDoc, ProductDoc, ShiftDoc } from '../../../shared/model';
import { openDatabase, type KassaDatabase } from '../db/open-database';
import { makeTempDir } from '../test-support/temp-till';
import { createPullGuard, type RefusedRevision } from './pull-guard';
import { makeSale } from './test-support/sale-fixtures';
import { rmSync } from 'node:fs';

const PREFIX = 'kassa_tguard_';
const HERE = 'T1';
let db: KassaDatabase;
let dataDir: string;
const refused: RefusedRevision[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  db = await openDatabase({ dataDir });
});
afterAll(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const guard = (collection: Parameters<typeof createPullGuard>[0]['collection']) =>
  createPullGuard({ db, collection, prefix: PREFIX, terminalId: HERE, onRefused: (r) => refused.push(r) });
/** The document as the server's changes feed sends it. */
const couch = <T extends { id: string }>(doc: T, rev = '2-abc') => {
  const { id, ...rest } = doc;
  return { _id: id, _rev: rev, ...rest } as Record<string, unknown>;
};

const products = generateCatalog({ products: 2, seed: 7, idPrefix: 'T1' }).products;
const cardPayment = (terminalId: string, seq: number, status: PaymentDoc['status']): PaymentDoc => {
  const bundle = makeSale({ id: `${terminalId}-01KB2X8ZQ4N5V7W9Y1A3C5E7${String(seq).padStart(2, '0')}`, terminalId, seq, at: '2026-12-01T10:00:00.000Z', products });
  return { ...bundle.payments[0]!, method: 'card', status, offline: true, idempotencyKey: `${bundle.sale.id}-P1-K`, cardBrand: 'Visa', cardLast4: '4242', cardToken: 'tok', settledAt: '' };
};

describe('the pull guard', () => {
  it('never replaces a payment of this till it holds: an older copy sent back (submitting after declined) is not taken', async () => {
    const declined = { ...cardPayment(HERE, 1, 'declined'), reason: 'Do not honour' };
    await db.payments.insert(declined);
    const olderCopy = couch({ ...declined, status: 'submitting', reason: '', attempts: 1 });
    refused.length = 0;
    // Nor an equal one: rxdb would write it later, over whatever the till wrote meanwhile.
    expect(await guard('payments')([olderCopy, couch(declined)])).toEqual([false, false]);
    // Its own document coming back is not news: nothing reported.
    expect(refused).toEqual([]);
  });

  it('reports a copy of this till\u2019s own document that it never wrote (rewritten on the server), and keeps its own', async () => {
    const { sale } = makeSale({ id: 'T1-01KB2X8ZQ4N5V7W9Y1A3C5E701', terminalId: HERE, seq: 1, at: '2026-12-01T09:00:00.000Z', products });
    await db.sales.insert(sale);
    const captured = { ...cardPayment(HERE, 4, 'captured'), reference: 'PSP-4', settledAt: '2026-12-01T10:00:01.000Z' };
    await db.payments.insert(captured);
    refused.length = 0;
    expect(await guard('sales')([couch({ ...sale, total: 1 })])).toEqual([false]);
    expect(await guard('payments')([couch({ ...captured, amount: 1, status: 'queued' })])).toEqual([false]);
    expect(refused.map((r) => [r.collection, r.reason])).toEqual([
      ['sales', expect.stringMatching(/differs from this till's own copy/)],
      ['payments', expect.stringMatching(/differs from this till's own copy/)],
    ]);
  });

  it('takes a document of this till it does not hold (a store rebuilt from the server), when the rule allows it', async () => {
    const lost = cardPayment(HERE, 2, 'captured');
    expect(await guard('payments')([couch({ ...lost, reference: 'PSP-1' })])).toEqual([true]);
  });

  it('takes another terminal\u2019s payment moving on along its states, and refuses one going back or changing its amount', async () => {
    const queued = cardPayment('T2', 3, 'queued');
    await db.payments.insert(queued);
    refused.length = 0;
    const verdicts = await guard('payments')([
      couch({ ...queued, status: 'declined', reason: 'Do not honour' }),
      couch({ ...queued, amount: 1 }),
    ]);
    expect(verdicts).toEqual([true, false]);
    expect(refused).toMatchObject([{ collection: 'payments', id: queued.id, reason: expect.stringMatching(/amount cannot change/) }]);

    await db.payments.upsert({ ...queued, status: 'captured', reference: 'PSP-9', settledAt: '2026-12-01T10:01:00.000Z' });
    refused.length = 0;
    expect(await guard('payments')([couch({ ...queued, status: 'queued' })])).toEqual([false]);
    expect(refused[0]?.reason).toMatch(/is captured and cannot change/);
  });

  it('refuses a sale of another terminal rewritten on the server, and one claiming another terminal\u2019s name', async () => {
    const { sale } = makeSale({ id: 'T2-01KB2X8ZQ4N5V7W9Y1A3C5E799', terminalId: 'T2', seq: 9, at: '2026-12-01T11:00:00.000Z', products });
    await db.sales.insert(sale);
    refused.length = 0;
    expect(await guard('sales')([couch(sale), couch({ ...sale, total: 1 }), couch({ ...sale, terminalId: 'T3' })])).toEqual([false, false, false]);
    expect(refused.map((r) => r.reason)).toEqual([expect.stringMatching(/final once written/), expect.stringMatching(/may not change documents of terminal T2/)]);
  });

  it('refuses a document that breaks the schema, or a deleted sale, even when the till holds no copy', async () => {
    const { sale } = makeSale({ id: 'T2-01KB2X8ZQ4N5V7W9Y1A3C5E800', terminalId: 'T2', seq: 10, at: '2026-12-01T12:00:00.000Z', products });
    const { total: _t, ...withoutTotal } = sale;
    expect(await guard('sales')([couch(withoutTotal as typeof sale), { _id: sale.id, _rev: '2-x', _deleted: true }, couch(sale)])).toEqual([false, false, true]);
  });

  it('keeps a closed shift of another terminal closed', async () => {
    const shift: ShiftDoc = {
      id: 'T2-SHIFT-1',
      terminalId: 'T2',
      openedBy: 'U1',
      openedAt: '2026-12-01T08:00:00.000Z',
      openingFloat: 10_000,
      openingCount: [],
      movements: [],
      closedBy: 'U1',
      closedAt: '2026-12-01T18:00:00.000Z',
      closingCount: [],
      countedCash: 10_000,
      expectedCash: 10_000,
      variance: 0,
      varianceApprovedBy: '',
      zNumber: 4,
      status: 'closed',
    };
    await db.shifts.insert(shift);
    expect(await guard('shifts')([couch({ ...shift, countedCash: 5_000, variance: -5_000 })])).toEqual([false]);
  });

  it('takes the catalog version the conflict rule picks: more edits, not fewer', async () => {
    const product: ProductDoc = { ...(products[0] as ProductDoc), edits: 5 };
    await db.products.insert(product);
    expect(await guard('products')([couch({ ...product, price: 1, edits: 4 }), couch({ ...product, price: 2, edits: 6 })])).toEqual([false, true]);
  });
});
