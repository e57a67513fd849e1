import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../api/client', () => ({
  api: { call: vi.fn(), subscribe: () => () => undefined },
  onRefusal: () => () => undefined,
}));
const { describeInterruption, useCoreStore } = await import('./core-store');

const interrupted = { code: 'INTERRUPTED', message: 'The till restarted before it answered.' } as const;

describe('core store', () => {
  beforeEach(() => useCoreStore.setState({ restarting: false, message: '', interruption: null }));

  it('follows the host: restarting with its message, then ready', () => {
    useCoreStore.getState().coreStateChanged({ state: 'restarting', message: 'The till is restarting.', restarts: 2 });
    expect(useCoreStore.getState()).toMatchObject({ restarting: true, message: 'The till is restarting.' });
    useCoreStore.getState().coreStateChanged({ state: 'ready', message: 'The till is ready.', restarts: 2 });
    expect(useCoreStore.getState()).toMatchObject({ restarting: false, message: '' });
  });

  it('takes a RESTARTING refusal of any call as a restart, with the refusal\'s words', () => {
    useCoreStore.getState().refused('cart.scan', { code: 'RESTARTING', message: 'The till is still starting.' });
    expect(useCoreStore.getState()).toMatchObject({ restarting: true, message: 'The till is still starting.' });
  });

  it('remembers an interrupted payment or refund, and nothing else, until dismissed', () => {
    useCoreStore.getState().refused('cart.scan', interrupted);
    useCoreStore.getState().refused('checkout.pay', { code: 'PAYMENT_DECLINED', message: 'Declined.' });
    expect(useCoreStore.getState().interruption).toBeNull();
    useCoreStore.getState().refused('returns.create', interrupted);
    expect(useCoreStore.getState().interruption).toEqual({
      title: 'Refund interrupted',
      advice: 'The refund may or may not have been made. Check the sales history before refunding it again.',
      message: interrupted.message,
    });
    useCoreStore.getState().dismissInterruption();
    expect(useCoreStore.getState().interruption).toBeNull();
    expect(describeInterruption('checkout.pay', interrupted)?.title).toBe('Payment interrupted');
  });
});
