/** The generated validate_doc_update functions, run as CouchDB runs them: (newDoc, oldDoc, userCtx, secObj). */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeSale } from '../electron/core/sync/test-support/sale-fixtures';
import { generateCatalog } from '../shared/catalog/generate-catalog';
import { managerTerminalRole, terminalRole, terminalUserName } from '../shared/sync/sync-names';
import { storeAdminRole } from './setup-backend';
import { designDoc, validateConfig, validateSource } from './validate-doc';

/** The store the functions are made for; account and role names below are made from it. */
const PREFIX = 'kassa_';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
const validator = (collection: Parameters<typeof validateConfig>[1]): Validate =>
  vm.runInNewContext(`(${validateSource(validateConfig(PREFIX, collection))})`) as Validate;

const terminal = (id: string, manager = false) => ({
  name: terminalUserName(PREFIX, id),
  roles: manager ? [terminalRole(PREFIX), managerTerminalRole(PREFIX)] : [terminalRole(PREFIX)],
});
const security = { admins: { names: [], roles: [storeAdminRole(PREFIX)] }, members: { names: [], roles: [terminalRole(PREFIX)] } };
const couch = <T extends { id: string }>(doc: T) => {
  const { id, ...rest } = doc;
  return { _id: id, _rev: '1-abc', ...rest };
};
/** What the function threw: its `forbidden` message, or null when it accepted the document. */
function verdict(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { forbidden?: string }).forbidden ?? `threw ${JSON.stringify(error)}`;
  }
}

const products = generateCatalog({ products: 2, seed: 1, idPrefix: 'T1' }).products;
const bundle = makeSale({ id: 'T1-01KB2X8ZQ4N5V7W9Y1A3C5E7G9', terminalId: 'T1', seq: 1, at: '2026-11-28T10:00:00.000Z', products });
const sale = couch(bundle.sale);

