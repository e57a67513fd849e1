/** Store settings on the real store: receipt header and footer on receipts, every update validated and audited old → new. */
import { afterEach, describe, expect, it } from 'vitest';
import { COFFEE, fingerprint, loginAs, openSellingTill, TILL, type SellingTill } from './test-support/selling-till';

let till: SellingTill | null = null;
afterEach(async () => {
  await till?.dispose();
  till = null;
});

async function sellCoffee(t: SellingTill) {
  await loginAs(t, 'clara');
  const cart = await t.must(TILL, 'cart.scan', { code: COFFEE.barcode });
  return (await t.must(TILL, 'checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: 2000 }] })).receipt;
}

describe('store settings', () => {
  it('print the receipt header and footer (a thank-you by default) on every receipt, reprints included', async () => {
    till = await openSellingTill();
    expect((await sellCoffee(till)).store).toMatchObject({ header: '', footer: 'Thank you for shopping with us.' });
    await loginAs(till, 'admin');
    await till.must(TILL, 'settings.update', { receiptHeader: 'Open Mon–Sat 8–20', receiptFooter: 'Returns within 30 days\nwith this receipt' });
    const receipt = await sellCoffee(till);
    expect(receipt.store).toMatchObject({ name: 'Kassa Demo Market', address: 'Marktplatz 1\n12345 Musterstadt', header: 'Open Mon–Sat 8–20', footer: 'Returns within 30 days\nwith this receipt' });
    expect((await till.must(TILL, 'sales.receipt', { number: receipt.number })).store.footer).toBe('Returns within 30 days\nwith this receipt');
  });

  it('audits each change with the old and the new value, and a save that changes nothing is not an event', async () => {
    till = await openSellingTill();
    await loginAs(till, 'admin');
    await till.must(TILL, 'settings.update', { receiptFooter: 'See you soon', clerkDiscountLimitBp: 1500, taxRates: { standard: 2000, reduced: 700, zero: 0 } });
    await till.must(TILL, 'settings.update', { receiptFooter: 'See you soon' });
    const events = (await till.db.audit_events.find({ selector: { type: 'settings.updated' } }).exec()).map((e) => e.toJSON());
    expect(events.map((e) => e.details)).toEqual([
      {
        keys: 'receiptFooter,taxRates,clerkDiscountLimitBp',
        receiptFooter: '"Thank you for shopping with us." → "See you soon"',
        taxRates: '{"standard":1900,"reduced":700,"zero":0} → {"standard":2000,"reduced":700,"zero":0}',
        clerkDiscountLimitBp: '1000 → 1500',
      },
    ]);
    const admin = (await till.db.users.findOne({ selector: { username: 'admin' } }).exec())!.id;
    expect(events[0]).toMatchObject({ actorId: admin, subjectId: 'store' });
  });

  it('refuses bad values and non-admins, writing nothing', async () => {
    till = await openSellingTill();
    await loginAs(till, 'maria');
    const asManager = await fingerprint(till, ['settings', 'audit_events']);
    expect(await till.call(TILL, 'settings.update', { receiptFooter: 'Hi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fingerprint(till, ['settings', 'audit_events'])).toEqual(asManager);
    await loginAs(till, 'admin');
    const before = await fingerprint(till, ['settings', 'audit_events']);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ currency: 'XYZ' }, /ISO 4217/],
      [{ currency: 'eur' }, /ISO 4217/],
      [{ taxRates: { standard: 10_001, reduced: 700, zero: 0 } }, /./],
      [{ taxRates: { standard: 1900 } }, /./],
      [{ taxRates: { standard: 19.5, reduced: 700, zero: 0 } }, /./],
      [{ cashRoundingIncrement: 0 }, /./],
      [{ cashRoundingIncrement: 2.5 }, /./],
      [{ clerkDiscountLimitBp: -1 }, /./],
      [{ clerkDiscountLimitBp: 10_001 }, /./],
      [{ receiptFooter: 'x'.repeat(301) }, /./],
      [{ receiptHeader: 'bell\u0007' }, /control/],
      [{ storeName: '' }, /./],
      [{ receiptFooter: 'fine', currency: 'QQQ' }, /ISO 4217/],
    ];
    for (const [input, message] of bad) {
      expect(await till.call(TILL, 'settings.update', input as never), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(message) } });
    }
    expect(await fingerprint(till, ['settings', 'audit_events'])).toEqual(before);
    expect((await till.must(TILL, 'settings.get', {})).receiptFooter).toBe('Thank you for shopping with us.');
  });
});
