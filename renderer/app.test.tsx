/**
 * The app while its till core dies and comes back: what the clerk sees during the restart, where the app goes
 * after it, and what it says about a payment the restart cut off. The host's side is scripted at the bridge.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreState } from '../shared/api/core-state';
import { App } from './app';
import { cart, line } from './screens/sell/test-carts';
import { startAuthSync, useAuthStore } from './state/auth-store';
import { startCoreSync, useCoreStore } from './state/core-store';
import { installFakeBridge, ok, refused } from './test-support/fake-bridge';
import { answerSellingReads, authStatus, CLARA_SESSION } from './test-support/till-fixtures';
import { person } from './test-support/ui';

const bridge = installFakeBridge();

const RESTARTING: CoreState = {
  state: 'restarting',
  message: 'The till is restarting: it stopped unexpectedly. Your cart and completed sales are kept; log in again when it is back.',
  restarts: 1,
};
const READY: CoreState = { state: 'ready', message: 'The till is ready.', restarts: 1 };
const OVERLAY = { name: 'The till is restarting…' };

/** The host's view of the core: while it is down, calls are refused as RESTARTING and sessions are gone. */
function scriptCore() {
  const core = { up: true, session: CLARA_SESSION as typeof CLARA_SESSION | null };
  bridge.answer('auth.status', () => (core.up ? ok(authStatus(core.session)) : refused('RESTARTING', RESTARTING.message)));
  return {
    /** `announce: false`: the page hears nothing (its push channel was down, or the events are still on their way). */
    async dies({ announce }: { announce: boolean }) {
      core.up = false;
      core.session = null;
      if (!announce) return;
      await bridge.push('session.changed', null);
      await bridge.push('core.state', RESTARTING);
    },
    async isBack({ announce }: { announce: boolean }) {
      core.up = true;
      if (announce) await bridge.push('core.state', READY);
    },
  };
}

let stops: (() => void)[] = [];

async function startApp() {
  stops = [startAuthSync(), startCoreSync({ retryMs: 5 })];
  render(<App />);
}

describe('the app when the till core restarts', () => {
  beforeEach(() => {
    bridge.reset();
    answerSellingReads(bridge, cart([line('bread', 1000, { name: 'Bread' })], 4));
    useAuthStore.setState({ phase: 'loading', problem: '', status: null, session: null });
    useCoreStore.setState({ restarting: false, message: '', interruption: null });
  });
  afterEach(() => stops.forEach((stop) => stop()));

  it('covers the till while the core restarts, and goes back to login when it is ready', async () => {
    const core = scriptCore();
    await startApp();
    await screen.findByText('1 line');

    await core.dies({ announce: true });
    const overlay = screen.getByRole('dialog', OVERLAY);
    expect(within(overlay).getByRole('status').textContent).toBe(RESTARTING.message);
    // Nothing reaches a core that is not there: Esc does not close the overlay, F2 opens no payment.
    await person.press('Escape');
    await person.press('F2');
    expect(screen.getByRole('dialog', OVERLAY)).toBe(overlay);
    expect(screen.queryByRole('dialog', { name: 'Payment' })).toBeNull();

    const readsBefore = bridge.inputsOf('auth.status').length;
    await core.isBack({ announce: true });
    await waitFor(() => expect(screen.queryByRole('dialog', OVERLAY)).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(bridge.inputsOf('auth.status').length).toBeGreaterThan(readsBefore);
  });

  it('shows the overlay when a call is refused as RESTARTING, and leaves when a retry gets through without any event', async () => {
    const core = scriptCore();
    await core.dies({ announce: false });
    await startApp();
    const overlay = await screen.findByRole('dialog', OVERLAY);
    expect(within(overlay).getByRole('status').textContent).toBe(RESTARTING.message);
    // Several reads while it is down, one after another: the app keeps asking instead of hanging.
    await waitFor(() => expect(bridge.inputsOf('auth.status').length).toBeGreaterThan(2));

    await core.isBack({ announce: false });
    await waitFor(() => expect(screen.queryByRole('dialog', OVERLAY)).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
  });

  it('keeps a payment cut off by the restart on screen after it, until the clerk dismisses it', async () => {
    const core = scriptCore();
    const interrupted = 'The till restarted before it answered: this may or may not have been done. Check (e.g. the sales history) before doing it again.';
    bridge.answer('checkout.pay', () => refused('INTERRUPTED', interrupted));
    await startApp();
    await screen.findByText('1 line');
    await person.press('F2');
    await person.type('20{Enter}');
    await screen.findByText(/Payment interrupted/, { selector: '.till-notice h2' });
    await core.dies({ announce: true });
    await core.isBack({ announce: true });
    await screen.findByRole('heading', { name: 'Log in' });

    const notice = screen.getByRole('alert', { name: 'Payment interrupted' });
    expect(notice.textContent).toContain('The payment may or may not have gone through. Check the sales history before taking it again.');
    expect(notice.textContent).toContain(interrupted);
    expect(bridge.inputsOf('checkout.pay')).toHaveLength(1);
    await person.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert', { name: 'Payment interrupted' })).toBeNull();
  });

  it('takes a logout the restart made for it as a logout', async () => {
    bridge.answer('auth.logout', () => refused('RESTARTING', RESTARTING.message));
    const core = scriptCore();
    await startApp();
    await screen.findByText('1 line');
    await core.dies({ announce: false });
    await person.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByRole('dialog', OVERLAY)).toBeTruthy();
  });
});
