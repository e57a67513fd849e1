/** The cart in the main process: discounts and their approval, scale labels, parking, and surviving restarts. */
import { afterEach, describe, expect, it } from 'vitest';
import { completeBarcode } from '../../../shared/catalog/barcodes';
import { LOCKOUT_MS } from '../../../shared/auth/lockout-policy';
import type { TempTill } from '../test-support/temp-till';
import { APPLES, BREAD, COFFEE, fingerprint, loginAs, openSellingTill, TILL } from './test-support/selling-till';

let till: TempTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

const MARIA = { username: 'maria', secret: '4321' };

describe('discounts over the clerk limit', () => {
  it('need a manager: missing approval and wrong PIN are refused, the right one is audited naming both', async () => {
    till = await openSellingTill();
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const lineId = cart.lines[0]!.lineId;
    // 10 % is the clerk's limit (demo settings): within it, no approval.
    const within = await till.must(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 1000 } });
    expect(within.lines[0]).toMatchObject({ discountTotal: 130, lineTotal: 1169 });

    const before = await fingerprint(till, ['audit_events', 'local_state']);
    const big = { kind: 'percent', bp: 2500 } as const;
    const missing = await till.call(TILL, 'cart.setLineDiscount', { lineId, discount: big });
    expect(missing).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', message: expect.stringContaining('over 10 %') } });
    expect(await fingerprint(till, ['audit_events', 'local_state'])).toEqual(before);

    const wrong = await till.call(TILL, 'cart.setLineDiscount', { lineId, discount: big, approval: { username: 'maria', secret: '0000' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const byClerk = await till.call(TILL, 'cart.setLineDiscount', { lineId, discount: big, approval: { username: 'carl', secret: '2345' } });
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Carl Clerk is not a manager') } });
    expect((await till.must(TILL, 'cart.get', {})).lines[0]!.discount).toEqual({ kind: 'percent', bp: 1000 });

    const approved = await till.must(TILL, 'cart.setLineDiscount', { lineId, discount: big, approval: MARIA });
    expect(approved.lines[0]).toMatchObject({ discount: big, discountTotal: 325, lineTotal: 974 });
    const paid = await till.must(TILL, 'checkout.pay', { cartRevision: approved.revision, tenders: [{ method: 'cash', amount: 1000 }] });
    expect(paid.receipt.discountTotal).toBe(325);

    await loginAs(till, 'maria');
    const audit = await till.must(TILL, 'audit.recent', { limit: 50 });
    const override = audit.find((e) => e.type === 'discount.override');
    expect(override).toMatchObject({ actorId: 'DEMO-U1', details: { clerkId: 'DEMO-U1', approverId: 'DEMO-U3', scope: 'line', kind: 'percent', value: 2500 } });
    expect(audit.filter((e) => e.type === 'approval.failed').map((e) => e.details.username)).toEqual(['maria']);
    const sale = await till.db.sales.findOne({ selector: { number: paid.receipt.number } }).exec();
    expect(sale?.approvedBy).toBe('DEMO-U3');
  });

  it('a sale discount over the limit needs approval too; taking a discount off never does; a manager approves their own', async () => {
    till = await openSellingTill();
    await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const over = await till.call(TILL, 'cart.setCartDiscount', { discount: { kind: 'amount', minor: 500 } });
    expect(over).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const set = await till.must(TILL, 'cart.setCartDiscount', { discount: { kind: 'amount', minor: 500 }, approval: MARIA });
    expect(set).toMatchObject({ discount: { kind: 'amount', minor: 500 }, total: 799 });
    expect((await till.must(TILL, 'cart.setCartDiscount', { discount: null })).total).toBe(1299);
    await loginAs(till, 'maria');
    const own = await till.must(TILL, 'cart.setCartDiscount', { discount: { kind: 'percent', bp: 5000 } });
    expect(own.total).toBe(649);
  });

  it('refuses a quantity change that would push an allowed amount discount over the limit, unless a manager approved', async () => {
    till = await openSellingTill();
    let cart = await till.must(TILL, 'cart.addProduct', { productId: BREAD.id, qtyMilli: 10_000 });
    const lineId = cart.lines[0]!.lineId;
    // 2.00 off 24.90 is 8 %: within the clerk's 10 %. Off one bread (2.49) it would be 80 %.
    cart = await till.must(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'amount', minor: 200 } });
    expect(await till.call(TILL, 'cart.setQuantity', { lineId, qtyMilli: 1000 })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect((await till.must(TILL, 'cart.setQuantity', { lineId, qtyMilli: 9000 })).lines[0]!.qtyMilli).toBe(9000);
    await till.must(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'amount', minor: 1000 }, approval: MARIA });
    expect((await till.must(TILL, 'cart.setQuantity', { lineId, qtyMilli: 5000 })).lines[0]!.lineTotal).toBe(245);
  });

  it('approval attempts count toward the same lock as logins', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    till = await openSellingTill({ now: () => now });
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const lineId = cart.lines[0]!.lineId;
    for (let i = 0; i < 3; i++) {
      expect(await till.call(TILL, 'auth.login', { username: 'maria', secret: '9999' })).toMatchObject({ ok: false });
    }
    await loginAs(till, 'clara');
    const tries = [];
    for (let i = 0; i < 2; i++) {
      tries.push(await till.call(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 5000 }, approval: { username: 'maria', secret: '9999' } }));
    }
    expect(tries.map((t) => (t.ok ? 'ok' : t.error.code))).toEqual(['WRONG_CREDENTIALS', 'LOCKED']);
    const locked = await till.call(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 5000 }, approval: MARIA });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await till.call('test:other', 'auth.login', MARIA)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    now += LOCKOUT_MS;
    expect((await till.must(TILL, 'cart.setLineDiscount', { lineId, discount: { kind: 'percent', bp: 5000 }, approval: MARIA })).total).toBe(649);
  });
});

