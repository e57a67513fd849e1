/** The generated validate_doc_update functions, run as CouchDB runs them: (newDoc, oldDoc, userCtx, secObj). */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeSale } from '../electron/core/sync/test-support/sale-fixtures';
import { generateCatalog } from '../shared/catalog/generate-catalog';
import { FIRST_UPLOAD_STATUSES, INITIAL_STATUSES, mayStartAs } from '../shared/payments/payment-states';
import { compileDocRule } from '../shared/sync/doc-rule';
import { managerTerminalRole, terminalRole, terminalUserName } from '../shared/sync/sync-names';
import { storeAdminRole } from './setup-backend';
import { designDoc, validateConfig, validateSource } from './validate-doc';

/** The store the functions are made for (not the default prefix, so nothing can lean on it); names derive from it. */
const PREFIX = 'shop7_';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
const validator = (collection: Parameters<typeof validateConfig>[1]): Validate =>
  vm.runInNewContext(`(${validateSource(validateConfig(PREFIX, collection))})`) as Validate;

const terminal = (id: string, manager = false) => ({
  name: terminalUserName(PREFIX, id),
  roles: manager ? [terminalRole(PREFIX), managerTerminalRole(PREFIX)] : [terminalRole(PREFIX)],
});
const security = { admins: { names: [], roles: [storeAdminRole(PREFIX)] }, members: { names: [], roles: [terminalRole(PREFIX)] } };
/** A document as a till creates it on the server: CouchDB's `_id`, no revision yet. */
const couch = <T extends { id: string }>(doc: T) => {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
};
/** The same document as the server holds it; an edit of it names this revision. */
const held = <T extends object>(doc: T) => ({ ...doc, _rev: '1-abc' });
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
const status = {
  _id: 'T1', terminalId: 'T1', updatedAt: 'a', startedAt: 'a', syncState: 'online', lastSyncedAt: '', pendingTotal: 3, pendingCapped: false,
  rejected: 0, openShiftId: '', openShiftBy: '', openShiftAt: '', lastSaleNumber: 'T1-000001', lastSaleAt: 'a',
};