describe('validate_doc_update made from the schemas', () => {
  it('is ES5, for older CouchDB builds', () => {
    for (const collection of ['sales', 'products'] as const) {
      const source = validateSource(validateConfig(PREFIX, collection));
      expect(source).not.toMatch(/=>|\blet\b|\bconst\b|`|\.\.\./);
    }
    expect(designDoc(PREFIX, 'sales')).toMatchObject({ _id: '_design/kassa', language: 'javascript', kassa: { collection: 'sales' } });
  });

  it('accepts a sale from the terminal that made it and refuses it from any other account', () => {
    const validate = validator('sales');
    expect(verdict(() => validate(sale, null, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate(sale, null, terminal('T2', true), security))).toMatch(`the account ${terminalUserName(PREFIX, 'T2')} may not write documents of terminal T1`);
    expect(verdict(() => validate(sale, null, { name: 'someone', roles: [] }, security))).toMatch(/only terminals of this store/);
  });

  it('checks shape: required fields, enums, whole numbers, lengths and unknown fields', () => {
    const validate = validator('sales');
    const check = (doc: object) => verdict(() => validate(doc, null, terminal('T1'), security));
    const { total: _total, ...withoutTotal } = sale;
    expect(check(withoutTotal)).toMatch(/total is missing/);
    expect(check({ ...sale, status: 'bogus' })).toMatch(/status must be one of completed, voided/);
    expect(check({ ...sale, total: 10.5 })).toMatch(/total must be a whole number/);
    expect(check({ ...sale, lines: [{ ...sale.lines[0], qtyMilli: '1' }] })).toMatch(/lines\[0\]\.qtyMilli must be a number/);
    expect(check({ ...sale, number: 'x'.repeat(41) })).toMatch(/number is longer than 40/);
    expect(check({ ...sale, discountCode: 'X' })).toMatch(/discountCode is not a field of sales/);
    expect(check({ ...sale, _id: 'x'.repeat(65) })).toMatch(/_id is longer than 64/);
  });

  it('keeps sales, stock movements and audit events final, and payments amounts frozen', () => {
    expect(verdict(() => validator('sales')({ ...sale, total: 1 }, sale, terminal('T1'), security))).toMatch(/final once written/);
    expect(verdict(() => validator('sales')({ _id: sale._id, _rev: '1-abc', _deleted: true }, sale, terminal('T1'), security))).toMatch(/never deleted/);
    const movement = couch(bundle.movements[0]!);
    expect(verdict(() => validator('stock_movements')({ ...movement, qtyMilli: 5 }, movement, terminal('T1'), security))).toMatch(/final/);
    const payment = couch(bundle.payments[0]!);
    const pay = validator('payments');
    expect(verdict(() => pay({ ...payment, amount: payment.amount + 1 }, payment, terminal('T1'), security))).toMatch(/amount cannot change/);
    // A captured payment is final.
    expect(verdict(() => pay({ ...payment, status: 'refunded' }, payment, terminal('T1'), security))).toMatch(/status cannot change from captured to refunded/);
  });

  it('lets a payment change only along its legal states, by its own terminal, never in amount or card', () => {
    const pay = validator('payments');
    const queued = couch({ ...bundle.payments[0]!, method: 'card' as const, status: 'queued' as const, idempotencyKey: 'K-1', cardBrand: 'Visa', cardLast4: '4242', cardToken: 'tok', offline: true, settledAt: '' });
    const at = (status: string, more: Record<string, unknown> = {}) => ({ ...queued, status, ...more });
    const by = terminal('T1');
    // Created: a tender may start queued, a collection only captured, a write-off only written off.
    expect(verdict(() => pay(queued, null, by, security))).toBeNull();
    expect(verdict(() => pay(at('submitting'), null, by, security))).toMatch(/a tender cannot start as submitting/);
    expect(verdict(() => pay({ ...queued, kind: 'collection' }, null, by, security))).toMatch(/a collection cannot start as queued/);
    // Along the machine: queued → submitting → unknown → submitting → captured.
    expect(verdict(() => pay(at('submitting'), queued, by, security))).toBeNull();
    expect(verdict(() => pay(at('unknown'), at('submitting'), by, security))).toBeNull();
    expect(verdict(() => pay(at('submitting'), at('unknown'), by, security))).toBeNull();
    expect(verdict(() => pay(at('captured', { reference: 'R-1' }), at('submitting'), by, security))).toBeNull();
    // Several steps between two uploads are one upload: queued → (submitting) → captured.
    expect(verdict(() => pay(at('captured'), queued, by, security))).toBeNull();
    expect(verdict(() => pay(at('declined'), queued, by, security))).toBeNull();
    // Not back, not out of a final state, never to a status the machine cannot reach.
    expect(verdict(() => pay(at('written_off'), queued, by, security))).toMatch(/status cannot change from queued to written_off/);
    expect(verdict(() => pay(queued, at('submitting'), by, security))).toBeNull(); // unreachable: back in line
    expect(verdict(() => pay(queued, at('declined'), by, security))).toMatch(/from declined to queued/);
    expect(verdict(() => pay(at('captured'), at('declined'), by, security))).toMatch(/from declined to captured/);
    expect(verdict(() => pay(at('queued'), at('expired'), by, security))).toMatch(/from expired to queued/);
    // Never another terminal, never the amount or the card.
    expect(verdict(() => pay(at('submitting'), queued, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
    expect(verdict(() => pay(at('submitting', { amount: 1 }), queued, by, security))).toMatch(/amount cannot change/);
    expect(verdict(() => pay(at('submitting', { cardToken: 'other' }), queued, by, security))).toMatch(/cardToken cannot change/);
  });

  it('leaves a write that names no revision of a held document to the conflict answer', () => {
    // CouchDB refuses such a write as a conflict before it validates; a PouchDB server validates first.
    const { _rev: _ignored, ...retried } = sale;
    expect(verdict(() => validator('sales')(retried, sale, terminal('T1'), security))).toBeNull();
    // With a revision it is a change, and a sale is final; a deleted old version does not count as held.
    expect(verdict(() => validator('sales')({ ...retried, _rev: '1-abc', total: 1 }, sale, terminal('T1'), security))).toMatch(/final once written/);
    expect(verdict(() => validator('sales')({ ...retried, total: 1.5 }, { ...sale, _deleted: true }, terminal('T1'), security))).toMatch(/whole number/);
  });

  it('closes a shift for good', () => {
    // Changes name the revision they change, as every update does.
    const shift = {
      _id: 'T1-SHIFT1', _rev: '1-abc', terminalId: 'T1', openedBy: 'U1', openedAt: 'a', openingFloat: 100, openingCount: [{ value: 50, count: 2 }],
      movements: [], closedBy: '', closedAt: '', closingCount: [], countedCash: 0, expectedCash: 0, variance: 0, varianceApprovedBy: '', zNumber: 0, status: 'open',
    };
    const validate = validator('shifts');
    const paidIn = { ...shift, movements: [{ id: 'T1-SHIFT1-M1', kind: 'paid_in', amount: 500, reason: 'Change from the bank', at: 'b', by: 'U1' }] };
    expect(verdict(() => validate(paidIn, shift, terminal('T1'), security))).toBeNull();
    const closed = { ...paidIn, closedBy: 'U1', closedAt: 'b', closingCount: [{ value: 50, count: 13 }], countedCash: 650, expectedCash: 600, variance: 50, zNumber: 1, status: 'closed' };
    expect(verdict(() => validate(closed, paidIn, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate({ ...closed, countedCash: 1 }, closed, terminal('T1'), security))).toMatch(/is closed and cannot change/);
    expect(verdict(() => validate({ ...shift, openingFloat: 5 }, shift, terminal('T1'), security))).toMatch(/openingFloat cannot change/);
    expect(verdict(() => validate({ ...shift, openingCount: [{ value: 50, count: 3 }] }, shift, terminal('T1'), security))).toMatch(/openingCount cannot change/);
    expect(verdict(() => validate({ ...shift, movements: [{ ...paidIn.movements[0], kind: 'stolen' }] }, shift, terminal('T1'), security))).toMatch(/kind must be one of/);
    expect(verdict(() => validate(shift, null, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
  });

  it('lets each terminal write only its own status document', () => {
    const status = {
      _id: 'T1', terminalId: 'T1', updatedAt: 'a', startedAt: 'a', syncState: 'online', lastSyncedAt: '', pendingTotal: 3, pendingCapped: false,
      rejected: 0, openShiftId: '', openShiftBy: '', openShiftAt: '', lastSaleNumber: 'T1-000001', lastSaleAt: 'a',
    };
    const validate = validator('terminal_status');
    expect(verdict(() => validate(status, null, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate({ ...status, _rev: '1-a', pendingTotal: 0 }, { ...status, _rev: '1-a' }, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate(status, null, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
    expect(verdict(() => validate({ ...status, _rev: '1-a', terminalId: 'T2' }, { ...status, _rev: '1-a' }, terminal('T2'), security))).toMatch(/terminalId cannot change/);
    expect(verdict(() => validate({ ...status, pendingTotal: -1 }, null, terminal('T1'), security))).toMatch(/pendingTotal must be at least 0/);
  });

  it('lets only manager terminals write the catalog, and admins anything', () => {
    const product = couch({ ...products[0]!, edits: 2 });
    const validate = validator('products');
    expect(verdict(() => validate(product, null, terminal('T1'), security))).toMatch(/only a manager terminal/);
    expect(verdict(() => validate(product, null, terminal('T1', true), security))).toBeNull();
    expect(verdict(() => validate({ _id: product._id, _rev: '2-x', _deleted: true }, product, terminal('T1', true), security))).toBeNull();
    expect(verdict(() => validate({ ...product, price: 'free' }, null, { name: 'admin', roles: ['_admin'] }, security))).toBeNull();
    expect(verdict(() => validate({ ...sale, bogus: 1 }, null, { name: 'it', roles: [storeAdminRole(PREFIX)] }, security))).toBeNull();
  });

  it('accepts the demo seed documents from manager terminals only', () => {
    const opening = { _id: 'DEMO-P000001-OPEN', productId: 'DEMO-P000001', terminalId: 'DEMO', qtyMilli: 24000, reason: 'receipt', refId: 'DEMO-OPENING-STOCK', createdAt: '2026-03-01T08:00:00.000Z', note: 'Opening stock', userId: 'seed' };
    const validate = validator('stock_movements');
    expect(verdict(() => validate(opening, null, terminal('T2', true), security))).toBeNull();
    expect(verdict(() => validate(opening, null, terminal('T2'), security))).toMatch(/may not write documents of terminal DEMO/);
  });

  it('accepts the stock reasons of v1 (damaged, count) with a note and a user, and refuses others or a v0 shape', () => {
    const movement = { _id: 'T1-01KB2X8ZQ4N5V7W9Y1A3C5E7G9', productId: 'P1', terminalId: 'T1', qtyMilli: -2000, reason: 'damaged', refId: 'T1-01KB2X8ZQ4N5V7W9Y1A3C5E7G9', createdAt: '2026-03-01T08:00:00.000Z', note: 'Dropped', userId: 'U2' };
    const validate = validator('stock_movements');
    for (const reason of ['damaged', 'count', 'receipt']) expect(verdict(() => validate({ ...movement, reason }, null, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate({ ...movement, reason: 'stolen' }, null, terminal('T1'), security))).toMatch(/reason must be one of/);
    const { note: _note, ...withoutNote } = movement;
    expect(verdict(() => validate(withoutNote, null, terminal('T1'), security))).toMatch(/note/);
  });
});