describe('scale labels', () => {
  it('adds weighed items from weight labels and counter items from price labels, by item code = SKU', async () => {
    till = await openSellingTill();
    const weight = completeBarcode('ean13', `2300777${'01250'}`); // 1.250 kg of apples
    const price = completeBarcode('ean13', `2100002${'00345'}`); // demo counter cheese for 3.45
    const cart = await till.must(TILL, 'cart.scan', { code: weight });
    expect(cart.lines[0]).toMatchObject({ productId: APPLES.id, unit: 'kg', qtyMilli: 1250, unitPrice: 299, gross: 374 });
    const both = await till.must(TILL, 'cart.scan', { code: price });
    expect(both.lines[1]).toMatchObject({ productId: 'DEMO-SCALE2', unit: 'piece', qtyMilli: 1000, unitPrice: 345, lineTotal: 345 });
    // A second weighing is its own line; a weighed quantity can be typed to the gram.
    const again = await till.must(TILL, 'cart.scan', { code: weight });
    expect(again.lines).toHaveLength(3);
    const typed = await till.must(TILL, 'cart.setQuantity', { lineId: again.lines[2]!.lineId, qtyMilli: 333 });
    expect(typed.lines[2]).toMatchObject({ qtyMilli: 333, gross: 100 });

    const unknownItem = completeBarcode('ean13', `2399999${'01000'}`);
    expect(await till.call(TILL, 'cart.scan', { code: unknownItem })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(`item code 99999 (label ${unknownItem})`) },
    });
    const noWeight = completeBarcode('ean13', `2300777${'00000'}`);
    expect(await till.call(TILL, 'cart.scan', { code: noWeight })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('no weight') } });
    // The demo label from the README: 0.750 kg of loose tomatoes.
    const tomatoes = await till.must(TILL, 'cart.scan', { code: '2300001007502' });
    expect(tomatoes.lines[3]).toMatchObject({ productId: 'DEMO-SCALE1', qtyMilli: 750, gross: 262 });
  });
});

