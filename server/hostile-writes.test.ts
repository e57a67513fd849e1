/**
 * Terminal accounts tried as a hostile till would try them, against the store's real rules on a real server: the
 * embedded server by default, Apache CouchDB when KASSA_TEST_COUCH_URL is set (both set up by server:setup's code).
 * Every way of writing we know of — new_edits=false with an unrelated revision or a branch from an older one,
 * conflicting branches, `?rev=` and `If-Match`, COPY, all_or_nothing, deletes, `_purge`, `_revs_limit`, `_security`,
 * design documents, attachments, accounts, ids another till will need — against every kind of collection, as the
 * owning terminal, another terminal, a manager terminal and nobody. A refused write must leave what the server holds
 * exactly as it was; every write a till makes must still pass, and a race must still come back as a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSale, type SaleBundle } from '../electron/core/sync/test-support/sale-fixtures';
import { startSyncBackend, type SyncBackend } from '../electron/core/sync/test-support/sync-harness';
import { generateCatalog } from '../shared/catalog/generate-catalog';
import { createIdFactory } from '../shared/ids';
import { terminalUserName, type ReplicatedCollection } from '../shared/sync/sync-names';
import { outcome, StoreClient, type Answer, type Doc } from './test-support/store-client';
import { AT, branchFrom, cardPayment, CLOSING, couch, openShift, paidIn, terminalStatus, unrelatedRevision } from './test-support/store-docs';
import { DESIGN_DOC_ID } from './validate-doc';

type Server = 'couch' | 'embedded';
const SERVER: Server = process.env.KASSA_TEST_COUCH_URL ? 'couch' : 'embedded';
const SERVER_NAME = SERVER === 'couch' ? 'Apache CouchDB' : 'the embedded server';

let backend: SyncBackend;
let store: StoreClient;

const T1_ID = createIdFactory('T1');
const T2_ID = createIdFactory('T2');
const products = generateCatalog({ products: 2, seed: 7, idPrefix: 'M1' }).products;

/** The documents under attack, written by their own tills the way tills write them (so their histories are real). */
interface Victims {
  sale: SaleBundle;
  /** A card payment that went queued → submitting → captured: `queuedRev` is its first revision. */
  captured: Doc;
  queuedRev: string;
  /** A card payment still queued. */
  queued: Doc;
  /** A shift closed after it opened (`openRev`), and one still open with one paid-in. */
  closedShift: Doc;
  openRev: string;
  openShift: Doc;
  status: Doc;
  product: Doc;
  /** T2's sale, whose derived documents' ids T1 can predict. */
  t2Sale: SaleBundle;
  t2Shift: Doc;
}
let v: Victims;

async function seed(): Promise<Victims> {
  const sale = makeSale({ id: T1_ID(), terminalId: 'T1', seq: 1, at: AT, products });
  const t2Sale = makeSale({ id: T2_ID(), terminalId: 'T2', seq: 1, at: AT, products });
  for (const [as, bundle] of [['T1', sale], ['T2', t2Sale]] as const) {
    const answers = await Promise.all([
      store.bulk(as, 'sales', [couch(bundle.sale)]),
      store.bulk(as, 'payments', bundle.payments.map(couch)),
      store.bulk(as, 'stock_movements', bundle.movements.map(couch)),
      store.bulk(as, 'audit_events', [couch(bundle.audit)]),
    ]);
    for (const answer of answers) if (outcome(answer) !== '201 ok') throw new Error(`Seeding ${as}'s sale: ${JSON.stringify(answer.body)}`);
  }

  const card = cardPayment(sale, 2, 'queued');
  const queuedRev = await store.write('T1', 'payments', card);
  const submittingRev = await store.write('T1', 'payments', { ...card, _rev: queuedRev, status: 'submitting', attempts: 1 });
  const capturedRev = await store.write('T1', 'payments', { ...card, _rev: submittingRev, status: 'captured', attempts: 1, reference: 'R-1', settledAt: AT });
  const queued = cardPayment(sale, 3, 'queued');
  const queuedP3Rev = await store.write('T1', 'payments', queued);

  const shift = openShift('T1', T1_ID());
  const openRev = await store.write('T1', 'shifts', shift);
  const closedRev = await store.write('T1', 'shifts', { ...shift, _rev: openRev, ...CLOSING });
  const stillOpen = openShift('T1', T1_ID());
  const stillOpenRev = await store.write('T1', 'shifts', stillOpen);
  const withPaidIn = { ...stillOpen, _rev: stillOpenRev, movements: [paidIn(stillOpen._id, 1)] };
  const withPaidInRev = await store.write('T1', 'shifts', withPaidIn);
  const t2Shift = openShift('T2', T2_ID());
  const t2ShiftRev = await store.write('T2', 'shifts', t2Shift);

  const status = terminalStatus('T1');
  const statusRev = await store.write('T1', 'terminal_status', status);
  const product = couch({ ...products[0]!, edits: 1 });
  const productRev = await store.write('M1', 'products', product);

  return {
    sale,
    captured: { ...card, _rev: capturedRev, status: 'captured', attempts: 1, reference: 'R-1', settledAt: AT },
    queuedRev,
    queued: { ...queued, _rev: queuedP3Rev },
    closedShift: { ...shift, _rev: closedRev, ...CLOSING },
    openRev,
    openShift: { ...withPaidIn, _rev: withPaidInRev },
    status: { ...status, _rev: statusRev },
    product: { ...product, _rev: productRev },
    t2Sale,
    t2Shift: { ...t2Shift, _rev: t2ShiftRev },
  };
}

