import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../shared/api/errors';
import type { SellingApi, SellingCommandName, SellingInput } from '../../api/selling-api';
import { deferred } from '../../test-support/deferred';
import { createSellStore, scanAlert } from './sell-store';
import { cart, line } from './test-carts';

type Reply = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/** A till service that answers from a table and records what it was asked. */
function fakeApi(replies: Partial<Record<SellingCommandName, Reply>>) {
  const calls: { name: SellingCommandName; input: unknown }[] = [];
  const api: SellingApi = {
    call: async <K extends SellingCommandName>(name: K, input: SellingInput<K>) => {
      calls.push({ name, input });
      const reply = replies[name];
      if (!reply) throw new Error(`unexpected call ${name}`);
      return (await reply(input)) as never;
    },
    subscribe: () => () => undefined,
  };
  return { api, calls };
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const fail = (code: string, message: string) => ({ ok: false as const, error: { code, message } as never });

describe('sell store', () => {
  it('applies scans in the order scanned even when answers come back out of order', async () => {
    let revision = 0;
    const lines: ReturnType<typeof line>[] = [];
    const slowFirst = deferred();
    const { api, calls } = fakeApi({
      'cart.scan': async (input) => {
        const code = (input as { code: string }).code;
        // The first scan is slow to answer; serialisation must still keep the order.
        if (code === '111') await slowFirst.promise;
        lines.push(line(code));
        return ok(cart([...lines], ++revision));
      },
    });
    const store = createSellStore(api);
    const both = Promise.all([store.getState().scan('111'), store.getState().scan('222')]);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(store.getState().pending).toBe(2);
    slowFirst.resolve();
    await both;
    expect(calls.map((c) => c.input)).toEqual([{ code: '111' }, { code: '222' }]);
    expect(store.getState().cart?.lines.map((l) => l.lineId)).toEqual(['111', '222']);
    expect(store.getState().selectedLineId).toBe('222');
    expect(store.getState().pending).toBe(0);
  });

  it('shows a refused scan with the code and adds nothing', async () => {
    const { api } = fakeApi({ 'cart.scan': () => fail('NOT_FOUND', 'No product has this barcode.') });
    const store = createSellStore(api);
    await store.getState().scan('4006381333931');
    expect(store.getState().alert).toBe('No product has this barcode. (scanned: 4006381333931)');
    expect(store.getState().cart).toBeNull();
    expect(scanAlert('123', { code: 'BAD_INPUT', message: 'Code 123 is not a barcode' })).toBe('Code 123 is not a barcode');
  });

  it('asks for a manager when a discount needs approval, and retries with the credentials', async () => {
    const { api, calls } = fakeApi({
      'cart.setLineDiscount': (input) => {
        const approval = (input as { approval?: { secret: string } }).approval;
        if (!approval) return fail('APPROVAL_REQUIRED', 'Over your limit of 10 %: a manager must approve.');
        if (approval.secret !== '4321') return fail('WRONG_CREDENTIALS', 'Wrong user name, PIN or password.');
        return ok(cart([line('a', 1000, { discount: { kind: 'percent', bp: 5000 } })], 2));
      },
    });
    const store = createSellStore(api);
    expect(await store.getState().discount('a', { kind: 'percent', bp: 5000 })).toBeNull();
    const dialog = store.getState().dialog;
    expect(dialog).toMatchObject({ kind: 'approval', reason: /manager must approve/ });
    if (dialog?.kind !== 'approval') throw new Error('no approval dialog');
    expect(await dialog.attempt({ username: 'maria', secret: '0000' })).toMatchObject({ code: 'WRONG_CREDENTIALS' });
    expect(store.getState().dialog?.kind).toBe('approval');
    expect(await dialog.attempt({ username: 'maria', secret: '4321' })).toBeNull();
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().cart?.lines[0]?.discount).toEqual({ kind: 'percent', bp: 5000 });
    expect(calls.at(-1)?.input).toEqual({ lineId: 'a', discount: { kind: 'percent', bp: 5000 }, approval: { username: 'maria', secret: '4321' } });
  });

  it('pays for the revision on screen, then shows the receipt and reloads the cart', async () => {
    const receipt = { number: 'T1-000001' };
    const { api, calls } = fakeApi({
      'cart.get': () => ok(cart([], 8)),
      'checkout.pay': () => ok({ receipt, changeDue: 766 }),
    });
    const store = createSellStore(api);
    store.getState().cartChanged(cart([line('a')], 7));
    expect(await store.getState().pay([{ method: 'cash', amount: 1000 }])).toBeNull();
    expect(calls[0]).toEqual({ name: 'checkout.pay', input: { cartRevision: 7, tenders: [{ method: 'cash', amount: 1000 }] } });
    expect(store.getState().dialog).toEqual({ kind: 'receipt', result: { receipt, changeDue: 766 } });
    await vi.waitFor(() => expect(store.getState().cart?.lines).toEqual([]));
    expect(calls.map((c) => c.name)).toEqual(['checkout.pay', 'cart.get']);
  });

  it('steps piece quantities with + and −, each press counting, never below one', async () => {
    let revision = 2;
    const { api, calls } = fakeApi({ 'cart.setQuantity': (input) => ok(cart([line('a', (input as { qtyMilli: number }).qtyMilli)], ++revision)) });
    const store = createSellStore(api);
    store.getState().cartChanged(cart([line('a')], 2));
    store.getState().select('a');
    await store.getState().stepQuantity(-1);
    expect(calls.at(-1)?.input).toEqual({ lineId: 'a', qtyMilli: 1000 });
    await Promise.all([store.getState().stepQuantity(1), store.getState().stepQuantity(1)]);
    expect(store.getState().cart?.lines[0]?.qtyMilli).toBe(3000);
  });

  it('never goes back to an older cart, whichever way it arrives', async () => {
    let release: () => void = () => undefined;
    const { api, calls } = fakeApi({
      'cart.addProduct': () => new Promise((resolve) => (release = () => resolve(ok(cart([line('a'), line('b')], 3))))),
    });
    const store = createSellStore(api);
    const adding = store.getState().addProduct('P-b');
    // The edit is on its way (and `release` set) once the till service has been asked.
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    // The edit's own event can come first; the answer with the same revision still applies.
    store.getState().cartChanged(cart([line('a'), line('b')], 3));
    release();
    await adding;
    store.getState().cartChanged(cart([line('a')], 2));
    expect(store.getState().cart?.revision).toBe(3);
    expect(store.getState().cart?.lines.map((l) => l.lineId)).toEqual(['a', 'b']);
  });
});