describe('parked carts and restarts', () => {
  it('keeps the cart through a restart, and parks and resumes carts across one', async () => {
    till = await openSellingTill();
    await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const first = await till.must(TILL, 'cart.scan', { code: BREAD.barcode });
    await till.reopen();
    await loginAs(till, 'clara');
    const kept = await till.must(TILL, 'cart.get', {});
    expect(kept.lines.map((l) => l.name)).toEqual([COFFEE.name, BREAD.name]);
    expect(kept.revision).toBe(first.revision);

    const parked = await till.must(TILL, 'cart.park', { note: 'Lady with the dog' });
    expect(parked).toMatchObject({ note: 'Lady with the dog', parkedBy: 'Clara Clerk', lines: 2, total: 1548 });
    expect((await till.must(TILL, 'cart.get', {})).lines).toEqual([]);
    await till.must(TILL, 'cart.scan', { code: BREAD.barcode });
    expect(await till.call(TILL, 'cart.resume', { parkedId: parked.parkedId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const paid = await till.must(TILL, 'checkout.pay', { cartRevision: (await till.must(TILL, 'cart.get', {})).revision, tenders: [{ method: 'cash', amount: 250 }] });
    expect(paid.changeDue).toBe(0);
    expect(await till.call(TILL, 'cart.park', { note: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    await till.reopen();
    await loginAs(till, 'maria');
    const list = await till.must(TILL, 'cart.parked', {});
    expect(list).toEqual([parked]);
    const resumed = await till.must(TILL, 'cart.resume', { parkedId: parked.parkedId });
    expect(resumed.lines.map((l) => l.name)).toEqual([COFFEE.name, BREAD.name]);
    expect(await till.must(TILL, 'cart.parked', {})).toEqual([]);
    expect(await till.call(TILL, 'cart.resume', { parkedId: parked.parkedId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const sold = await till.must(TILL, 'checkout.pay', { cartRevision: resumed.revision, tenders: [{ method: 'card', amount: 1548 }] });
    expect(sold.receipt.number).toBe('T1-000002');
  });

  it('refuses a cart from another terminal: a parked one is not resumed, a stored one is set aside', async () => {
    till = await openSellingTill();
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const parked = await till.must(TILL, 'cart.park', { note: 'mine' });
    const doc = await till.db.local_state.findOne(`parked:${parked.parkedId}`).exec();
    const foreign = { ...JSON.parse(doc!.value), parkedId: 'T2-FOREIGN', terminalId: 'T2' };
    await till.db.local_state.insert({ id: 'parked:T2-FOREIGN', value: JSON.stringify(foreign), updatedAt: doc!.updatedAt });
    expect(await till.call(TILL, 'cart.resume', { parkedId: 'T2-FOREIGN' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('parked on till T2') } });
    expect((await till.must(TILL, 'cart.parked', {})).map((p) => p.parkedId)).toEqual([parked.parkedId]);
    await till.must(TILL, 'cart.resume', { parkedId: parked.parkedId });

    const current = await till.db.local_state.findOne('cart:current').exec();
    await current!.incrementalPatch({ value: JSON.stringify({ ...JSON.parse(current!.value), terminalId: 'T2' }) });
    await till.reopen();
    await loginAs(till, 'clara');
    const after = await till.must(TILL, 'cart.get', {});
    expect(after.lines).toEqual([]);
    expect(after.revision).toBeGreaterThan(cart.revision);
  });

  it('starts a fresh cart after a restart when the stored cart was already paid (crash after the sale was written)', async () => {
    till = await openSellingTill();
    const cart = await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    const stored = await till.db.local_state.findOne('cart:current').exec();
    await till.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 1300 }] });
    // Put the cart back as it was before the checkout, as if the process died between the sale and the cart reset.
    await till.db.local_state.upsert({ id: 'cart:current', value: stored!.value, updatedAt: stored!.updatedAt });
    await till.reopen();
    await loginAs(till, 'clara');
    expect((await till.must(TILL, 'cart.get', {})).lines).toEqual([]);
  });
});

describe('store settings', () => {
  it('are admin-only to change, checked as a whole, audited, and apply to the cart at once', async () => {
    till = await openSellingTill();
    await till.must(TILL, 'cart.scan', { code: COFFEE.barcode });
    expect(await till.call(TILL, 'settings.update', { cashRoundingIncrement: 10 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const settings = await till.must(TILL, 'settings.get', {});
    expect(settings).toMatchObject({ currency: 'EUR', taxRates: { standard: 1900, reduced: 700, zero: 0 }, cashRoundingIncrement: 5, clerkDiscountLimitBp: 1000 });
    await loginAs(till, 'admin');
    const clash = await till.call(TILL, 'settings.update', {
      embeddedBarcodes: [
        { prefixes: ['21'], kind: 'price', itemDigits: 5, valueDigits: 5 },
        { prefixes: ['21'], kind: 'weight', itemDigits: 5, valueDigits: 5 },
      ],
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('Prefix 21 is in two label layouts') } });
    expect(await till.call(TILL, 'settings.update', { currency: 'eur' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    till.pushes.length = 0;
    const updated = await till.must(TILL, 'settings.update', { cashRoundingIncrement: 10, pricesIncludeTax: false, storeName: 'Corner shop' });
    expect(updated).toMatchObject({ cashRoundingIncrement: 10, pricesIncludeTax: false, storeName: 'Corner shop' });
    const cart = await till.must(TILL, 'cart.get', {});
    // Tax on top: 12.99 + 19 % = 2.47 → 15.46; cash to 0.10: 15.50.
    expect(cart).toMatchObject({ total: 1546, taxTotal: 247, cashTotal: 1550 });
    expect(till.pushes.some((p) => p.message.event === 'cart.changed')).toBe(true);
    await till.reopen();
    await loginAs(till, 'admin');
    expect((await till.must(TILL, 'settings.get', {})).storeName).toBe('Corner shop');
    const audit = await till.must(TILL, 'audit.recent', { limit: 20 });
    // Each changed field with its old and new value (JSON): the demo store's name, prices with tax, rounding to 0.05.
    expect(audit.find((e) => e.type === 'settings.updated')?.details).toEqual({
      keys: 'storeName,pricesIncludeTax,cashRoundingIncrement',
      storeName: '"Kassa Demo Market" → "Corner shop"',
      pricesIncludeTax: 'true → false',
      cashRoundingIncrement: '5 → 10',
    });
  });
});