/** A write that must be refused, the answer expected from each server, and what it must leave untouched. */
interface Attack {
  name: string;
  expect: string | Record<Server, string>;
  attempt: () => Promise<Answer>;
  /** Documents the attempt aims at: what the server holds of them must not change. */
  untouched: () => [ReplicatedCollection, string][];
  /** Read instead of `untouched` for what is not a document (a security object, an account). */
  unchanged?: () => Promise<unknown>;
}

const sale = () => couch(v.sale.sale);
const ATTACKS: Attack[] = [
  // Replicated writes (new_edits=false): no history the server can check.
  {
    name: 'T1 rewrites its captured payment (amount, status) under an unrelated revision, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'payments', [unrelatedRevision({ ...v.captured, amount: 1, status: 'queued' })], { new_edits: false }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 rewrites its sale total, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'sales', [unrelatedRevision({ ...sale(), total: 1 })], { new_edits: false }),
    untouched: () => [['sales', v.sale.sale.id]],
  },
  {
    name: 'T1 rewrites a stock movement quantity, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'stock_movements', [unrelatedRevision({ ...couch(v.sale.movements[0]!), qtyMilli: 1 })], { new_edits: false }),
    untouched: () => [['stock_movements', v.sale.movements[0]!.id]],
  },
  {
    name: 'T1 rewrites a closed shift counted cash, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'shifts', [unrelatedRevision({ ...v.closedShift, countedCash: 1 }, 3)], { new_edits: false }),
    untouched: () => [['shifts', v.closedShift._id]],
  },
  {
    name: 'T1 rewrites an audit event type, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'audit_events', [unrelatedRevision({ ...couch(v.sale.audit), type: 'nothing.happened' })], { new_edits: false }),
    untouched: () => [['audit_events', v.sale.audit.id]],
  },
  {
    name: 'T1 rewrites its captured payment with PUT ?new_edits=false',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', unrelatedRevision({ ...v.captured, amount: 1, status: 'queued' }), '?new_edits=false'),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 sends new_edits as a string, new_edits="false"',
    // CouchDB fails on the string (and stores nothing); PouchDB would take any false-ish value as false.
    expect: { couch: '500 unknown_error', embedded: '201 forbidden' },
    attempt: () => store.bulk('T1', 'payments', [unrelatedRevision({ ...v.captured, amount: 1 })], { new_edits: 'false' }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 grows a branch from its payment’s first revision (queued) to declined',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'payments', [branchFrom({ ...v.captured, status: 'declined', reference: '', reason: 'Do not honour' }, v.queuedRev)], { new_edits: false }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 closes its closed shift again from the open revision, with other counts',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'shifts', [branchFrom({ ...v.closedShift, countedCash: 1, variance: -14_999 }, v.openRev)], { new_edits: false }),
    untouched: () => [['shifts', v.closedShift._id]],
  },
  {
    name: 'T1 plants a conflicting branch deeper than the winner (it would win)',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'payments', [branchFrom({ ...v.captured, status: 'declined', reference: '' }, v.queuedRev, 5)], { new_edits: false }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 extends its winning revision by replication (a known parent, still not an edit)',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'payments', [branchFrom({ ...v.queued, status: 'submitting' }, v.queued._rev as string)], { new_edits: false }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T2 takes T1’s payment by rewriting terminalId, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T2', 'payments', [unrelatedRevision({ ...v.captured, terminalId: 'T2', amount: 1 }, 9)], { new_edits: false }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T2 takes T1’s sale by rewriting terminalId, new_edits=false',
    expect: '201 forbidden',
    attempt: () => store.bulk('T2', 'sales', [unrelatedRevision({ ...sale(), terminalId: 'T2', total: 1 }, 9)], { new_edits: false }),
    untouched: () => [['sales', v.sale.sale.id]],
  },
  {
    name: 'T1 sends its captured payment with a made-up history in _revisions (no _rev)',
    expect: '201 conflict',
    attempt: () => {
      const { _rev, ...doc } = branchFrom({ ...v.captured, amount: 1, status: 'queued' }, v.queuedRev, 3);
      return store.bulk('T1', 'payments', [doc]);
    },
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 sends its captured payment with the current _rev and a made-up longer history',
    expect: { couch: '201 conflict', embedded: '201 forbidden' },
    attempt: () => {
      const forged = branchFrom({ ...v.captured, amount: 1 }, String(v.captured._rev), 3);
      return store.bulk('T1', 'payments', [{ ...forged, _rev: v.captured._rev }]);
    },
    untouched: () => [['payments', v.captured._id]],
  },
  // Interactive writes of documents that are final, frozen or someone else's.
  {
    name: 'T1 changes its captured payment’s reference (PUT with the current revision)',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', { ...v.captured, reference: 'R-OTHER' }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 changes its captured payment’s reference, the revision in ?rev=',
    expect: '403 forbidden',
    attempt: () => {
      const { _rev, ...doc } = v.captured;
      return store.put('T1', 'payments', { ...doc, reference: 'R-OTHER' }, `?rev=${String(_rev)}`);
    },
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 changes its captured payment’s amount, the revision in If-Match',
    // express-pouchdb ignores If-Match: without a revision the write is a conflict there.
    expect: { couch: '403 forbidden', embedded: '409 conflict' },
    attempt: () => {
      const { _rev, ...doc } = v.captured;
      return store.put('T1', 'payments', { ...doc, amount: 1 }, '', { 'if-match': String(_rev) });
    },
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 edits its captured payment from a stale revision',
    expect: '409 conflict',
    attempt: () => store.put('T1', 'payments', { ...v.captured, _rev: v.queuedRev, status: 'declined', reference: '' }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 writes its captured payment through all_or_nothing',
    expect: { couch: '417 not_implemented', embedded: '201 forbidden' },
    attempt: () => store.bulk('T1', 'payments', [{ ...v.captured, reason: 'changed' }], { all_or_nothing: true }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 edits a stale revision through all_or_nothing',
    expect: { couch: '417 not_implemented', embedded: '201 conflict' },
    attempt: () => store.bulk('T1', 'payments', [{ ...v.captured, _rev: v.queuedRev, status: 'declined' }], { all_or_nothing: true }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 moves a queued payment to written_off (not a legal move)',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', { ...v.queued, status: 'written_off' }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T1 changes a queued payment’s amount on the way to submitting',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', { ...v.queued, status: 'submitting', amount: 1 }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T2 moves T1’s queued payment on (keeping its terminalId)',
    expect: '403 forbidden',
    attempt: () => store.put('T2', 'payments', { ...v.queued, status: 'submitting' }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T2 takes T1’s queued payment with the current revision, rewriting terminalId',
    expect: '403 forbidden',
    attempt: () => store.put('T2', 'payments', { ...v.queued, terminalId: 'T2', status: 'submitting' }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'M1 (a manager till) changes T1’s queued payment',
    expect: '403 forbidden',
    attempt: () => store.put('M1', 'payments', { ...v.queued, status: 'expired' }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T1 starts a tender as written_off',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', cardPayment(v.sale, 7, 'written_off')),
    untouched: () => [['payments', `${v.sale.sale.id}-P7`]],
  },
  {
    name: 'T1 changes its sale (PUT with the current revision)',
    expect: '403 forbidden',
    attempt: async () => store.put('T1', 'sales', { ...(await store.current('sales', v.sale.sale.id)), total: 1 }),
    untouched: () => [['sales', v.sale.sale.id]],
  },
  {
    name: 'T2 writes a sale in T1’s name',
    expect: '403 forbidden',
    attempt: () => store.put('T2', 'sales', couch({ ...v.sale.sale, id: T1_ID() })),
    untouched: () => [],
  },
  {
    name: 'T1 reopens its closed shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'shifts', { ...v.closedShift, status: 'open', countedCash: 0 }),
    untouched: () => [['shifts', v.closedShift._id]],
  },
  {
    name: 'T1 takes back a paid-in from its open shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'shifts', { ...v.openShift, movements: [] }),
    untouched: () => [['shifts', v.openShift._id]],
  },
  {
    name: 'T1 changes the amount of a paid-in of its open shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'shifts', { ...v.openShift, movements: [{ ...paidIn(v.openShift._id, 1), amount: 1 }] }),
    untouched: () => [['shifts', v.openShift._id]],
  },
  {
    name: 'T1 changes the opening float of its open shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'shifts', { ...v.openShift, openingFloat: 1 }),
    untouched: () => [['shifts', v.openShift._id]],
  },
  {
    name: 'T1 closes T2’s open shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'shifts', { ...v.t2Shift, ...CLOSING }),
    untouched: () => [['shifts', v.t2Shift._id]],
  },
  {
    name: 'T1 hands its status document to T2',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'terminal_status', { ...v.status, terminalId: 'T2' }),
    untouched: () => [['terminal_status', 'T1']],
  },
  {
    name: 'T1 writes a product (not a manager till)',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'products', { ...v.product, price: 1 }),
    untouched: () => [['products', v.product._id]],
  },
  // Ids another till will need: taken first, they would block its own upload for good.
  {
    name: 'T1 takes the status document id of T2',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'terminal_status', { ...terminalStatus('T1'), _id: 'T2' }),
    untouched: () => [['terminal_status', 'T2']],
  },
  {
    name: 'T1 takes the id of a tender payment of T2’s sale',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'payments', { ...cardPayment(v.t2Sale, 5, 'captured', { terminalId: 'T1', reference: 'R-9' }) }),
    untouched: () => [['payments', `${v.t2Sale.sale.id}-P5`]],
  },
  {
    name: 'T1 takes the id of the Z report event of T2’s shift',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'audit_events', couch({ ...v.sale.audit, id: `${v.t2Shift._id}-Z`, type: 'shift.closed' })),
    untouched: () => [['audit_events', `${v.t2Shift._id}-Z`]],
  },
  {
    name: 'T1 takes the id of a stock movement of T2’s sale',
    expect: '403 forbidden',
    attempt: () => store.put('T1', 'stock_movements', couch({ ...v.sale.movements[0]!, id: `${v.t2Sale.sale.id}-S9` })),
    untouched: () => [['stock_movements', `${v.t2Sale.sale.id}-S9`]],
  },
  // COPY: the copy is checked like any other write.
  {
    name: 'T2 copies T1’s sale to a new id',
    expect: '403 forbidden',
    attempt: () => store.send('T2', 'COPY', store.docPath('sales', v.sale.sale.id), undefined, { destination: T2_ID() }),
    untouched: () => [],
  },
  {
    name: 'T1 copies its captured payment over its queued one',
    expect: '403 forbidden',
    attempt: () => store.send('T1', 'COPY', store.docPath('payments', v.captured._id), undefined, { destination: `${v.queued._id}?rev=${String(v.queued._rev)}` }),
    untouched: () => [['payments', v.queued._id]],
  },
  {
    name: 'T1 copies its sale to a design document id',
    expect: '403 forbidden',
    attempt: () => store.send('T1', 'COPY', store.docPath('sales', v.sale.sale.id), undefined, { destination: '_design/copied' }),
    untouched: () => [['sales', '_design/copied']],
  },
  // Deletes, both ways.
  {
    name: 'T1 deletes its sale (DELETE ?rev=)',
    expect: '403 forbidden',
    attempt: async () => store.send('T1', 'DELETE', `${store.docPath('sales', v.sale.sale.id)}?rev=${(await store.current('sales', v.sale.sale.id))._rev}`),
    untouched: () => [['sales', v.sale.sale.id]],
  },
  {
    name: 'T1 deletes its captured payment (_deleted in _bulk_docs)',
    expect: '201 forbidden',
    attempt: () => store.bulk('T1', 'payments', [{ _id: v.captured._id, _rev: v.captured._rev, _deleted: true }]),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 deletes its closed shift',
    expect: '403 forbidden',
    attempt: () => store.send('T1', 'DELETE', `${store.docPath('shifts', v.closedShift._id)}?rev=${String(v.closedShift._rev)}`),
    untouched: () => [['shifts', v.closedShift._id]],
  },
  {
    name: 'M1 (a manager till) deletes T1’s sale',
    expect: '403 forbidden',
    attempt: async () => store.send('M1', 'DELETE', `${store.docPath('sales', v.sale.sale.id)}?rev=${(await store.current('sales', v.sale.sale.id))._rev}`),
    untouched: () => [['sales', v.sale.sale.id]],
  },
  // The database itself: purge, revision limit, security, design documents.
  {
    name: 'T1 purges its captured payment',
    expect: { couch: '401 unauthorized', embedded: '403 forbidden' },
    attempt: () => store.send('T1', 'POST', `${store.db('payments')}/_purge`, { [v.captured._id]: [v.captured._rev] }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 sets the revision limit to 1',
    // CouchDB refuses it as "not a db or server admin", wrapped in a 500.
    expect: { couch: '500 badmatch', embedded: '403 forbidden' },
    attempt: () => store.send('T1', 'PUT', `${store.db('payments')}/_revs_limit`, '1'),
    untouched: () => [],
    unchanged: async () => (await backend.admin.request('GET', `${store.db('payments')}/_revs_limit`)).body,
  },
  {
    name: 'T1 makes itself an admin of the payments database',
    // CouchDB 3.4.3 answers a member's write of _security with 500 no_majority, and keeps the old one.
    expect: { couch: '500 error', embedded: '403 forbidden' },
    attempt: () => store.send('T1', 'PUT', `${store.db('payments')}/_security`, { admins: { names: [terminalUserName(backend.prefix, 'T1')], roles: [] }, members: { names: [], roles: [] } }),
    untouched: () => [],
    unchanged: async () => (await backend.admin.request('GET', `${store.db('payments')}/_security`)).body,
  },
  {
    name: 'T1 replaces the rule with one that allows everything',
    expect: '403 forbidden',
    attempt: async () => {
      const design = (await backend.admin.request<Doc>('GET', `${store.db('payments')}/${DESIGN_DOC_ID}`)).body;
      return store.send('T1', 'PUT', `${store.db('payments')}/${DESIGN_DOC_ID}`, { ...design, validate_doc_update: 'function () {}' });
    },
    untouched: () => [['payments', DESIGN_DOC_ID]],
  },
  {
    name: 'M1 (a manager till) replaces the rule of the products database',
    expect: '403 forbidden',
    attempt: async () => {
      const design = (await backend.admin.request<Doc>('GET', `${store.db('products')}/${DESIGN_DOC_ID}`)).body;
      return store.send('M1', 'PUT', `${store.db('products')}/${DESIGN_DOC_ID}`, { ...design, validate_doc_update: 'function () {}' });
    },
    untouched: () => [['products', DESIGN_DOC_ID]],
  },
  {
    name: 'T1 adds a design document through _bulk_docs',
    expect: { couch: '201 forbidden', embedded: '201 unauthorized' },
    attempt: () => store.bulk('T1', 'sales', [{ _id: '_design/mine', views: { all: { map: 'function (doc) { emit(doc._id); }' } } }]),
    untouched: () => [['sales', '_design/mine']],
  },
  {
    name: 'T1 posts a design document to the database',
    expect: { couch: '403 forbidden', embedded: '401 unauthorized' },
    attempt: () => store.send('T1', 'POST', store.db('sales'), { _id: '_design/posted', validate_doc_update: 'function () {}' }),
    untouched: () => [['sales', '_design/posted']],
  },
  {
    name: 'T1 creates a query index (a design document)',
    expect: { couch: '500 error_saving_ddoc', embedded: '403 forbidden' },
    attempt: () => store.send('T1', 'POST', `${store.db('sales')}/_index`, { index: { fields: ['total'] }, ddoc: 'mine-index' }),
    untouched: () => [['sales', '_design/mine-index']],
  },
  // Attachments: no field of any collection.
  {
    name: 'T1 attaches a file to its captured payment',
    expect: '403 forbidden',
    attempt: () =>
      store.send('T1', 'PUT', `${store.docPath('payments', v.captured._id)}/receipt.txt?rev=${String(v.captured._rev)}`, 'paid in full', { 'content-type': 'text/plain' }),
    untouched: () => [['payments', v.captured._id]],
  },
  {
    name: 'T1 creates a sale carrying an inline attachment',
    expect: '201 forbidden',
    attempt: () => {
      const id = T1_ID();
      return store.bulk('T1', 'sales', [{ ...couch({ ...v.sale.sale, id }), _attachments: { 'x.txt': { content_type: 'text/plain', data: 'eA==' } } }]);
    },
    untouched: () => [],
  },
  // Accounts and strangers.
  {
    name: 'T1 gives its own account the manager role and the store’s admin role',
    expect: '403 forbidden',
    attempt: async () => {
      const path = `_users/${encodeURIComponent(`org.couchdb.user:${terminalUserName(backend.prefix, 'T1')}`)}`;
      const account = (await backend.admin.request<Doc & { roles: string[] }>('GET', path)).body;
      return store.send('T1', 'PUT', path, { ...account, roles: [...account.roles, `${backend.prefix}manager_terminal`, `${backend.prefix}admin`] });
    },
    untouched: () => [],
    unchanged: async () => {
      const path = `_users/${encodeURIComponent(`org.couchdb.user:${terminalUserName(backend.prefix, 'T1')}`)}`;
      return (await backend.admin.request<{ roles?: string[] }>('GET', path)).body.roles;
    },
  },
  {
    name: 'Nobody (no account) writes a sale',
    expect: '401 unauthorized',
    attempt: () => store.bulk('nobody', 'sales', [couch({ ...v.sale.sale, id: T1_ID() })]),
    untouched: () => [],
  },
  {
    name: 'Nobody (no account) changes T1’s queued payment',
    expect: '401 unauthorized',
    attempt: () => store.put('nobody', 'payments', { ...v.queued, status: 'submitting' }),
    untouched: () => [['payments', v.queued._id]],
  },
];

beforeAll(async () => {
  // T1 owns the documents under attack; T2 is another till; M1 and M2 are manager tills (back office).
  backend = await startSyncBackend([{ terminalId: 'T1' }, { terminalId: 'T2' }, { terminalId: 'M1', manager: true }, { terminalId: 'M2', manager: true }]);
  store = new StoreClient(backend);
  v = await seed();
});
afterAll(async () => {
  await backend?.close();
});

describe(`hostile writes against ${SERVER_NAME}`, () => {
  it.each(ATTACKS)('refuses: $name', async (attack) => {
    const targets = attack.untouched();
    const before = await Promise.all(targets.map(([collection, id]) => store.held(collection, id)));
    const guarded = await attack.unchanged?.();
    const answer = await attack.attempt();
    const expected = typeof attack.expect === 'string' ? attack.expect : attack.expect[SERVER];
    expect(outcome(answer), JSON.stringify(answer.body)).toBe(expected);
    expect(await Promise.all(targets.map(([collection, id]) => store.held(collection, id)))).toEqual(before);
    if (attack.unchanged) expect(await attack.unchanged()).toEqual(guarded);
  });
});

describe(`what tills write still passes on ${SERVER_NAME}`, () => {
  it('takes a till’s new documents of every kind, uploaded as its upload sends them (_bulk_docs, no revision)', async () => {
    const bundle = makeSale({ id: T2_ID(), terminalId: 'T2', seq: 2, at: AT, products });
    const answers = await Promise.all([
      store.bulk('T2', 'sales', [couch(bundle.sale)]),
      store.bulk('T2', 'payments', [...bundle.payments.map(couch), cardPayment(bundle, 2, 'queued', { terminalId: 'T2' })]),
      store.bulk('T2', 'stock_movements', bundle.movements.map(couch)),
      store.bulk('T2', 'audit_events', [couch(bundle.audit)]),
      store.bulk('T2', 'shifts', [openShift('T2', T2_ID())]),
      store.bulk('T2', 'terminal_status', [terminalStatus('T2')]),
    ]);
    expect(answers.map(outcome)).toEqual(Array(6).fill('201 ok'));
    expect(await store.current('sales', bundle.sale.id)).toMatchObject({ total: bundle.sale.total, terminalId: 'T2' });
  });

  it('moves a payment along its legal states, the processor’s reference set once with the approval', async () => {
    const payment = cardPayment(v.sale, 10, 'queued');
    let rev = await store.write('T1', 'payments', payment);
    // The revision in ?rev= works like the one in the body.
    const step = await store.put('T1', 'payments', { ...payment, status: 'submitting', attempts: 1 }, `?rev=${rev}`);
    expect(outcome(step)).toBe('201 ok');
    rev = (step.body as { rev: string }).rev;
    rev = await store.write('T1', 'payments', { ...payment, _rev: rev, status: 'unknown', attempts: 1, reason: 'No answer in time' });
    rev = await store.write('T1', 'payments', { ...payment, _rev: rev, status: 'submitting', attempts: 2, reason: '' });
    await store.write('T1', 'payments', { ...payment, _rev: rev, status: 'captured', attempts: 2, reference: 'R-10', settledAt: AT });
    expect(await store.current('payments', payment._id)).toMatchObject({ status: 'captured', reference: 'R-10' });
  });

  it('takes a payment whose first upload is already submitting, declined or handed over (moved on while offline)', async () => {
    const answer = await store.bulk('T1', 'payments', [
      cardPayment(v.sale, 11, 'submitting', { attempts: 1 }),
      cardPayment(v.sale, 12, 'declined', { attempts: 1, reason: 'Do not honour', settledAt: AT }),
      cardPayment(v.sale, 13, 'handed_over', { settledAt: AT }),
      cardPayment(v.sale, 14, 'captured', { kind: 'handover', id: `${v.t2Sale.sale.id}-P1-HT1`, reference: 'R-14', settledAt: AT }),
    ]);
    expect(outcome(answer)).toBe('201 ok');
    // Never one its kind cannot reach: a tender is never written off, a collection never waits.
    expect(outcome(await store.bulk('T1', 'payments', [cardPayment(v.sale, 15, 'queued', { kind: 'collection' })]))).toBe('201 forbidden');
  });

  it('takes a shift opened, paid into and closed, and a shift whose first upload is already closed', async () => {
    const shift = openShift('T1', T1_ID());
    let rev = await store.write('T1', 'shifts', shift);
    rev = await store.write('T1', 'shifts', { ...shift, _rev: rev, movements: [paidIn(shift._id, 1)] });
    rev = await store.write('T1', 'shifts', { ...shift, _rev: rev, movements: [paidIn(shift._id, 1), paidIn(shift._id, 2)] });
    await store.write('T1', 'shifts', { ...shift, _rev: rev, movements: [paidIn(shift._id, 1), paidIn(shift._id, 2)], ...CLOSING });
    const closedOffline = { ...openShift('T1', T1_ID()), movements: [paidIn('X', 1)], ...CLOSING };
    expect(outcome(await store.bulk('T1', 'shifts', [closedOffline]))).toBe('201 ok');
    expect(await store.current('shifts', shift._id)).toMatchObject({ status: 'closed', movements: [{ amount: 500 }, { amount: 500 }] });
  });

  it('takes a terminal’s status, rewritten as rxdb uploads it (_bulk_docs with the revision it read)', async () => {
    const stored = await store.current('terminal_status', 'T1');
    expect(outcome(await store.bulk('T1', 'terminal_status', [{ ...stored, pendingTotal: 4, updatedAt: '2026-11-28T10:05:00.000Z' }]))).toBe('201 ok');
    expect(await store.current('terminal_status', 'T1')).toMatchObject({ pendingTotal: 4 });
  });

  it('lets manager tills create, edit each other’s and delete catalog documents, and seed demo stock', async () => {
    const product = couch({ ...products[1]!, edits: 1 });
    const created = await store.write('M1', 'products', product);
    const edited = await store.write('M2', 'products', { ...product, _rev: created, price: products[1]!.price + 10, edits: 2 });
    expect(outcome(await store.send('M1', 'DELETE', `${store.docPath('products', product._id)}?rev=${edited}`))).toBe('200 ok');
    const seedMovement = couch({ ...v.sale.movements[0]!, id: `DEMO-${products[1]!.id}-OPEN`, terminalId: 'DEMO', reason: 'receipt', refId: 'DEMO-OPENING-STOCK' });
    expect(outcome(await store.bulk('M1', 'stock_movements', [seedMovement]))).toBe('201 ok');
    expect(outcome(await store.bulk('T1', 'stock_movements', [{ ...seedMovement, _id: `DEMO-${products[0]!.id}-OPEN` }]))).toBe('201 forbidden');
  });

  it('answers a till that uploads a document the server has as a conflict, never a refusal', async () => {
    // What a till's upload sends again after a lost answer: the same documents, without a revision.
    const { _rev: _capturedRev, ...capturedAgain } = v.captured;
    expect(outcome(await store.bulk('T1', 'sales', [sale()]))).toBe('201 conflict');
    expect(outcome(await store.bulk('T1', 'payments', [capturedAgain]))).toBe('201 conflict');
    expect(outcome(await store.put('T1', 'sales', sale()))).toBe('409 conflict');
    // A repeat of a settled payment with its revision changes nothing, and is taken.
    const stored = await store.current('payments', v.captured._id);
    expect(outcome(await store.put('T1', 'payments', { ...stored }))).toBe('201 ok');
  });

  it('answers a stale edit of a shared document as a conflict, so racing manager tills each see the other’s edit', async () => {
    const product = await store.current('products', v.product._id);
    expect(outcome(await store.put('M1', 'products', { ...product, price: 111, edits: 2 }))).toBe('201 ok');
    expect(outcome(await store.put('M2', 'products', { ...product, price: 222, edits: 2 }))).toBe('409 conflict');
    expect(outcome(await store.bulk('M2', 'products', [{ ...product, price: 222, edits: 2 }]))).toBe('201 conflict');
    expect(outcome(await store.send('M2', 'DELETE', `${store.docPath('products', product._id)}?rev=${product._rev}`))).toBe('409 conflict');
    expect(await store.current('products', v.product._id)).toMatchObject({ price: 111 });
  });

  it('lets a terminal keep _local documents, which no till reads and nothing replicates', async () => {
    // CouchDB does not validate, list or replicate _local documents: they cannot reach any till's books.
    expect(outcome(await store.send('T1', 'PUT', `${store.db('payments')}/_local/note`, { note: 'a checkpoint' }))).toBe('201 ok');
    const listed = await store.send('T1', 'GET', `${store.db('payments')}/_all_docs`);
    const changes = await store.send('T1', 'GET', `${store.db('payments')}/_changes`);
    expect(JSON.stringify(listed.body)).not.toContain('_local');
    expect(JSON.stringify(changes.body)).not.toContain('_local');
  });
});

describe('a conflicting branch that already exists (only an admin, or a split cluster, can make one now)', () => {
  it('is judged against that branch on CouchDB, and is a conflict on the embedded server', async () => {
    const payment = cardPayment(v.sale, 20, 'queued');
    const firstRev = await store.write('T1', 'payments', payment);
    const capturedRev = await store.write('T1', 'payments', { ...payment, _rev: firstRev, status: 'captured', reference: 'R-20', settledAt: AT });
    // An admin plants a second child of the first revision, still queued: a conflict the winner hides.
    const planted = branchFrom({ ...payment, attempts: 1 }, firstRev);
    expect(outcome(await backend.admin.request('POST', `${store.db('payments')}/_bulk_docs`, { new_edits: false, docs: [planted] }).then((a) => ({ status: a.status, body: a.body })))).toBe('201 ok');
    const winner = await store.held('payments', payment._id);

    // Changing what the payment is stays refused on any branch.
    const forged = await store.put('T1', 'payments', { ...planted, _revisions: undefined, status: 'submitting', amount: 1 });
    expect(outcome(forged)).toBe(SERVER === 'couch' ? '403 forbidden' : '409 conflict');
    expect(await store.held('payments', payment._id)).toEqual(winner);

    // A legal move on that branch: CouchDB judges it against the branch (validate_doc_update is never told which
    // branch wins), so it is taken there. The till's pull check refuses what such a branch would do to its own copy.
    const moved = await store.put('T1', 'payments', { ...planted, _revisions: undefined, status: 'submitting' });
    expect(outcome(moved)).toBe(SERVER === 'couch' ? '201 ok' : '409 conflict');
    if (SERVER === 'embedded') expect(await store.held('payments', payment._id)).toEqual(winner);
    expect(capturedRev).toMatch(/^2-/);
  });
});
