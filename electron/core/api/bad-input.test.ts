/**
 * Every command gets ≥ 1,000 malformed payloads (wrong types, missing fields, huge strings, prototype-pollution
 * keys), plus valid payloads without a session and with too low a role. Each must come back as a typed error;
 * the core must stay up and the store must be byte-for-byte what it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../../shared/api/contract';
import { isApiError } from '../../../shared/api/errors';
import { COLLECTIONS, type CollectionName } from '../../../shared/db/collections';
import { openTempTill, type TempTill } from '../test-support/temp-till';

/** A valid input for each command, the starting point of every mutation. */
const VALID: { [K in CommandName]: Record<string, unknown> } = {
  'auth.status': {},
  'auth.setupFirstAdmin': { username: 'eve', displayName: 'Eve', credentialKind: 'pin', secret: '1234' },
  'auth.login': { username: 'clara', secret: '1234' },
  'auth.logout': {},
  'users.list': {},
  'users.create': { username: 'newbie', displayName: 'New', role: 'clerk', credentialKind: 'pin', secret: '1234' },
  'users.setActive': { userId: 'DEMO-U1', active: false },
  'users.resetSecret': { userId: 'DEMO-U1', secret: '9876' },
  'users.unlock': { userId: 'DEMO-U1' },
  'auth.changeSecret': { current: '1234', next: '9876' },
  'permissions.table': {},
  'audit.search': { pageSize: 20 },
  'catalog.summary': {},
  'audit.recent': { limit: 10 },
  'sync.status': {},
  'sync.testConnection': { url: 'http://127.0.0.1:9/', username: 'kassa_T1', password: 'pairing-secret' },
  'sync.pair': { url: 'http://127.0.0.1:9/', username: 'kassa_T1', password: 'pairing-secret' },
  'sync.rejections': {},
  'sync.retryRejected': {},
  // Selling: required fields only, so that removing any field leaves a malformed payload.
  'catalog.categories': {},
  'catalog.search': { query: 'milk', limit: 20 },
  'catalog.quickKeys': {},
  'cart.get': {},
  'cart.scan': { code: '4006381333931' },
  'cart.addProduct': { productId: 'DEMO-P000001' },
  'cart.setQuantity': { lineId: 'T1-LINE', qtyMilli: 2000 },
  'cart.removeLine': { lineId: 'T1-LINE' },
  'cart.setLineDiscount': { lineId: 'T1-LINE', discount: { kind: 'percent', bp: 500 } },
  'cart.setCartDiscount': { discount: { kind: 'amount', minor: 100 } },
  'cart.clear': {},
  'cart.park': { note: 'back soon' },
  'cart.parked': {},
  'cart.resume': { parkedId: 'T1-PARKED' },
  'checkout.pay': { cartRevision: 0, tenders: [{ method: 'cash', amount: 1000 }] },
  'sales.recent': { limit: 10 },
  'sales.receipt': { number: 'T1-000001' },
  'returns.lookup': { number: 'T1-000001' },
  'returns.create': { saleId: 'T1-SALE', lines: [{ lineIndex: 0, qtyMilli: 1000 }], refundTo: 'cash' },
  'stock.onHand': { productId: 'DEMO-P000001' },
  'stock.list': { query: 'milk', limit: 20 },
  'stock.adjust': { productId: 'DEMO-P000001', reason: 'received', qtyMilli: 6000, note: 'Delivery' },
  'stock.low': { limit: 20 },
  'stocktake.start': { categoryId: 'DEMO-CFRU' },
  'stocktake.get': { query: '', limit: 20 },
  'stocktake.count': { stocktakeId: 'T1-NONE', productId: 'DEMO-P000001', countedMilli: 3000 },
  'stocktake.post': { stocktakeId: 'T1-NONE' },
  'stocktake.cancel': { stocktakeId: 'T1-NONE' },
  'settings.get': {},
  'settings.update': { storeName: 'Corner shop' },
  'display.current': {},
  'reports.dashboard': { from: '2026-03-01', to: '2026-03-31' },
  'reports.sales': { filter: { from: '2026-03-01', to: '2026-03-01' }, limit: 20 },
  'reports.csv': { range: { from: '2026-03-01', to: '2026-03-31' }, what: 'sales' },
  'terminals.list': {},
  'shifts.current': {},
  'shifts.open': { counts: [{ value: 1000, count: 5 }] },
  'shifts.cashMovement': { kind: 'paid_out', amount: 500, reason: 'Window cleaner' },
  'shifts.noSale': { reason: 'Change for a customer' },
  'shifts.xReport': {},
  'shifts.close': { shiftId: 'T1-SHIFT', counts: [{ value: 1000, count: 5 }] },
  'shifts.report': { shiftId: 'T1-SHIFT' },
  'shifts.list': { from: '2026-03-01', to: '2026-03-31' },
  'payments.status': {},
  'payments.worklist': {},
  'payments.collect': { paymentId: 'T1-SALE-P1', method: 'cash' },
  'payments.writeOff': { paymentId: 'T1-SALE-P1', reason: 'customer unreachable' },
  'payments.waitingElsewhere': {},
  'payments.takeOver': { terminalId: 'T2' },
  'payments.setOfflineCards': { enabled: true },
  'catalogImport.start': { fileName: 'catalog.csv' },
  'catalogImport.chunk': { jobId: 'T1-IMPORT', seq: 0, text: 'sku,name,price,category\r\n' },
  'catalogImport.finish': { jobId: 'T1-IMPORT' },
  'catalogImport.commit': { jobId: 'T1-IMPORT', mode: 'clean' },
  'catalogImport.cancel': { jobId: 'T1-IMPORT' },
  'catalogImport.current': {},
  'catalogExport.csv': {},
  'products.list': { query: '', limit: 20 },
  'products.get': { id: 'DEMO-P000001' },
  'products.save': {
    sku: 'NEW-1', barcode: '', extraBarcodes: [], name: 'New', description: '', categoryId: '', price: 100,
    taxClass: 'standard', unit: 'piece', image: '', minStockMilli: 0, quickKey: 0, active: true,
  },
  'products.archive': { id: 'DEMO-P000001' },
  'products.restore': { id: 'DEMO-P000001' },
  'categories.save': { name: 'Snacks', color: '#AA3300' },
  'categories.reorder': { ids: ['DEMO-CFRU'] },
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUGE = 'x'.repeat(200_000);
/** Values of the wrong type or out of range for nearly any field (see `malformed` for the few they fit). */
const WRONG_VALUES: unknown[] = [null, undefined, 0, -1, 1e308, NaN, Infinity, true, [], [1, 2], {}, { $gt: '' }, HUGE, '\u0000', ''];
const POLLUTION = ['{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"prototype":1}'];
const NOT_OBJECTS: unknown[] = [null, undefined, 42, 'auth', true, [], [{}], HUGE];

function mutate(valid: Record<string, unknown>, rand: () => number): unknown {
  const keys = Object.keys(valid);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const kind = keys.length === 0 ? pick(['extra', 'pollute', 'notObject']) : pick(['remove', 'wrong', 'extra', 'pollute', 'notObject']);
  switch (kind) {
    case 'remove': {
      const copy = { ...valid };
      delete copy[pick(keys)];
      return copy;
    }
    case 'wrong': {
      const key = pick(keys);
      // `true` is a right value for a boolean field; every other listed value is wrong for every field.
      const candidates = typeof valid[key] === 'boolean' ? WRONG_VALUES.filter((v) => typeof v !== 'boolean') : WRONG_VALUES;
      return { ...valid, [key]: pick(candidates) };
    }
    case 'extra':
      return { ...valid, [`extra_${Math.floor(rand() * 1000)}`]: pick(WRONG_VALUES) };
    case 'pollute':
      return { ...JSON.parse(pick(POLLUTION)), ...valid };
    default:
      return pick(NOT_OBJECTS);
  }
}

/**
 * A mutation can land on a value the field accepts (null for a nullable discount, '' for a search query): such a
 * payload is well-formed, so it is not sent as a malformed one; another is drawn instead.
 */
function malformed(name: CommandName, payload: unknown): boolean {
  return !commands[name].input.safeParse(payload).success;
}

let till: TempTill;

describe('malformed input to every command', () => {
  beforeAll(async () => {
    till = await openTempTill({ demo: true, demoProducts: 50 });
  });
  afterAll(async () => {
    await till.dispose();
  });

  it('answers each bad payload with a typed error and changes nothing in the store', async () => {
    const before = await storeFingerprint(till);
    // An admin may call every command, so every payload reaches input validation.
    await till.must('manager', 'auth.login', { username: 'admin', secret: 'kassa-admin1' });
    const afterLogin = await storeFingerprint(till);
    const rand = prng(20261128);
    const names = Object.keys(commands) as CommandName[];
    let sent = 0;
    for (const name of names) {
      for (let i = 0; i < 1_000; ) {
        const payload = mutate(VALID[name], rand);
        if (!malformed(name, payload)) continue;
        i++;
        const result = await till.core.dispatch('manager', name, payload);
        sent++;
        if (result.ok || !isApiError(result.error) || result.error.code !== 'BAD_INPUT') {
          throw new Error(`${name} accepted or mis-answered ${JSON.stringify(payload)?.slice(0, 200)}: ${JSON.stringify(result).slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(names.length * 1_000);
    expect(await storeFingerprint(till)).toEqual(afterLogin);
    expect(Object.keys(before)).toEqual(Object.keys(afterLogin));
  });

  it('refuses valid payloads without a session, and manager commands to a clerk, without writing', async () => {
    const unknownCommand = await till.core.dispatch('nobody', 'users.drop', {});
    expect(unknownCommand).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const protoName = await till.core.dispatch('nobody', '__proto__', {});
    expect(protoName).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const before = await storeFingerprint(till);
    for (const name of Object.keys(commands) as CommandName[]) {
      if (commands[name].access === 'public') continue;
      expect(await till.core.dispatch('nobody', name, VALID[name])).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    }
    await till.must('clerk', 'auth.login', { username: 'clara', secret: '1234' });
    const afterLogin = await storeFingerprint(till);
    expect(afterLogin.users).toEqual(before.users);
    const managerCommands = (Object.keys(commands) as CommandName[]).filter((name) => commands[name].access === 'manager' || commands[name].access === 'admin');
    // The managers' reports and every terminal's shifts are among them (the table is derived, so this guards the derivation).
    expect(managerCommands).toEqual(
      expect.arrayContaining([
        'reports.dashboard', 'reports.sales', 'reports.csv', 'terminals.list', 'shifts.report', 'shifts.list', 'audit.recent',
        'products.save', 'products.archive', 'categories.reorder', 'catalogImport.start', 'catalogImport.commit', 'catalogExport.csv',
        'stock.adjust', 'stocktake.post', 'settings.update',
      ]),
    );
    for (const name of managerCommands) {
      const result = await till.core.dispatch('clerk', name, VALID[name]);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Only a (manager|admin) may do this/) } });
    }
    expect(await storeFingerprint(till)).toEqual(afterLogin);
  });
});

/** Every document's id and revision, per collection. */
async function storeFingerprint(t: TempTill): Promise<Record<string, string[]>> {
  const db = t.db;
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const docs = await db[name].find().exec();
    out[name] = docs.map((d) => `${d.primary}@${d.revision}`).sort();
  }
  return out;
}