describe('validate_doc_update made from the schemas', () => {
  it('is ES5, for older CouchDB builds', () => {
    for (const collection of ['sales', 'payments', 'shifts', 'products'] as const) {
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
    expect(check({ ...sale, _attachments: { 'a.txt': { data: 'eA==' } } })).toMatch(/_attachments is not a field of sales/);
    expect(check({ ...sale, _id: `T1-${'x'.repeat(62)}` })).toMatch(/_id is longer than 64/);
  });

  it('judges only creates and edits of the revision the server holds: anything else has a history it cannot check', () => {
    const validate = validator('sales');
    const by = terminal('T1');
    // new_edits=false: CouchDB hands the new leaf revision and the nearest stored ancestor, or nothing.
    expect(verdict(() => validate({ ...sale, _rev: '1-f00' }, null, by, security))).toMatch(/is not a create or an edit of the revision the server holds \(none\); it names 1-f00/);
    expect(verdict(() => validate({ ...sale, _rev: '3-f00', total: 1 }, held(sale), by, security))).toMatch(/holds \(1-abc\); it names 3-f00/);
    // An edit of a stale revision (how PouchDB-based servers show it): the same refusal, which they answer as a conflict.
    expect(verdict(() => validate({ ...sale, _rev: '1-old' }, { ...sale, _rev: '2-new' }, by, security))).toMatch(/is not a create or an edit/);
    // A write that names no revision of a document that exists is a conflict, never a change.
    expect(verdict(() => validate(sale, held(sale), by, security))).toMatch(/is not a create or an edit/);
    // A create over a deleted document, or an edit of the deletion itself, is a create.
    const deleted = { _id: sale._id, _rev: '2-del', _deleted: true };
    expect(verdict(() => validate(sale, deleted, by, security))).toBeNull();
    expect(verdict(() => validate({ ...sale, _rev: '2-del' }, deleted, by, security))).toBeNull();
    // Checked before anything else, as CouchDB refuses a stale edit before it validates: even for a stranger.
    expect(verdict(() => validate({ ...sale, _rev: '1-f00' }, null, { name: 'someone', roles: [] }, security))).toMatch(/is not a create or an edit/);
    // Server and database admins replicate as they like.
    expect(verdict(() => validate({ ...sale, _rev: '3-f00', total: 1 }, held(sale), { name: 'admin', roles: ['_admin'] }, security))).toBeNull();
    expect(verdict(() => validate({ ...sale, _rev: '3-f00', total: 1 }, held(sale), { name: 'it', roles: [storeAdminRole(PREFIX)] }, security))).toBeNull();
  });

  it('keeps sales, stock movements and audit events final, and never deleted', () => {
    const stored = held(sale);
    expect(verdict(() => validator('sales')({ ...stored, total: 1 }, stored, terminal('T1'), security))).toMatch(/final once written/);
    expect(verdict(() => validator('sales')({ ...stored }, stored, terminal('T1'), security))).toBeNull(); // a repeat is no change
    expect(verdict(() => validator('sales')({ _id: sale._id, _rev: '1-abc', _deleted: true }, stored, terminal('T1'), security))).toMatch(/never deleted/);
    const movement = held(couch(bundle.movements[0]!));
    expect(verdict(() => validator('stock_movements')({ ...movement, qtyMilli: 5 }, movement, terminal('T1'), security))).toMatch(/final/);
    const event = held(couch(bundle.audit));
    expect(verdict(() => validator('audit_events')({ ...event, type: 'nothing.happened' }, event, terminal('T1'), security))).toMatch(/final/);
  });

  it('lets a payment change only along its legal states, by its own terminal, never in what it is', () => {
    const pay = validator('payments');
    const queued = held(couch({ ...bundle.payments[0]!, method: 'card' as const, status: 'queued' as const, idempotencyKey: 'K-1', cardBrand: 'Visa', cardLast4: '4242', cardToken: 'tok', offline: true, settledAt: '' }));
    const at = (status: string, more: Record<string, unknown> = {}) => ({ ...queued, status, ...more });
    const by = terminal('T1');
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
    expect(verdict(() => pay(queued, at('declined'), by, security))).toMatch(/is declined and cannot change/);
    expect(verdict(() => pay(at('queued'), at('expired'), by, security))).toMatch(/is expired and cannot change/);
    // Never another terminal, never the amount or the card.
    expect(verdict(() => pay(at('submitting'), queued, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
    expect(verdict(() => pay(at('submitting', { amount: 1 }), queued, by, security))).toMatch(/amount cannot change/);
    expect(verdict(() => pay(at('submitting', { cardToken: 'other' }), queued, by, security))).toMatch(/cardToken cannot change/);
  });

  it('keeps a settled payment as it settled, its processor reference included', () => {
    const pay = validator('payments');
    const captured = held(couch({ ...bundle.payments[0]!, method: 'card' as const, idempotencyKey: 'K-1', reference: 'R-1', settledAt: '2026-11-28T10:00:00.000Z' }));
    const by = terminal('T1');
    expect(verdict(() => pay({ ...captured, reference: 'R-2' }, captured, by, security))).toMatch(/is captured and cannot change/);
    expect(verdict(() => pay({ ...captured, reason: 'changed my mind' }, captured, by, security))).toMatch(/is captured and cannot change/);
    // Repeating it, keys in another order, changes nothing and is no change.
    const reordered = Object.fromEntries(Object.entries(captured).reverse());
    expect(verdict(() => pay(reordered, captured, by, security))).toBeNull();
    // Before it settles, the reference goes from empty to a value once, and stays.
    const unknown = { ...captured, status: 'unknown', reference: '', settledAt: '' };
    const withReference = { ...unknown, reference: 'R-3' };
    expect(verdict(() => pay(withReference, unknown, by, security))).toBeNull();
    expect(verdict(() => pay({ ...withReference, reference: 'R-4' }, withReference, by, security))).toMatch(/reference cannot change once set/);
    expect(verdict(() => pay({ ...withReference, reference: '' }, withReference, by, security))).toMatch(/reference cannot change once set/);
  });

  it('takes a payment’s first upload in any status its kind can reach from a valid start; the till still starts them strictly', () => {
    const pay = validator('payments');
    const tender = couch({ ...bundle.payments[0]!, method: 'card' as const, status: 'queued' as const, idempotencyKey: 'K-1', offline: true, settledAt: '' });
    const by = terminal('T1');
    // Moved on while the till was offline, before its first upload.
    for (const status of ['submitting', 'declined', 'expired', 'handed_over']) expect(verdict(() => pay({ ...tender, status }, null, by, security))).toBeNull();
    expect(verdict(() => pay({ ...tender, status: 'written_off' }, null, by, security))).toMatch(/a tender cannot be written_off when first uploaded/);
    expect(verdict(() => pay({ ...tender, kind: 'collection' }, null, by, security))).toMatch(/a collection cannot be queued when first uploaded/);
    expect(FIRST_UPLOAD_STATUSES.tender).toEqual(expect.arrayContaining([...INITIAL_STATUSES.tender, 'submitting', 'declined']));
    expect(FIRST_UPLOAD_STATUSES.collection).toEqual(['captured']);
    expect(FIRST_UPLOAD_STATUSES.write_off).toEqual(['written_off']);
    expect(mayStartAs('tender', 'submitting')).toBe(false);
  });

  it('closes a shift for good, adds cash movements only at the end, and takes a shift first uploaded closed', () => {
    const shift = held({
      _id: 'T1-SHIFT1', terminalId: 'T1', openedBy: 'U1', openedAt: 'a', openingFloat: 100, openingCount: [{ value: 50, count: 2 }],
      movements: [] as object[], closedBy: '', closedAt: '', closingCount: [] as object[], countedCash: 0, expectedCash: 0, variance: 0, varianceApprovedBy: '', zNumber: 0, status: 'open',
    });
    const validate = validator('shifts');
    const by = terminal('T1');
    const movement = { id: 'T1-SHIFT1-M1', kind: 'paid_in', amount: 500, reason: 'Change from the bank', at: 'b', by: 'U1' };
    const paidIn = { ...shift, movements: [movement] };
    expect(verdict(() => validate(paidIn, shift, by, security))).toBeNull();
    const twice = { ...paidIn, movements: [movement, { ...movement, id: 'T1-SHIFT1-M2' }] };
    expect(verdict(() => validate(twice, paidIn, by, security))).toBeNull();
    expect(verdict(() => validate(shift, paidIn, by, security))).toMatch(/movements only grows/);
    expect(verdict(() => validate({ ...paidIn, movements: [{ ...movement, amount: 1 }] }, paidIn, by, security))).toMatch(/movements\[0\] cannot change/);
    const closed = { ...paidIn, closedBy: 'U1', closedAt: 'b', closingCount: [{ value: 50, count: 13 }], countedCash: 650, expectedCash: 600, variance: 50, zNumber: 1, status: 'closed' };
    expect(verdict(() => validate(closed, paidIn, by, security))).toBeNull();
    expect(verdict(() => validate({ ...closed, countedCash: 1 }, closed, by, security))).toMatch(/is closed and cannot change/);
    expect(verdict(() => validate({ ...closed, status: 'open' }, closed, by, security))).toMatch(/is closed and cannot change/);
    const { _rev: _ignored, ...closedOffline } = closed;
    expect(verdict(() => validate(closedOffline, null, by, security))).toBeNull();
    expect(verdict(() => validate({ ...shift, openingFloat: 5 }, shift, by, security))).toMatch(/openingFloat cannot change/);
    expect(verdict(() => validate({ ...shift, openingCount: [{ value: 50, count: 3 }] }, shift, by, security))).toMatch(/openingCount cannot change/);
    expect(verdict(() => validate({ ...shift, movements: [{ ...movement, kind: 'stolen' }] }, shift, by, security))).toMatch(/kind must be one of/);
    expect(verdict(() => validate(closedOffline, null, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
  });

  it('lets only the terminal named in the stored document change it, whatever the new one names', () => {
    const pay = validator('payments');
    const queued = held(couch({ ...bundle.payments[0]!, status: 'queued' as const, method: 'card' as const, idempotencyKey: 'K-1', settledAt: '' }));
    expect(verdict(() => pay({ ...queued, terminalId: 'T2', status: 'submitting' }, queued, terminal('T2'), security))).toMatch(
      `the account ${terminalUserName(PREFIX, 'T2')} may not change documents of terminal T1`,
    );
    expect(verdict(() => validator('terminal_status')({ ...held(status), terminalId: 'T2' }, held(status), terminal('T2'), security))).toMatch(/may not change documents of terminal T1/);
  });

  it('keeps ids that another till can predict for the till they name', () => {
    const by = terminal('T1');
    // A status document is the terminal's id; a tender, movement or event of another till's sale or shift is its.
    expect(verdict(() => validator('terminal_status')(status, null, by, security))).toBeNull();
    expect(verdict(() => validator('terminal_status')({ ...status, _id: 'T2' }, null, by, security))).toMatch(/must be T1/);
    const tender = couch(bundle.payments[0]!);
    expect(verdict(() => validator('payments')({ ...tender, _id: 'T2-01KB2X8ZQ4N5V7W9Y1A3C5E7G9-P1' }, null, by, security))).toMatch(/must start with T1-/);
    // A collection of another till's declined card carries that till's sale id; its tail is random.
    expect(verdict(() => validator('payments')({ ...tender, kind: 'collection', _id: 'T2-01KB2X8ZQ4N5V7W9Y1A3C5E7G9-C0123456789' }, null, by, security))).toBeNull();
    const movement = couch(bundle.movements[0]!);
    expect(verdict(() => validator('stock_movements')({ ...movement, _id: 'T2-01KB2X8ZQ4N5V7W9Y1A3C5E7G9-S1' }, null, by, security))).toMatch(/must start with T1-/);
    expect(verdict(() => validator('audit_events')({ ...couch(bundle.audit), _id: 'T2-SHIFT-Z' }, null, by, security))).toMatch(/must start with T1-/);
    expect(verdict(() => validator('sales')({ ...sale, _id: 'T10-01KB2X8ZQ4N5V7W9Y1A3C5E7G9' }, null, by, security))).toMatch(/must start with T1-/);
  });

  it('lets each terminal write only its own status document', () => {
    const validate = validator('terminal_status');
    expect(verdict(() => validate(status, null, terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate({ ...held(status), pendingTotal: 0, startedAt: 'b' }, held(status), terminal('T1'), security))).toBeNull();
    expect(verdict(() => validate(status, null, terminal('T2'), security))).toMatch(/may not write documents of terminal T1/);
    expect(verdict(() => validate({ ...held(status), terminalId: 'T2' }, held(status), terminal('T1'), security))).toMatch(/may not write documents of terminal T2/);
    expect(verdict(() => validate({ ...status, pendingTotal: -1 }, null, terminal('T1'), security))).toMatch(/pendingTotal must be at least 0/);
  });

  it('lets only manager terminals write the catalog, and admins anything', () => {
    const product = couch({ ...products[0]!, edits: 2 });
    const validate = validator('products');
    expect(verdict(() => validate(product, null, terminal('T1'), security))).toMatch(/only a manager terminal/);
    expect(verdict(() => validate(product, null, terminal('T1', true), security))).toBeNull();
    expect(verdict(() => validate({ ...held(product), price: 1 }, held(product), terminal('T2', true), security))).toBeNull();
    expect(verdict(() => validate({ _id: product._id, _rev: '1-abc', _deleted: true }, held(product), terminal('T1', true), security))).toBeNull();
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

describe('the rule in this process (compileDocRule), as the till checks what it pulls', () => {
  const rule = compileDocRule(PREFIX, 'payments');
  const writer = { name: terminalUserName(PREFIX, 'T1'), roles: [terminalRole(PREFIX)] };
  const local = couch({ ...bundle.payments[0]!, method: 'card' as const, status: 'captured' as const, idempotencyKey: 'K-1', reference: 'R-1' });

  it('judges a pulled document as an edit of the local copy when both carry the same _rev', () => {
    expect(rule({ ...local, _rev: 'local' }, { ...local, _rev: 'local' }, writer)).toBeNull();
    expect(rule({ ...local, _rev: 'local', amount: 1, status: 'queued' }, { ...local, _rev: 'local' }, writer)).toMatch(/is captured and cannot change/);
    const queued = { ...local, status: 'queued', reference: '' };
    expect(rule({ ...queued, _rev: 'local', status: 'declined' }, { ...queued, _rev: 'local' }, writer)).toBeNull();
    expect(rule({ ...queued, _rev: 'local', terminalId: 'T2' }, { ...queued, _rev: 'local' }, { name: terminalUserName(PREFIX, 'T2'), roles: [terminalRole(PREFIX)] })).toMatch(
      /may not change documents of terminal T1/,
    );
  });

  it('refuses a pulled document that does not name the local copy’s _rev, and judges one with no local copy as a create', () => {
    expect(rule({ ...local, _rev: '2-x' }, { ...local, _rev: 'local' }, writer)).toMatch(/is not a create or an edit/);
    expect(rule(local, { ...local, _rev: 'local' }, writer)).toMatch(/is not a create or an edit/);
    expect(rule(local, null, writer)).toBeNull();
    expect(rule({ ...local, kind: 'write_off' }, null, writer)).toMatch(/a write_off cannot be captured when first uploaded/);
  });
});
